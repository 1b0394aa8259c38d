import 'server-only';
import { headers } from 'next/headers';
import { appError } from '@/lib/error-words';
import { getAuth } from './auth';
import { db } from './db';
import { onAccessChanged } from './live/access';
import { sqlDate } from './ops/sql-rows';
import { verifiedSessionToken } from './session-cookie';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Sessions checked in the last few seconds, by their token (read from the session cookie of this
 * server's exact name, its signature checked first, as better-auth reads it): every save asks who is
 * writing, and asking the database each time cost 3 ms of CPU per edit. An entry lives at most
 * SESSION_CACHE_MS (and never past the session's own end); signing out here clears the cache, and
 * a password change or a sign-out everywhere clears that person's entries on every server, so
 * only a plain sign-out on another server (or the session expiring) takes up to that long to apply.
 */
export const SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { user: CurrentUser; until: number }>();
/** Lookups under way, by token: the layout and the page ask at the same moment. */
const pending = new Map<string, Promise<CurrentUser | null>>();
/** Raised whenever sessions are forgotten: a lookup begun before then is not kept. */
let generation = 0;

/** Forgets every cached session (after a sign-out, a password change). */
export function forgetSessions() {
  generation++;
  cache.clear();
  pending.clear();
}

// A password changed or a sign-out everywhere, on any app server: that person's cached sessions
// go at once (lib/server/live/access.ts carries the message between servers).
const globalForSessions = globalThis as unknown as { counterpointSessionWatch?: boolean };
function watchAccess() {
  if (globalForSessions.counterpointSessionWatch) return;
  globalForSessions.counterpointSessionWatch = true;
  onAccessChanged((message) => {
    if (message.reason !== 'password' && message.reason !== 'signed-out') return;
    generation++;
    pending.clear();
    for (const [key, entry] of cache) if (entry.user.id === message.userId) cache.delete(key);
  });
}

/**
 * The session token of a request: from the session cookie of this server's exact name, if its
 * signature holds (null otherwise). What sessions are cached by here, and what a live stream
 * remembers to end it when that session ends.
 */
export async function sessionTokenOf(requestHeaders: Headers): Promise<string | null> {
  const { authCookies, secret } = await getAuth().$context;
  return verifiedSessionToken(
    requestHeaders.get('cookie') ?? '',
    authCookies.sessionToken.name,
    secret,
  );
}

/** The signed-in user, or null (from a request's headers in a route handler). */
export async function getCurrentUser(from?: Headers): Promise<CurrentUser | null> {
  watchAccess();
  const requestHeaders = from ?? (await headers());
  // The key is the token only a cookie signed with this server's secret can carry, under the
  // name better-auth reads: no other cookie of the request (one planted under the other name, say)
  // can ever select someone's cached session. No such cookie, or a wrong signature: no one is
  // signed in, as better-auth would answer, more slowly.
  const key = await sessionTokenOf(requestHeaders);
  if (!key) return null;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.user;
  const under = pending.get(key);
  if (under) return under;
  const lookup = lookUp(key, requestHeaders).finally(() => {
    if (pending.get(key) === lookup) pending.delete(key);
  });
  pending.set(key, lookup);
  return lookup;
}

async function lookUp(key: string, requestHeaders: Headers): Promise<CurrentUser | null> {
  const began = generation;
  const session = (await quickSession(requestHeaders, key)) ?? (await fullSession(requestHeaders));
  if (!session) {
    cache.delete(key);
    return null;
  }
  // Signed out (or a password changed) while this was read: answer it, but do not keep it.
  if (began !== generation) return session.user;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const now = Date.now();
  cache.set(key, { user: session.user, until: Math.min(now + SESSION_CACHE_MS, session.ends) });
  return session.user;
}

interface Found {
  user: CurrentUser;
  /** When the session ends, ms. */
  ends: number;
}

/**
 * The common case in one read, without better-auth's request machinery (which cost about 7 ms of
 * CPU per page at the start of a lesson, when no one's session is cached yet): a cookie whose
 * signature holds (checked as better-auth checks it), for a session that has not ended and needs
 * no refresh. Anything else (no such session, ended, due for its daily refresh, "don't remember
 * me") is left to better-auth's own getSession: undefined.
 */
async function quickSession(requestHeaders: Headers, token: string): Promise<Found | undefined> {
  const context = await getAuth().$context;
  const cookie = requestHeaders.get('cookie') ?? '';
  if (cookie.includes(context.authCookies.dontRememberToken.name)) return undefined;
  const [row] = await db.$queryRaw<(CurrentUser & { expiresAt: unknown })[]>`
    SELECT u."id", u."name", u."email", s."expiresAt"
    FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE s."token" = ${token}`;
  if (!row) return undefined;
  const ends = sqlDate(row.expiresAt)!.getTime();
  const { expiresIn, updateAge } = context.sessionConfig;
  const now = Date.now();
  // better-auth's own test for a refresh (api/routes/session.ts): once a day, it extends the
  // session and sets a new cookie.
  if (ends <= now || ends - expiresIn * 1000 + updateAge * 1000 <= now) return undefined;
  return { user: { id: row.id, name: row.name, email: row.email }, ends };
}

async function fullSession(requestHeaders: Headers): Promise<Found | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { user: { id, name, email }, ends: new Date(session.session.expiresAt).getTime() };
}

/** The signed-in user, or an UNAUTHENTICATED error. */
export async function requireUser(from?: Headers): Promise<CurrentUser> {
  const user = await getCurrentUser(from);
  if (!user) throw appError('session.ended');
  return user;
}
