import { describe, expect, it, vi } from 'vitest';
import { getAuth } from '@/lib/server/auth';
import { db as appDb } from '@/lib/server/db';
import { forgetSessions, getCurrentUser } from '@/lib/server/session';
import { db } from '../support/factories';
import { signedIn as signedInAs } from '../support/signed-in';

// Who is signed in, for every page and request (lib/server/session.ts): the common case is one
// read of the session, checked as better-auth checks it; everything else goes to better-auth.

vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({}) }));

const signedIn = () => signedInAs('Session Reader');

describe('getCurrentUser', () => {
  it('knows the person of a session cookie better-auth made, with one read', async () => {
    const account = await signedIn();
    forgetSessions();
    const getSession = vi.spyOn(getAuth().api, 'getSession');
    const reads = vi.spyOn(appDb, '$queryRaw');
    const [a, b] = await Promise.all([
      getCurrentUser(account.headers),
      getCurrentUser(account.headers),
    ]);
    expect(a).toEqual({ id: account.userId, name: 'Session Reader', email: expect.any(String) });
    expect(b).toEqual(a);
    expect(getSession).not.toHaveBeenCalled();
    expect(reads).toHaveBeenCalledTimes(1);
    // Then kept for a few seconds: no read at all.
    expect((await getCurrentUser(account.headers))?.id).toBe(account.userId);
    expect(reads).toHaveBeenCalledTimes(1);
    getSession.mockRestore();
    reads.mockRestore();
  });

  it('knows no one for a missing, tampered or unknown cookie', async () => {
    const account = await signedIn();
    forgetSessions();
    expect(await getCurrentUser(new Headers())).toBeNull();
    const [name, value] = account.cookie.split('=');
    const decoded = decodeURIComponent(value!);
    const other = `${account.token.slice(0, -1)}${account.token.endsWith('a') ? 'b' : 'a'}`;
    const forged = `${name}=${encodeURIComponent(other + decoded.slice(account.token.length))}`;
    expect(await getCurrentUser(new Headers({ cookie: forged }))).toBeNull();
    // Signed right, but the session is gone (signed out elsewhere).
    await db.session.delete({ where: { token: account.token } });
    expect(await getCurrentUser(account.headers)).toBeNull();
  });

  it('a cookie planted under the other name never selects someone’s session', async () => {
    const victim = await signedIn();
    forgetSessions();
    // Set by a sibling site or over plain http beside the real cookie, first in the header.
    const planted = '__Secure-better-auth.session_token=planted-by-someone-else';
    const both = new Headers({ cookie: `${planted}; ${victim.cookie}` });
    expect((await getCurrentUser(both))?.id).toBe(victim.userId);
    expect(await getCurrentUser(new Headers({ cookie: planted }))).toBeNull();
  });

  it('leaves an ended session to better-auth, which removes it', async () => {
    const account = await signedIn();
    forgetSessions();
    await db.session.update({
      where: { token: account.token },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getCurrentUser(account.headers)).toBeNull();
    expect(await db.session.findUnique({ where: { token: account.token } })).toBeNull();
  });

  it('leaves a session due for its daily refresh to better-auth, which extends it', async () => {
    const account = await signedIn();
    forgetSessions();
    // Made 2 days ago: 28 of its 30 days left, past the one-day update age.
    const old = new Date(Date.now() + 28 * 24 * 3600_000);
    await db.session.update({ where: { token: account.token }, data: { expiresAt: old } });
    expect((await getCurrentUser(account.headers))?.id).toBe(account.userId);
    const { expiresAt } = await db.session.findUniqueOrThrow({ where: { token: account.token } });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
  });
});
