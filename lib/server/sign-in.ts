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
import type { AccountKind } from '@/lib/domain/capabilities';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { db } from './db';
import { lockNames } from './locks';
import { forgetSessions } from './session';

const code = (e: unknown) => (e instanceof APIError ? String(e.body?.code ?? '') : '');

/**
 * Creates an account with a hashed password and signs it in (session cookie set), then records
 * whether it is a student's or a teacher's. While the server has no admin, its oldest account
 * (on a new server: this first one) becomes the admin, a teacher; the check and the change are
 * one transaction, locked on both databases, so two first sign-ups never both become admin.
 */
export async function signUp(input: {
  name: string;
  email: string;
  password: string;
  accountKind?: AccountKind;
}) {
  const { accountKind = 'student', ...body } = input;
  let userId: string;
  try {
    ({
      user: { id: userId },
    } = await getAuth().api.signUpEmail({ body, headers: await headers() }));
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
  await db.$transaction(async (tx) => {
    await lockNames(tx, ['server-admin']);
    await tx.user.update({ where: { id: userId }, data: { accountKind } });
    const admin = await tx.user.findFirst({ where: { isAdmin: true }, select: { id: true } });
    if (admin) return;
    const oldest = await tx.user.findFirst({
      where: { managedById: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    if (oldest) {
      await tx.user.update({
        where: { id: oldest.id },
        data: { isAdmin: true, accountKind: 'teacher' },
      });
    }
  });
}

/**
 * How many proxies in front of the app append the client's address to x-forwarded-for:
 * TRUST_PROXY=1 (or `true`) for one, a number for a chain, unset or 0 for none (see the README).
 */
export function trustedProxies(): number {
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

const inWords = (seconds: number) => {
  const [n, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
};
const waitMessage = (seconds: number) =>
  `Too many failed attempts. Wait ${inWords(seconds)} and try again.`;
const resetWaitMessage = (seconds: number) =>
  `Several reset links were sent to this address just now. Check your inbox (and spam folder), or wait ${inWords(seconds)} and ask again.`;

/**
 * The name the throttle counts an attempt under: the account's email when a username names an
 * account (so switching between username and email buys no extra guesses), else what was typed.
 */
async function throttleName(identifier: string): Promise<string> {
  if (identifier.includes('@')) return identifier;
  const user = await db.user.findUnique({
    where: { username: identifier },
    select: { email: true },
  });
  return user?.email ?? `username:${identifier}`;
}

const WRONG_CODES = new Set([
  'INVALID_EMAIL_OR_PASSWORD',
  'INVALID_USERNAME_OR_PASSWORD',
  'INVALID_USERNAME',
  'USERNAME_TOO_SHORT',
  'USERNAME_TOO_LONG',
]);

/**
 * Signs in with an email address or a managed student's username (session cookie set), after
 * counting the attempt against the sign-in throttle (lib/domain/sign-in-throttle.ts). An attempt
 * that must wait is refused before its password is looked at, so refusals say nothing about the
 * password.
 */
export async function signIn(
  input: { identifier: string; password: string } | { email: string; password: string },
) {
  const identifier = ('identifier' in input ? input.identifier : input.email).trim().toLowerCase();
  const byEmail = identifier.includes('@');
  const request = await headers();
  const client = clientAddress(request.get('x-forwarded-for'), trustedProxies());
  const keys = throttleKeys(await throttleName(identifier), client);
  const wait = await reserveAttempt(keys);
  if (wait > 0) throw new AppError('RATE_LIMITED', waitMessage(wait));

  let outcome: 'signed-in' | 'wrong' | 'failed' = 'failed';
  try {
    if (byEmail) {
      await getAuth().api.signInEmail({
        body: { email: identifier, password: input.password },
        headers: request,
      });
    } else {
      await getAuth().api.signInUsername({
        body: { username: identifier, password: input.password },
        headers: request,
      });
    }
    outcome = 'signed-in';
  } catch (e) {
    if (!WRONG_CODES.has(code(e))) throw e;
    outcome = 'wrong';
    throw new AppError(
      'INVALID',
      byEmail
        ? 'That email and password do not match an account.'
        : 'That username and password do not match an account.',
      'password',
    );
  } finally {
    // Left counted, a count too high only slows someone down a little: never fail the sign-in.
    if (outcome !== 'wrong')
      await uncountAttempt(keys, outcome === 'signed-in').catch(console.error);
  }
}

/**
 * Sends (or, with no mail server, logs) a link to choose a new password. Says the same whether or
 * not the address has an account. Every request counts, under keys of its own, against the same
 * backoff as failed sign-ins: a few links per address are free, then each further one waits, so
 * no one can flood an inbox (or the server's log) with links.
 */
export async function requestPasswordReset(input: { email: string }) {
  const email = input.email.trim().toLowerCase();
  const client = clientAddress((await headers()).get('x-forwarded-for'), trustedProxies());
  const wait = await reserveAttempt(throttleKeys(email, client, 'reset'));
  if (wait > 0) throw new AppError('RATE_LIMITED', resetWaitMessage(wait));
  await getAuth().api.requestPasswordReset({ body: { email } });
}

/** Sets a new password through a reset link's token; the account's sessions all end. */
export async function resetPassword(input: { token: string; password: string }) {
  try {
    await getAuth().api.resetPassword({
      body: { token: input.token, newPassword: input.password },
    });
  } catch (e) {
    if (code(e) === 'INVALID_TOKEN' || code(e) === 'USER_NOT_FOUND') {
      throw new AppError(
        'INVALID',
        'This reset link has expired or was already used. Ask for a new one.',
        'token',
      );
    }
    if (code(e) === 'PASSWORD_TOO_SHORT') {
      throw new AppError('INVALID', 'That password is too short.', 'password');
    }
    throw e;
  }
  forgetSessions();
}

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
  forgetSessions();
}
