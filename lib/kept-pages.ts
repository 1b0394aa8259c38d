/**
 * Which requests proxy.ts sends to the route that keeps whole pages (app/api/shared-page, with
 * lib/server/shared-page.ts): a document request for a read-only link's page, `/s/<token>`, from a
 * reader without an account. Shared by the proxy and that route, so both agree on the headers.
 */

/** The nonce the response is to carry (set by the proxy only; a client's own is dropped). */
export const NONCE_HEADER = 'x-nonce';

/** Marks the kept-pages route's own render of a page, which must not come back to it. */
export const RENDER_HEADER = 'x-counterpoint-render';

const SHARED_PAGE = /^\/s\/([^/]+)$/;
const OFF = Symbol.for('counterpoint.keptPagesOff');

/** Every request renders its page from now on (the route could not reach this server). */
export function turnKeptPagesOff(): void {
  (globalThis as Record<symbol, unknown>)[OFF] = true;
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

/** Where proxy.ts rewrites this request to (the kept-pages route, same query), or null. */
export function keptPagePath(method: string, url: URL, headers: Headers): string | null {
  if (method !== 'GET') return null;
  const token = SHARED_PAGE.exec(url.pathname)?.[1];
  if (!token) return null;
  // Next.js's own navigations and prefetches ask for the page's data, not its HTML.
  if (headers.has('rsc') || headers.has('next-router-prefetch') || headers.has(RENDER_HEADER)) {
    return null;
  }
  if (!onlyZoneCookie(headers.get('cookie'))) return null;
  if ((globalThis as Record<symbol, unknown>)[OFF]) return null;
  return `/api/shared-page/${token}${url.search}`;
}
