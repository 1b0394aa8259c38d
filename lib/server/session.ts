import 'server-only';
import { headers } from 'next/headers';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user, or null (from a request's headers in a route handler). */
export async function getCurrentUser(from?: Headers): Promise<CurrentUser | null> {
  const session = await getAuth().api.getSession({ headers: from ?? (await headers()) });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}

/** The signed-in user, or an UNAUTHENTICATED error. */
export async function requireUser(from?: Headers): Promise<CurrentUser> {
  const user = await getCurrentUser(from);
  if (!user)
    throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to keep working.');
  return user;
}
