import { NextResponse, type NextRequest } from 'next/server';
import { refuseUnreadableAction } from '@/lib/action-body';
import { stampClient } from '@/lib/client-address';
import { contentSecurityPolicy } from '@/lib/csp';
import { keptPagePath, NONCE_HEADER } from '@/lib/kept-pages';

/**
 * Runs on every request that reaches the app's code (pages, server actions, the JSON API,
 * prefetches: whatever its headers), and does three things:
 *
 * - A server-action body Next could not read (too large, undecodable) is refused with a 4xx here
 *   (lib/action-body.ts); Next itself would answer 500.
 * - Who the client is: a client's own X-Forwarded-For is dropped (unless TRUST_PROXY says a
 *   proxy in front sets it), so Next.js fills in the connection's address, and the request is
 *   stamped as having passed through here (lib/client-address.ts). The throttles on sign-in,
 *   reset links and joining count that client and no other.
 * - Every page gets a Content-Security-Policy with a fresh nonce: Next.js puts it on its own
 *   scripts (it reads the policy from the request), and no other script runs, whatever a claim or
 *   an import contains. Pages are rendered per request anyway (they read the session). So does a
 *   prefetch of a page (a browser may show what it fetched), the JSON API none.
 * - The home page or a read-only link's page opened without an account goes to the route that
 *   keeps such pages whole (lib/kept-pages.ts, lib/server/kept-page.ts), with the nonce it is to
 *   carry.
 */
export async function proxy(request: NextRequest) {
  // A server action Next could not read would be answered 500 (lib/action-body.ts).
  const unreadable = await refuseUnreadableAction(request);
  if (unreadable) return unreadable;
  const headers = new Headers(request.headers);
  // Only this proxy says which nonce a response carries.
  headers.delete(NONCE_HEADER);
  stampClient(headers);
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.next({ request: { headers } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  headers.set(NONCE_HEADER, nonce);
  headers.set('Content-Security-Policy', policy);
  const kept = keptPagePath(request.method, request.nextUrl, request.headers);
  const response = kept
    ? NextResponse.rewrite(new URL(kept, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    // Everything but static files (no code of the app's runs for those) and the editor's
    // operations: the busiest route reads no client address (nothing there is throttled by
    // client), and a request that skips the proxy is never stamped, so it counts as the one
    // unknown client wherever an address is read. No `missing` exclusions by header: those would
    // let any request choose to skip it.
    '/((?!_next/static|_next/image|favicon.ico|api/maps/[^/]+/ops$).*)',
  ],
};
