// Sessions for the load test, written straight into the database as better-auth writes them at
// sign-in, with their cookies signed here with the server's secret (BETTER_AUTH_SECRET).
import crypto from 'node:crypto';
import type { Db } from '@/lib/server/db';

export const SESSION_COOKIE = 'better-auth.session_token';

/** better-auth's session token alphabet and length (generateId(32)). */
export function sessionToken() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(32);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The cookie better-call's signCookieValue makes: `<token>.<base64 HMAC-SHA256>`, URI-encoded. */
export function sessionCookie(token: string) {
  const secret = process.env.BETTER_AUTH_SECRET!;
  const signature = crypto.createHmac('sha256', secret).update(token).digest('base64');
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * As better-auth writes it at sign-in (session.expiresIn in lib/server/auth.ts: 30 days). A
 * shorter one would make the server refresh every session on its first request, a write the app
 * itself does only once a day per person.
 */
export const sessionExpiry = () => new Date(Date.now() + 30 * 24 * 3600_000);

/** A session for each user, in one statement; answers their cookies in the same order. */
export async function createSessions(db: Db, userIds: string[]): Promise<string[]> {
  const tokens = userIds.map(() => sessionToken());
  const expiresAt = sessionExpiry();
  await db.session.createMany({
    data: userIds.map((userId, i) => ({
      id: crypto.randomUUID(),
      token: tokens[i]!,
      userId,
      expiresAt,
      ipAddress: '127.0.0.1',
      userAgent: 'counterpoint-bench-load',
    })),
  });
  return tokens.map(sessionCookie);
}
