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

/** Where proxy.ts rewrites this request to (a kept page's route, same query), or null. */
export function keptPagePath(
  method: string,
  url: URL,
  headers: Headers,
  now = Date.now(),
): string | null {
  if (method !== 'GET') return null;
  const token = SHARED_PAGE.exec(url.pathname)?.[1];
  const route = token
    ? `/api/kept-page/s/${token}`
    : url.pathname === '/'
      ? '/api/kept-page/home'
      : null;
  if (!route) return null;
  // Next.js's own navigations and prefetches ask for the page's data, not its HTML.
  if (headers.has('rsc') || headers.has('next-router-prefetch') || headers.has(RENDER_HEADER)) {
    return null;
  }
  if (!onlyZoneCookie(headers.get('cookie'))) return null;
  if (keptPagesOff(now)) return null;
  return `${route}${url.search}`;
}
