import crypto from 'node:crypto';
import { getAuth } from '@/lib/server/auth';

/** The password of every account `signedIn` makes. */
export const PASSWORD = 'correct horse battery';

/**
 * A new account signed up (and so signed in) through better-auth: its id and email, its cookie
 * header as a browser would send it, and its session's token.
 */
export async function signedIn(name = 'Reader') {
  const email = `reader-${crypto.randomUUID()}@example.org`;
  const { headers, response } = await getAuth().api.signUpEmail({
    body: { name, email, password: PASSWORD },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
  return { userId: response.user.id, email, cookie, headers: new Headers({ cookie }), token };
}
