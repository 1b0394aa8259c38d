// @ts-check
// Small HTTP helpers for the fake platform: bodies in, JSON/HTML/errors out.

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** An error that becomes an HTTP answer: `status`, and for OAuth-style JSON an `error` code. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {{ code?: string, html?: boolean, headers?: Record<string, string> }} [more]
   */
  constructor(status, message, more = {}) {
    super(message);
    this.status = status;
    this.code = more.code;
    this.html = more.html ?? false;
    this.headers = more.headers ?? {};
  }
}

const LIMIT = 1_000_000;

/** @param {Req} req */
export async function readText(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > LIMIT) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The bare media type of a request, lower case, without parameters. @param {Req} req */
export function mediaType(req) {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A form body (application/x-www-form-urlencoded) as a plain object of strings.
 * @param {Req} req
 * @returns {Promise<Record<string, string>>}
 */
export async function readForm(req) {
  const text = await readText(req);
  if (mediaType(req) !== 'application/x-www-form-urlencoded')
    throw new HttpError(415, 'expected an application/x-www-form-urlencoded body');
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * A JSON body; `types` lists the media types accepted (default application/json).
 * @param {Req} req
 * @param {string[]} [types]
 * @returns {Promise<any>}
 */
export async function readJson(req, types = ['application/json']) {
  const text = await readText(req);
  if (!types.includes(mediaType(req)))
    throw new HttpError(415, `expected a body of type ${types.join(' or ')}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {unknown} body
 * @param {string} [type]
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, type = 'application/json', headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body, null, 2));
}

/** @param {Res} res @param {number} status @param {string} html */
export function sendHtml(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** @param {Res} res @param {string} location */
export function redirect(res, location) {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

/**
 * `base` with `params` added to its query (undefined values left out).
 * @param {string} base
 * @param {Record<string, string | undefined>} params
 */
export function withQuery(base, params) {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}
