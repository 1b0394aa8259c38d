// @ts-check
// LTI Advantage services, platform side: the OAuth 2 token endpoint (client_credentials with a
// JWT client assertion, 1EdTech Security Framework §4.1), Names and Role Provisioning 2.0 and
// Assignment and Grade Services 2.0 (line items, scores, results).
import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { HttpError, readJson, sendJson } from './http.mjs';
import {
  ACTIVITY_PROGRESS,
  CLIENT_ASSERTION_TYPE,
  GRADING_PROGRESS,
  MEDIA,
  SCOPE,
  roleUris,
} from './spec.mjs';
import { nowIso } from './state.mjs';

/** @typedef {import('../lti-platform.mjs').Platform} Platform */
/** @typedef {import('./http.mjs').Req} Req */
/** @typedef {import('./http.mjs').Res} Res */

/**
 * Verifies a JWT the tool signed, against the tool's JWKS fetched now (so a rotated key is seen
 * at once).
 * @param {Tool} tool
 * @param {string} jwt
 * @param {{ audience: string, issuer?: string, subject?: string }} expect
 */
export async function verifyToolJwt(tool, jwt, expect) {
  let jwks;
  try {
    const res = await fetch(tool.jwksUri, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    jwks = createLocalJWKSet(await res.json());
  } catch (e) {
    throw new Error(
      `could not read the tool's JWKS at ${tool.jwksUri}: ${/** @type {Error} */ (e).message}`,
    );
  }
  const { payload } = await jwtVerify(jwt, jwks, {
    algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
    audience: expect.audience,
    issuer: expect.issuer,
    subject: expect.subject,
    requiredClaims: ['exp', 'iat'],
    clockTolerance: 5,
  });
  return payload;
}
/** @typedef {import('./state.mjs').Tool} Tool */

/**
 * POST /token: client_credentials with private_key_jwt. Grants the requested scopes the tool
 * was registered for.
 * @param {Platform} p
 * @param {Res} res
 * @param {Record<string, string>} form
 */
export async function token(p, res, form) {
  /** @param {number} status @param {string} error @param {string} description */
  const fail = (status, error, description) => {
    p.refuse('token', status, `${error}: ${description}`);
    sendJson(res, status, { error, error_description: description });
  };
  if (form.grant_type !== 'client_credentials')
    return fail(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
  if (form.client_assertion_type !== CLIENT_ASSERTION_TYPE)
    return fail(400, 'invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
  if (!form.client_assertion) return fail(400, 'invalid_request', 'client_assertion is missing');
  let unverified;
  try {
    unverified = decodeJwt(form.client_assertion);
  } catch {
    return fail(400, 'invalid_request', 'client_assertion is not a JWT');
  }
  const tool = unverified.iss ? p.store.tools.get(unverified.iss) : undefined;
  if (!tool) return fail(401, 'invalid_client', `unknown client (iss "${unverified.iss ?? ''}")`);
  let payload;
  try {
    payload = await verifyToolJwt(tool, form.client_assertion, {
      audience: p.urls.token,
      issuer: tool.clientId,
      subject: tool.clientId,
    });
  } catch (e) {
    return fail(
      401,
      'invalid_client',
      `client_assertion refused: ${/** @type {Error} */ (e).message}`,
    );
  }
  if (typeof payload.jti !== 'string' || !payload.jti)
    return fail(401, 'invalid_client', 'client_assertion has no jti');
  const now = Math.floor(Date.now() / 1000);
  for (const [jti, exp] of p.store.usedJtis) if (exp < now - 60) p.store.usedJtis.delete(jti);
  const jtiKey = `${tool.clientId}\n${payload.jti}`;
  if (p.store.usedJtis.has(jtiKey))
    return fail(401, 'invalid_client', 'client_assertion jti was already used');
  p.store.usedJtis.set(jtiKey, Number(payload.exp));
  const requested = (form.scope ?? '').split(' ').filter(Boolean);
  if (!requested.length) return fail(400, 'invalid_scope', 'scope is required');
  const granted = requested.filter((s) => tool.scopes.includes(s));
  if (!granted.length)
    return fail(400, 'invalid_scope', `none of the scopes requested is granted to this tool`);
  const accessToken = randomBytes(24).toString('base64url');
  const lifetime = p.options.tokenLifetime;
  p.store.tokens.set(accessToken, {
    clientId: tool.clientId,
    scopes: granted,
    expiresAt: Date.now() + lifetime * 1000,
  });
  sendJson(res, 200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: lifetime,
    scope: granted.join(' '),
  });
}

/**
 * The access token of a service request, which must carry one of `scopes`.
 * @param {Platform} p
 * @param {Req} req
 * @param {string[]} scopes
 */
function authorizeService(p, req, scopes) {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const grant = match?.[1] ? p.store.tokens.get(match[1]) : undefined;
  const challenge = { 'www-authenticate': 'Bearer error="invalid_token"' };
  if (!grant)
    throw new HttpError(401, 'a valid bearer access token is required', { headers: challenge });
  if (grant.expiresAt < Date.now())
    throw new HttpError(401, 'the access token has expired', { headers: challenge });
  if (!scopes.some((s) => grant.scopes.includes(s)))
    throw new HttpError(403, `the access token lacks the scope (one of ${scopes.join(', ')})`);
  return grant;
}

/** @param {Platform} p @param {string} contextId */
function contextOr404(p, contextId) {
  const context = p.store.contexts.get(contextId);
  if (!context) throw new HttpError(404, `no context ${contextId}`);
  return context;
}

/**
 * The page of `items` a request asks for with limit (and our page), and the Link header.
 * @template T
 * @param {URL} url
 * @param {T[]} items
 * @param {number | undefined} defaultLimit
 */
function paginate(url, items, defaultLimit) {
  const limit = Number(url.searchParams.get('limit')) || defaultLimit || 0;
  if (!limit) return { items, headers: {} };
  const pageNo = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const slice = items.slice((pageNo - 1) * limit, pageNo * limit);
  /** @type {Record<string, string>} */
  const headers = {};
  if (pageNo * limit < items.length) {
    const next = new URL(url);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('page', String(pageNo + 1));
    headers.link = `<${next}>; rel="next"`;
  }
  return { items: slice, headers };
}

/**
 * GET /contexts/:id/memberships (NRPS 2.0), with role= filter and limit= paging (Link rel=next).
 * @param {Platform} p
 * @param {Req} req
 * @param {Res} res
 * @param {URL} url
 * @param {string} contextId
 */
export function memberships(p, req, res, url, contextId) {
  authorizeService(p, req, [SCOPE.nrps]);
  const context = contextOr404(p, contextId);
  let members = [...context.members.values()];
  const role = url.searchParams.get('role');
  if (role) {
    let wanted;
    try {
      wanted = roleUris(role)[0];
    } catch (e) {
      throw new HttpError(400, /** @type {Error} */ (e).message);
    }
    members = members.filter((m) => m.roles.includes(wanted ?? role));
  }
  const { items, headers } = paginate(url, members, p.options.nrpsPageSize);
  sendJson(
    res,
    200,
    {
      id: url.toString(),
      context: { id: context.id, label: context.label, title: context.title },
      members: items.map((m) =>
        Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)),
      ),
    },
    MEDIA.memberships,
    headers,
  );
}

/**
 * A line item as AGS shows it.
 * @param {import('./state.mjs').LineItem} li
 */
function lineItemJson(li) {
  const { contextId: _c, clientId: _t, ...rest } = li;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/**
 * Checks a line item body (POST/PUT).
 * @param {any} body
 */
function lineItemFields(body) {
  if (!body || typeof body !== 'object')
    throw new HttpError(400, 'the line item must be an object');
  if (typeof body.label !== 'string' || !body.label.trim())
    throw new HttpError(400, 'label is required');
  if (typeof body.scoreMaximum !== 'number' || !(body.scoreMaximum > 0))
    throw new HttpError(400, 'scoreMaximum must be a number above 0');
  /** @type {Record<string, unknown>} */
  const fields = { label: body.label, scoreMaximum: body.scoreMaximum };
  for (const k of ['resourceLinkId', 'resourceId', 'tag', 'startDateTime', 'endDateTime'])
    if (body[k] !== undefined) {
      if (typeof body[k] !== 'string') throw new HttpError(400, `${k} must be a string`);
      fields[k] = body[k];
    }
  if (body.gradesReleased !== undefined) fields.gradesReleased = Boolean(body.gradesReleased);
  return fields;
}

/**
 * AGS 2.0 under /contexts/:id/lineitems: the container (GET, POST), one line item (GET, PUT,
 * DELETE), its scores (POST) and results (GET).
 * @param {Platform} p
 * @param {Req} req
 * @param {Res} res
 * @param {URL} url
 * @param {string} contextId
 * @param {string[]} rest the path after lineitems
 */
export async function ags(p, req, res, url, contextId, rest) {
  const method = req.method ?? 'GET';
  const read = [SCOPE.lineItem, SCOPE.lineItemReadonly];
  const context = contextOr404(p, contextId);
  if (rest.length === 0) {
    if (method === 'GET') {
      const grant = authorizeService(p, req, read);
      const q = url.searchParams;
      const all = [...p.store.lineItems.values()].filter(
        (li) =>
          li.contextId === context.id &&
          li.clientId === grant.clientId &&
          (!q.get('resource_link_id') || li.resourceLinkId === q.get('resource_link_id')) &&
          (!q.get('resource_id') || li.resourceId === q.get('resource_id')) &&
          (!q.get('tag') || li.tag === q.get('tag')),
      );
      const { items, headers } = paginate(url, all, undefined);
      return sendJson(res, 200, items.map(lineItemJson), MEDIA.lineItemContainer, headers);
    }
    if (method === 'POST') {
      const grant = authorizeService(p, req, [SCOPE.lineItem]);
      const fields = lineItemFields(await readJson(req, [MEDIA.lineItem, 'application/json']));
      if (fields.resourceLinkId && !p.store.resourceLinks.has(String(fields.resourceLinkId)))
        throw new HttpError(400, `no resource link ${fields.resourceLinkId} in this context`);
      const li = p.addLineItem({
        .../** @type {any} */ (fields),
        contextId: context.id,
        clientId: grant.clientId,
      });
      return sendJson(res, 201, lineItemJson(li), MEDIA.lineItem);
    }
    throw new HttpError(405, 'GET or POST');
  }
  const li = p.store.lineItems.get(`${p.urls.lineItems(context.id)}/${rest[0]}`);
  if (!li) throw new HttpError(404, 'no such line item');
  if (rest.length === 1) {
    if (method === 'GET') {
      authorizeService(p, req, read);
      return sendJson(res, 200, lineItemJson(li), MEDIA.lineItem);
    }
    if (method === 'PUT') {
      authorizeService(p, req, [SCOPE.lineItem]);
      const fields = lineItemFields(await readJson(req, [MEDIA.lineItem, 'application/json']));
      Object.assign(li, fields, { id: li.id });
      return sendJson(res, 200, lineItemJson(li), MEDIA.lineItem);
    }
    if (method === 'DELETE') {
      authorizeService(p, req, [SCOPE.lineItem]);
      p.store.lineItems.delete(li.id);
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(405, 'GET, PUT or DELETE');
  }
  if (rest.length === 2 && rest[1] === 'scores' && method === 'POST') {
    const grant = authorizeService(p, req, [SCOPE.score]);
    const body = await readJson(req, [MEDIA.score]);
    const score = checkScore(body);
    const member = context.members.get(score.userId);
    if (!member) throw new HttpError(400, `user ${score.userId} is not a member of this context`);
    const key = `${li.id}\n${score.userId}`;
    const last = p.store.results.get(key);
    if (last && Date.parse(last.timestamp) > Date.parse(score.timestamp))
      throw new HttpError(409, 'a later score for this user is already recorded');
    /** @type {import('./state.mjs').Score} */
    const recorded = {
      ...score,
      lineItemId: li.id,
      contextId: context.id,
      resourceLinkId: li.resourceLinkId,
      clientId: grant.clientId,
      receivedAt: nowIso(),
    };
    p.store.scores.push(recorded);
    p.store.results.set(key, recorded);
    return sendJson(res, 200, {
      resultUrl: `${li.id}/results?user_id=${encodeURIComponent(score.userId)}`,
    });
  }
  if (rest.length === 2 && rest[1] === 'results' && method === 'GET') {
    authorizeService(p, req, [SCOPE.resultReadonly]);
    const userId = url.searchParams.get('user_id');
    const results = [...p.store.results.values()]
      .filter((s) => s.lineItemId === li.id && (!userId || s.userId === userId))
      .filter((s) => s.scoreGiven !== undefined)
      .map((s) => ({
        id: `${li.id}/results/${encodeURIComponent(s.userId)}`,
        scoreOf: li.id,
        userId: s.userId,
        resultScore: s.scoreGiven,
        resultMaximum: s.scoreMaximum,
        ...(s.comment !== undefined ? { comment: s.comment } : {}),
      }));
    const { items, headers } = paginate(url, results, undefined);
    return sendJson(res, 200, items, MEDIA.resultContainer, headers);
  }
  throw new HttpError(404, 'no such AGS endpoint');
}

/**
 * A score body per AGS 2.0 §3.4: userId, activityProgress, gradingProgress, timestamp required;
 * scoreGiven with scoreMaximum, or neither (no scoreGiven = the score is cleared, as when a
 * grade is withdrawn).
 * @param {any} body
 */
function checkScore(body) {
  if (!body || typeof body !== 'object') throw new HttpError(400, 'the score must be an object');
  if (typeof body.userId !== 'string' || !body.userId)
    throw new HttpError(400, 'userId is required');
  if (!ACTIVITY_PROGRESS.includes(body.activityProgress))
    throw new HttpError(400, `activityProgress must be one of ${ACTIVITY_PROGRESS}`);
  if (!GRADING_PROGRESS.includes(body.gradingProgress))
    throw new HttpError(400, `gradingProgress must be one of ${GRADING_PROGRESS}`);
  if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp)))
    throw new HttpError(400, 'timestamp must be an ISO 8601 date-time');
  const given = body.scoreGiven ?? undefined;
  if (given !== undefined) {
    if (typeof given !== 'number' || given < 0)
      throw new HttpError(400, 'scoreGiven must be a number, 0 or more');
    if (typeof body.scoreMaximum !== 'number' || !(body.scoreMaximum > 0))
      throw new HttpError(400, 'scoreMaximum (above 0) is required with scoreGiven');
  }
  if (body.comment !== undefined && body.comment !== null && typeof body.comment !== 'string')
    throw new HttpError(400, 'comment must be a string');
  return {
    userId: body.userId,
    activityProgress: body.activityProgress,
    gradingProgress: body.gradingProgress,
    timestamp: body.timestamp,
    ...(given !== undefined ? { scoreGiven: given, scoreMaximum: body.scoreMaximum } : {}),
    ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
  };
}
