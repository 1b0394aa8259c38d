import 'server-only';
import { headers } from 'next/headers';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Sessions checked in the last few seconds, by their signed cookie: every save asks who is
 * writing, and asking the database each time cost 3 ms of CPU per edit. An entry lives at most
 * SESSION_CACHE_MS (and never past the session's own end); signing out here clears the cache, so
 * only a sign-out on another server (or the session expiring) takes up to that long to apply.
 */
export const SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { user: CurrentUser; until: number }>();

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/** Forgets every cached session (after a sign-out, a password change). */
export function forgetSessions() {
  cache.clear();
}

/** The signed-in user, or null (from a request's headers in a route handler). */
export async function getCurrentUser(from?: Headers): Promise<CurrentUser | null> {
  const requestHeaders = from ?? (await headers());
  const key = SESSION_COOKIE.exec(requestHeaders.get('cookie') ?? '')?.[1];
  const now = Date.now();
  const hit = key ? cache.get(key) : undefined;
  if (hit && hit.until > now) return hit.user;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) {
    if (key) cache.delete(key);
    return null;
  }
  const { id, name, email } = session.user;
  const user = { id, name, email };
  if (key) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    const ends = new Date(session.session.expiresAt).getTime();
    cache.set(key, { user, until: Math.min(now + SESSION_CACHE_MS, ends) });
  }
  return user;
}

/** The signed-in user, or an UNAUTHENTICATED error. */
export async function requireUser(from?: Headers): Promise<CurrentUser> {
  const user = await getCurrentUser(from);
  if (!user)
    throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to keep working.');
  return user;
}
