import { NextResponse, type NextRequest } from 'next/server';
import { refuseUnreadableAction } from '@/lib/action-body';
import { contentSecurityPolicy } from '@/lib/csp';

/** Whether a reverse proxy in front sets X-Forwarded-For (TRUST_PROXY=1, or the hop count). */
const trustProxy = () => {
  const trust = (process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  return trust !== '' && trust !== '0' && trust !== 'false';
};

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next.js puts it on its own
 * scripts (it reads the policy from the request), and no other script runs, whatever a claim or
 * an import contains. Pages are rendered per request anyway (they read the session).
 * Without a trusted proxy, a client's own X-Forwarded-For is dropped, so Next fills in the real
 * address and sign-in throttling (lib/server/sign-in.ts) counts the client it should.
 */
export async function proxy(request: NextRequest) {
  // A server action Next could not read would be answered 500 (lib/action-body.ts).
  const unreadable = await refuseUnreadableAction(request);
  if (unreadable) return unreadable;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  if (!trustProxy()) headers.delete('x-forwarded-for');
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the JSON API, static files or prefetches.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
