/**
 * The Content-Security-Policy of every page (set by proxy.ts). Scripts: only this app's, by
 * nonce ('strict-dynamic' lets them load their own chunks and the graph's layout worker); no
 * eval outside development. Styles allow inline style attributes, which React Flow and the
 * outline's indentation use; no external origin is allowed for anything.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
