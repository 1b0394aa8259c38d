import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { requestClient } from '@/lib/client-address';
import {
  KNOWN_DEVICE,
  knownDeviceKeys,
  SIGN_IN,
  signInKeys,
  type Purpose,
} from '@/lib/domain/sign-in-throttle';
import type { AccountKind } from '@/lib/domain/capabilities';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { recordReset } from './classroom/accounts';
import { db } from './db';
import { settleFirstAdmin } from './first-admin';
import { knownDevice, rememberDevice } from './known-device';
import { accessChanged } from './live/access';
import { forgetSessions, getCurrentUser } from './session';
import { reserveAttempt, uncountAttempt, waitInWords, type Throttled } from './throttle';

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
  // The browser that made the account knows it (lib/server/known-device.ts).
  await rememberDevice(body.email.trim().toLowerCase());
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { accountKind } });
    await settleFirstAdmin(tx);
  });
}

const waitMessage = (seconds: number) =>
  `Too many failed attempts. Wait ${waitInWords(seconds)} and try again.`;
const newClientsWaitMessage = (seconds: number) =>
  `Too many failed attempts on this account from devices it has not signed in on. Wait ${waitInWords(seconds)} and try again, or sign in on a device you have used before.`;
const resetWaitMessage = (seconds: number) =>
  `Several reset links were sent to this address just now. Check your inbox (and spam folder), or wait ${waitInWords(seconds)} and ask again.`;

/**
 * What an attempt on `account` from this request is counted under: the browser's own counter when
 * it signed in to the account before (a known device), else the SIGN_IN counters of its client.
 */
async function throttleFor(account: string, purpose: Purpose): Promise<Throttled> {
  const device = await knownDevice(account);
  if (device) return { policy: KNOWN_DEVICE, keys: knownDeviceKeys(account, device, purpose) };
  const client = requestClient(await headers());
  return { policy: SIGN_IN, keys: signInKeys(account, client, purpose) };
}

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
  const account = await throttleName(identifier);
  const throttle = await throttleFor(account, 'sign-in');
  const wait = await reserveAttempt(throttle);
  if (wait.seconds > 0) {
    const message = wait.by === 'account' ? newClientsWaitMessage : waitMessage;
    throw new AppError('RATE_LIMITED', message(wait.seconds));
  }

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
    await rememberDevice(account);
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
    if (outcome !== 'wrong') {
      const clear = outcome === 'signed-in' ? ['clientOnAccount', 'device'] : [];
      await uncountAttempt(throttle, clear).catch(console.error);
    }
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
  const wait = await reserveAttempt(await throttleFor(email, 'reset'));
  if (wait.seconds > 0) throw new AppError('RATE_LIMITED', resetWaitMessage(wait.seconds));
  await getAuth().api.requestPasswordReset({ body: { email } });
}

/**
 * Sets a new password through a reset link's token (emailed, or made by the admin); the account's
 * sessions all end. Recorded for the admin, and this browser becomes a known device of the
 * account: whoever holds the link may sign in here even while the account is being guessed at.
 */
export async function resetPassword(input: { token: string; password: string }) {
  // Whose password this is (the token's record, as better-auth's resetPassword reads it).
  const verification = await db.verification.findFirst({
    where: { identifier: `reset-password:${input.token}` },
    select: { value: true },
  });
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
  const user = verification
    ? await db.user.findUnique({
        where: { id: verification.value },
        select: { id: true, email: true },
      })
    : null;
  if (user) {
    // Whoever used the link reads the address's mail (or was handed the link by the admin): the
    // address is proven, so the school's sign-in may join this account (school-sign-in/).
    await db.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await recordReset(db, { actorId: user.id, targetId: user.id, method: 'link-used' });
    await rememberDevice(user.email);
    accessChanged({ userId: user.id, reason: 'password' });
  }
}

export async function signOut() {
  const request = await headers();
  const user = await getCurrentUser(request);
  await getAuth().api.signOut({ headers: request });
  forgetSessions();
  // This session's open pages (other tabs on a shared computer) stop; other devices stay: each
  // stream checks its own session (lib/server/live/access.ts).
  if (user) accessChanged({ userId: user.id, reason: 'signed-out' });
}
