import 'server-only';
import { APIError } from 'better-auth/api';
import { SCHOOL_PROVIDER_ID } from '@/lib/domain/school-sign-in';
import { getAuth } from '../auth';
import { schoolSignIn } from './config';

/**
 * The two doors of the school's sign-in. Nothing else of better-auth's HTTP API is served: every
 * other sign-in goes through the app's own server functions (lib/server/sign-in.ts), which count
 * attempts first.
 */

const signInPage = (next: string, error?: string) => {
  const query = new URLSearchParams({
    ...(next !== '/start' ? { next } : {}),
    ...(error ? { error } : {}),
  }).toString();
  return query ? `/sign-in?${query}` : '/sign-in';
};

const seeOther = (location: string, cookies: string[] = []) => {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
};

/**
 * Starts a sign-in at the provider: better-auth keeps the state (with the PKCE verifier and the
 * nonce) in its verification table and a signed cookie for this browser, and the browser is sent
 * to the provider's authorization endpoint. 404 when the school's sign-in is not configured.
 */
export async function startSchoolSignIn(request: Request, next: string): Promise<Response> {
  if (!schoolSignIn()) return new Response('Not found', { status: 404 });
  try {
    const { headers, response } = await getAuth().api.signInSocial({
      body: {
        provider: SCHOOL_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: signInPage(next),
      },
      headers: request.headers,
      // The state cookie goes on this route's own answer (in a route handler the nextCookies
      // plugin would set it too; the same cookie twice does no harm).
      returnHeaders: true,
    });
    if (!response.url) throw new Error('better-auth gave no authorization address');
    return seeOther(response.url, headers.getSetCookie());
  } catch (e) {
    // The provider could not be reached (its discovery document is fetched at start, and again
    // here while it is missing): back to the sign-in page, which says so.
    if (e instanceof APIError) {
      console.error('Sign-in with the school could not start:', e.message);
      return seeOther(signInPage(next, 'provider_unavailable'));
    }
    throw e;
  }
}

/** The provider's answer (GET, or POST for form_post): better-auth's own callback. */
export async function schoolCallback(request: Request): Promise<Response> {
  if (!schoolSignIn()) return new Response('Not found', { status: 404 });
  return getAuth().handler(request);
}
