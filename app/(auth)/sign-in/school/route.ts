import { schoolSignInQuery, queryOf } from '@/lib/schemas/query';
import { startSchoolSignIn } from '@/lib/server/school-sign-in/routes';

/**
 * "Sign in with <school>": a link (it works without JavaScript, and a form posting to another
 * site would need the provider in the page's form-action), sending the browser to the school's
 * provider. Signing in there brings it back to /api/auth/callback/school, then to `next`.
 */
export async function GET(request: Request) {
  const { next } = schoolSignInQuery.parse(queryOf(request.url));
  return startSchoolSignIn(request, next);
}
