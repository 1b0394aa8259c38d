import { appError } from '@/lib/error-words';

/**
 * A stand-in for lib/server/session.ts, for tests that go through routes and server actions:
 * `vi.mock('@/lib/server/session', () => import('../support/fake-session'))`. A route's request
 * names its user in an `x-test-user` header; a server action (which reads no request) acts as
 * whoever `actAs` last named. Nobody named: signed out.
 */
const state = globalThis as { counterpointActingAs?: string | null };

export function actAs(userId: string | null) {
  state.counterpointActingAs = userId;
}

/** The headers of a request by `userId` (none: signed out). */
export const headersFor = (userId: string | null): Record<string, string> =>
  userId ? { 'x-test-user': userId } : {};

export async function getCurrentUser(from?: Headers) {
  const id = from ? from.get('x-test-user') : state.counterpointActingAs;
  return id ? { id, name: 'Tester', email: `${id}@example.org` } : null;
}

export async function requireUser(from?: Headers) {
  const user = await getCurrentUser(from);
  if (!user) throw appError('session.ended');
  return user;
}

/** No session cookie in these requests: a live stream remembers no session to end with. */
export async function sessionTokenOf(from: Headers): Promise<string | null> {
  void from;
  return null;
}
