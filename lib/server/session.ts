import 'server-only';
import { headers } from 'next/headers';
import { appError } from '@/lib/error-words';
import { getAuth } from './auth';
import { onAccessChanged } from './live/access';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Sessions checked in the last few seconds, by their signed cookie: every save asks who is
 * writing, and asking the database each time cost 3 ms of CPU per edit. An entry lives at most
 * SESSION_CACHE_MS (and never past the session's own end); signing out here clears the cache, and
 * a password change or a sign-out everywhere clears that person's entries on every server, so
 * only a plain sign-out on another server (or the session expiring) takes up to that long to apply.
 */
export const SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { user: CurrentUser; until: number }>();

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/** Forgets every cached session (after a sign-out, a password change). */
export function forgetSessions() {
  cache.clear();
}

// A password changed or a sign-out everywhere, on any app server: that person's cached sessions
// go at once (lib/server/live/access.ts carries the message between servers).
const globalForSessions = globalThis as unknown as { counterpointSessionWatch?: boolean };
function watchAccess() {
  if (globalForSessions.counterpointSessionWatch) return;
  globalForSessions.counterpointSessionWatch = true;
  onAccessChanged((message) => {
    if (message.reason !== 'password' && message.reason !== 'signed-out') return;
    for (const [key, entry] of cache) if (entry.user.id === message.userId) cache.delete(key);
  });
}

/** The signed-in user, or null (from a request's headers in a route handler). */
export async function getCurrentUser(from?: Headers): Promise<CurrentUser | null> {
  watchAccess();
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
  if (!user) throw appError('session.ended');
  return user;
}
