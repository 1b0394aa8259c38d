import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import {
  clientAddress,
  countAttempt,
  FORGET_ALL_AFTER_SECONDS,
  secondsUntilAllowed,
  throttleKeys,
} from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { db } from './db';
import { lockNames } from './locks';
import { forgetSessions } from './session';

const code = (e: unknown) => (e instanceof APIError ? String(e.body?.code ?? '') : '');

/** Creates an account with a hashed password and signs it in (session cookie set). */
export async function signUp(input: { name: string; email: string; password: string }) {
  try {
    await getAuth().api.signUpEmail({ body: input, headers: await headers() });
  } catch (e) {
    if (code(e).startsWith('USER_ALREADY_EXISTS')) {
      throw new AppError(
        'CONFLICT',
        'An account with this email already exists. Sign in instead.',
        'email',
      );
    }
    if (code(e) === 'PASSWORD_TOO_SHORT') {
      throw new AppError('INVALID', 'That password is too short.', 'password');
    }
    throw e;
  }
}

/**
 * How many proxies in front of the app append the client's address to x-forwarded-for:
 * TRUST_PROXY=1 (or `true`) for one, a number for a chain, unset or 0 for none (see the README).
 */
function trustedProxies(): number {
  const value = (process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false') return 0;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

type Keys = ReturnType<typeof throttleKeys>;

/**
 * Counts the attempt against its three counters, in one transaction, unless it must wait; returns
 * the wait in seconds (0: go ahead). Parallel attempts, from any app server on the database, must
 * see each other's counts: SQLite runs the transaction with the write lock held from its first
 * statement (BEGIN IMMEDIATE); on PostgreSQL it first locks the three counters' names (they may
 * have no row yet, so `FOR UPDATE` would not do).
 */
async function reserveAttempt(keys: Keys): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockNames(tx, Object.values(keys));
    // Read the clock inside: a transaction waiting its turn must not count from before the others.
    const now = new Date();
    const rows = await tx.signInThrottle.findMany({ where: { key: { in: Object.values(keys) } } });
    const find = (key: string) => rows.find((r) => r.key === key) ?? null;
    const counters = {
      clientOnAccount: find(keys.clientOnAccount),
      client: find(keys.client),
      account: find(keys.account),
    };
    const wait = secondsUntilAllowed(counters, now);
    if (wait > 0) return wait;
    const counted = countAttempt(counters, now);
    for (const kind of ['clientOnAccount', 'client', 'account'] as const) {
      const { failures, lastFailureAt } = counted[kind];
      await tx.signInThrottle.upsert({
        where: { key: keys[kind] },
        create: { key: keys[kind], failures, lastFailureAt },
        update: { failures, lastFailureAt },
      });
    }
    const forgotten = new Date(now.getTime() - FORGET_ALL_AFTER_SECONDS * 1000);
    await tx.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: forgotten } } });
    return 0;
  });
}

/**
 * Takes back the count of an attempt that was not a wrong password. A right one also clears this
 * client's failures on the account (typos by someone who knows the password), but never the
 * counts for the client or the account: signing in to one's own account must not wipe a record of
 * guessing at others.
 */
async function uncountAttempt(keys: Keys, signedIn: boolean): Promise<void> {
  const all = Object.values(keys);
  await db.$transaction(async (tx) => {
    await lockNames(tx, all);
    await tx.signInThrottle.updateMany({
      where: {
        key: { in: signedIn ? [keys.client, keys.account] : all },
        failures: { gt: 0 },
      },
      data: { failures: { decrement: 1 } },
    });
    await tx.signInThrottle.deleteMany({
      where: signedIn
        ? { OR: [{ key: keys.clientOnAccount }, { key: { in: all }, failures: { lte: 0 } }] }
        : { key: { in: all }, failures: { lte: 0 } },
    });
  });
}

const waitMessage = (seconds: number) => {
  const [n, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `Too many failed attempts. Wait ${n} ${unit}${n === 1 ? '' : 's'} and try again.`;
};

/**
 * Signs in (session cookie set), after counting the attempt against the sign-in throttle
 * (lib/domain/sign-in-throttle.ts). An attempt that must wait is refused before its password is
 * looked at, so refusals say nothing about the password.
 */
export async function signIn(input: { email: string; password: string }) {
  const request = await headers();
  const client = clientAddress(request.get('x-forwarded-for'), trustedProxies());
  const keys = throttleKeys(input.email, client);
  const wait = await reserveAttempt(keys);
  if (wait > 0) throw new AppError('RATE_LIMITED', waitMessage(wait));

  let outcome: 'signed-in' | 'wrong' | 'failed' = 'failed';
  try {
    await getAuth().api.signInEmail({ body: input, headers: request });
    outcome = 'signed-in';
  } catch (e) {
    if (code(e) !== 'INVALID_EMAIL_OR_PASSWORD') throw e;
    outcome = 'wrong';
    throw new AppError('INVALID', 'That email and password do not match an account.', 'password');
  } finally {
    // Left counted, a count too high only slows someone down a little: never fail the sign-in.
    if (outcome !== 'wrong')
      await uncountAttempt(keys, outcome === 'signed-in').catch(console.error);
  }
}

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
  forgetSessions();
}
