import { isLinkToken } from '@/lib/schemas/ids';

/**
 * Which requests proxy.ts sends to the routes that keep whole pages (app/api/kept-page, with
 * lib/server/kept-page.ts): a document request for the home page or a read-only link's page,
 * `/s/<token>`, from a reader without an account. Shared by the proxy and those routes, so both
 * agree on the headers.
 */

/** The nonce the response is to carry (set by the proxy only; a client's own is dropped). */
export const NONCE_HEADER = 'x-nonce';

/** Marks the kept-pages route's own render of a page, which must not come back to it. */
export const RENDER_HEADER = 'x-counterpoint-render';

const SHARED_PAGE = /^\/s\/([^/]+)$/;
const OFF = Symbol.for('counterpoint.keptPagesOff');

/** For a minute (from `now`), every request renders its page: the route could not reach this server. */
export function turnKeptPagesOff(now = Date.now()): void {
  (globalThis as Record<symbol, unknown>)[OFF] = now + 60_000;
}

const keptPagesOff = (now: number) =>
  now < Number((globalThis as Record<symbol, unknown>)[OFF] ?? 0);

/**
 * A browser opening the page, not Next.js fetching its data for a navigation, a prefetch or a
 * refresh (the proxy never sees those requests' own `rsc` header or `_rsc` query: Next.js takes
 * them off before it runs). Browsers say what a request is for (`Sec-Fetch-Dest`); one that does
 * not, asks for HTML to open a page.
 */
function documentRequest(headers: Headers): boolean {
  const dest = headers.get('sec-fetch-dest');
  if (dest) return dest === 'document';
  return (headers.get('accept') ?? '').includes('text/html');
}

/**
 * Cookies a page for a reader without an account may depend on: only the time zone. Any other
 * (a session, even an expired one; a known device) and the page is rendered for that reader.
 */
function onlyZoneCookie(cookie: string | null): boolean {
  if (!cookie) return true;
  return cookie.split(';').every((part) => {
    const name = part.split('=', 1)[0]!.trim();
    return name === '' || name === 'tz';
  });
}

/**
 * Where proxy.ts rewrites this request to (a kept page's route), or null. Only an address
 * without a query: Next.js puts the query into the page, so each would be a page of its own (a
 * tracking parameter, or anyone's `?x=1`, `?x=2`…). Only in production: in development the code
 * changes under the kept pages.
 */
export function keptPagePath(
  method: string,
  url: URL,
  headers: Headers,
  opts: { now?: number; production?: boolean } = {},
): string | null {
  const { now = Date.now(), production = process.env.NODE_ENV === 'production' } = opts;
  if (!production || method !== 'GET' || url.search !== '') return null;
  const token = SHARED_PAGE.exec(url.pathname)?.[1];
  const route =
    token && isLinkToken(token)
      ? `/api/kept-page/s/${token}`
      : url.pathname === '/'
        ? '/api/kept-page/home'
        : null;
  if (!route || !documentRequest(headers) || headers.has(RENDER_HEADER)) return null;
  if (!onlyZoneCookie(headers.get('cookie'))) return null;
  if (keptPagesOff(now)) return null;
  return route;
}
