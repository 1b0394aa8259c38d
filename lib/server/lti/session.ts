import 'server-only';
import { getAuth } from '../auth';

/**
 * Signs in `userId` for the browser that made this request (an LMS launch), through better-auth
 * (lib/server/lti/auth-plugin.ts). Returns the Set-Cookie values for the response.
 */
export async function signInFromLaunch(userId: string, requestHeaders: Headers): Promise<string[]> {
  const { headers } = await getAuth().api.signInLtiUser({
    body: { userId },
    headers: requestHeaders,
    returnHeaders: true,
  });
  return headers.getSetCookie();
}
