import 'server-only';
import type { NextRequest } from 'next/server';
import { NONCE_HEADER, RENDER_HEADER, turnKeptPagesOff } from '@/lib/kept-pages';
import type { Db } from './db';
import { linkStanding, viewLinkState } from './share-links';
import { sharedStore } from './shared-parts';
import { viewerZoneOf } from './viewer-zone';

/**
 * Whole pages for readers without an account, where everything such a page shows is the same for
 * all of them (lib/kept-pages.ts says which requests come here): the home page (the featured
 * debate, the signed-out header) and a read-only link's page, `/s/<token>` (the map through the
 * link's lens: no names but the owner's where the link shows it). Rendered once and kept, so
 * thirty people opening the link at the start of a lesson cost one render instead of thirty.
 *
 * Kept by everything a page can differ by: the reader's time zone (addresses with a query are
 * never sent here), and for a link's page what viewLinkState reads on every open in one
 * statement (the map's revision, raised by every change to its contents on whichever app server
 * it was made; its title; the link's choices; the owner's name where shown). A revoked link is
 * never served from here. A debate edit (which changes the home page, and can move quotes
 * without a new revision) forgets every kept page with the rest of the shared parts
 * (lib/server/shared-parts.ts), here and on every other app server.
 *
 * Each page carries its own Content-Security-Policy nonce: the kept page's (a random value made
 * for its render, which no text of the page can contain) is replaced by the reader's.
 */

/** A page as rendered for the first reader: status, HTML, its nonce, the headers to send on. */
export interface RenderedPage {
  status: number;
  /** The HTML as UTF-8, in the pieces between its nonces (a reader's nonce goes between them). */
  parts: Uint8Array[];
  size: number;
  nonce: string;
  headers: [string, string][];
  /** Whether the next reader may have it: a complete page with a nonce, setting no cookie. */
  keep: boolean;
}

/** Renders the page at a path of this site for a reader without an account (the caller's fetch). */
export type RenderPage = (path: string, zone: string) => Promise<Response>;

/** What a kept page's route passes on: the reader's zone (canonical), their nonce, a renderer. */
export interface ForReader {
  zone: string;
  nonce: string;
  render: RenderPage;
}

/** About 100 pages of a 60-claim map: kept pages are counted by their length. */
const BUDGET = 16_000_000;
/** Readers who arrive while a page renders wait for that render (lib/server/shared-parts.ts). */
const pages = sharedStore<RenderedPage>(
  BUDGET,
  (p) => p.size,
  (p) => p.keep,
);

/**
 * The rendered page's headers that are sent on with it; the rest (length, encoding, policy, the
 * headers every response gets from next.config.js) the server sets for each response.
 */
const PAGE_HEADERS = new Set(['content-type', 'cache-control', 'vary', 'link', 'location']);

const NONCE = /'nonce-([^']+)'/;

/** `holds`: a text the page must hold to be kept (what it was rendered for, which can race). */
async function readPage(response: Response, holds = ''): Promise<RenderedPage> {
  const html = await response.text();
  const nonce = NONCE.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';
  const headers = [...response.headers].filter(([name]) => PAGE_HEADERS.has(name));
  const keep =
    response.status === 200 &&
    nonce.length >= 16 &&
    !response.headers.has('set-cookie') &&
    html.includes(holds);
  const parts = (nonce ? html.split(nonce) : [html]).map((part) => Buffer.from(part));
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  return { status: response.status, parts, size, nonce, headers, keep };
}

/**
 * The page for this reader: its nonce in place of the kept one. Bytes, put together in one piece:
 * a string body would be checked and encoded again for every reader.
 */
function forReader(page: RenderedPage, nonce: string, cache: 'hit' | 'miss'): Response {
  const swap = (text: string) => (page.nonce ? text.replaceAll(page.nonce, nonce) : text);
  const headers = new Headers(
    page.headers.map(([name, value]): [string, string] => [name, swap(value)]),
  );
  // Whether it was kept, for the tests and benchmarks only: elsewhere it would tell a link's
  // holder whether someone opened it lately.
  if (process.env.COUNTERPOINT_PAGE_CACHE_HEADER === '1') headers.set('x-page-cache', cache);
  const between = Buffer.from(nonce);
  const body = Buffer.concat(page.parts.flatMap((part, i) => (i ? [between, part] : [part])));
  return new Response(body, { status: page.status, headers });
}

/**
 * The page at `path` for this reader: kept under `key` when it may be (and only if it `holds`
 * that text), and rendered for this reader alone when `key` is null.
 */
async function keptPage(key: unknown[] | null, path: string, reader: ForReader, holds?: string) {
  if (!key)
    return forReader(await readPage(await reader.render(path, reader.zone)), reader.nonce, 'miss');
  let rendered = false;
  const page = await pages.get(JSON.stringify([...key, reader.zone]), async () => {
    rendered = true;
    return readPage(await reader.render(path, reader.zone), holds);
  });
  return forReader(page, reader.nonce, rendered ? 'miss' : 'hit');
}

/**
 * The page of view link `token`. An unknown, revoked or joining link is rendered as it is (its
 * "does not work" page, or the invitation), never kept.
 */
export async function sharedPage(db: Db, opts: ForReader & { token: string }) {
  const state = await viewLinkState(db, opts.token);
  const path = `/s/${encodeURIComponent(opts.token)}`;
  // The link's choices are read again by the render: one changed in between is a page for other
  // choices than its key's, which is sent to this reader but not kept (its live stream would
  // tell every later reader to reload, into the same page).
  const holds = state ? `data-standing="${linkStanding(state)}"` : '';
  return keptPage(state && ['s', opts.token, state], path, opts, holds);
}

/** The home page: the featured debate, forgotten with it. */
export function homePage(reader: ForReader) {
  return keptPage(['home'], '/', reader);
}

/**
 * Renders a page of this site by asking this very server for it, as a reader without an account
 * in `zone`: no header of the reader's goes with it, only the zone's cookie and a mark so that
 * the proxy does not send it back here. The whole page is read (within 30 s).
 */
export const renderHere: RenderPage = async (path, zone) => {
  const origin =
    process.env.__NEXT_PRIVATE_ORIGIN ||
    (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : '');
  if (!origin) throw new TypeError('The port this server listens on is not known.');
  const response = await fetch(new URL(path, origin), {
    headers: {
      [RENDER_HEADER]: '1',
      accept: 'text/html',
      'accept-encoding': 'identity',
      cookie: `tz=${encodeURIComponent(zone)}`,
    },
    redirect: 'manual',
    cache: 'no-store',
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, headers: response.headers });
};

/** The render could not reach this server (refused, unknown address), as opposed to slow. */
class Unreachable extends Error {}
/** The render took over 30 s. */
class TooSlow extends Error {}

const slow = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** The zone's own name: `europe/london` and `Europe/London` are one page, not two. */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * A kept page's route (app/api/kept-page): the page `serve` gives for this request, which reached
 * the route only through proxy.ts (which set its nonce; anything else is not found). When this
 * server cannot reach itself for the page, the reader is sent on to the page itself, and for a
 * minute every page is rendered for its reader; a render over 30 s is answered 503 (try again).
 */
export async function keptPageRoute(
  request: NextRequest,
  page: string,
  serve: (reader: ForReader) => Promise<Response>,
  renderer: RenderPage = renderHere,
): Promise<Response> {
  const nonce = request.headers.get(NONCE_HEADER);
  if (!nonce) return new Response('Not found', { status: 404 });
  const render: RenderPage = (path, zone) =>
    renderer(path, zone).catch((error: unknown) => {
      if (slow(error)) throw new TooSlow('The page took over 30 s.', { cause: error });
      throw new Unreachable('This server could not ask itself for a page.', { cause: error });
    });
  try {
    return await serve({ zone: canonicalZone(viewerZoneOf(request.headers)), nonce, render });
  } catch (error) {
    if (error instanceof TooSlow) {
      return new Response('This page is taking too long. Try again in a moment.', {
        status: 503,
        headers: { 'retry-after': '5', 'cache-control': 'no-store' },
      });
    }
    if (!(error instanceof Unreachable)) throw error;
    console.error('Pages are not kept for a minute:', error.cause);
    turnKeptPagesOff();
    return new Response(null, {
      status: 307,
      headers: { location: page, 'cache-control': 'no-store' },
    });
  }
}
