/** Longer `next` values are refused: no page of this app needs one, and they only cost. */
export const MAX_REDIRECT_LENGTH = 2048;

const BASE = 'http://x';
// C0 controls, DEL and C1 controls. Browsers drop tabs and newlines from URLs, so `/\t/evil`
// arrives as `//evil`; the rest have no place in a path and break the Location header.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Where to send someone after they sign in or up: `next` when it is a path on this site, as the
 * browser will read it (normalised, non-ASCII percent-encoded), otherwise `fallback`. Only a
 * single leading `/` is accepted; backslashes (which browsers read as `/`), control characters,
 * encoded slashes or backslashes at the start of the path, and anything that resolves to another
 * origin are refused.
 */
export function safeRedirect(next: unknown, fallback = '/start'): string {
  if (typeof next !== 'string' || next.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  if (next.includes('\\') || CONTROL.test(next)) return fallback;
  let url: URL;
  let path: string;
  try {
    url = new URL(next, BASE);
    path = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // A server or proxy that decodes the path before routing must not find `//host` or `\host`.
  if (path.startsWith('//') || path.includes('\\') || CONTROL.test(path)) return fallback;
  return url.pathname + url.search + url.hash;
}
