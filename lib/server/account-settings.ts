import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { CHANGE_PASSWORD, changePasswordKeys } from '@/lib/domain/sign-in-throttle';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { isPlaceholderEmail } from '@/lib/domain/classroom/usernames';
import type { Db, Tx } from './db';
import { accessChanged } from './live/access';
import { mailIsSent } from './mail-transport';
import { forgetSessions, requireUser } from './session';
import { reserveAttempt, uncountAttempt, waitInWords } from './throttle';

/**
 * What every account may do to itself on /settings: change its password (knowing the current
 * one), choose whether the bell's notifications are also emailed, and sign out everywhere. Both go through better-auth's own endpoints; then every open
 * page of the account, on every app server, ends at once (lib/server/live/access.ts).
 */

const code = (e: unknown) => (e instanceof APIError ? String(e.body?.code ?? '') : '');

/** A new password; every other session of the account ends, this one stays signed in. */
export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  const request = await headers();
  const user = await requireUser(request);
  // Counted before the check, as sign-in counts: a wrong current password costs a guess.
  const throttled = { policy: CHANGE_PASSWORD, keys: changePasswordKeys(user.id) };
  const wait = await reserveAttempt(throttled);
  if (wait.seconds > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many wrong passwords. Wait ${waitInWords(wait.seconds)} and try again.`,
      'currentPassword',
    );
  }
  let outcome: 'changed' | 'wrong' | 'other' = 'other';
  try {
    await getAuth().api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: request,
    });
    outcome = 'changed';
  } catch (e) {
    switch (code(e)) {
      case 'INVALID_PASSWORD':
        outcome = 'wrong';
        throw new AppError(
          'INVALID',
          'That is not your current password. Type it again.',
          'currentPassword',
        );
      case 'PASSWORD_TOO_SHORT':
      case 'PASSWORD_TOO_LONG':
        throw new AppError('INVALID', 'Choose a password of 8 to 128 characters.', 'newPassword');
      case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
        throw new AppError('CONFLICT', 'This account has no password to change.');
      case 'UNAUTHORIZED':
        throw appError('session.ended');
    }
    throw e;
  } finally {
    // Only a wrong current password counts: any other refusal takes its count back, and a change
    // made (the right password) clears the account's count.
    if (outcome !== 'wrong')
      await uncountAttempt(throttled, outcome === 'changed' ? ['account'] : []);
  }
  forgetSessions();
  accessChanged({ userId: user.id, reason: 'password' });
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere() {
  const request = await headers();
  const user = await requireUser(request);
  try {
    await getAuth().api.revokeSessions({ headers: request });
  } catch (e) {
    if (code(e) === 'UNAUTHORIZED') {
      throw appError('session.ended');
    }
    throw e;
  }
  forgetSessions();
  accessChanged({ userId: user.id, reason: 'signed-out' });
}

/** What the settings page says about the account: how it signs in, and its kind. */
export async function accountSummary(tx: Tx, userId: string) {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      username: true,
      managedById: true,
      accountKind: true,
      emailNotifications: true,
    },
  });
  return {
    name: user.name,
    email: user.email,
    signsInWith: user.managedById && user.username ? user.username : user.email,
    managed: user.managedById !== null,
    teacher: user.accountKind === 'teacher',
    /** Whether emailed notifications can be offered: the server sends mail, to a real address. */
    canEmail: mailIsSent() && !isPlaceholderEmail(user.email),
    emailNotifications: user.emailNotifications,
  };
}

/**
 * Turns the emailed copy of the bell's notifications on or off for the signed-in account. On is
 * refused where it could not work (the server sends no mail; the placeholder address of a
 * managed student or of an LMS account); off is always allowed.
 */
export async function setEmailNotifications(db: Db, opts: { userId: string; on: boolean }) {
  if (opts.on) {
    if (!mailIsSent()) {
      throw new AppError(
        'CONFLICT',
        'This server sends no email, so notifications cannot be emailed.',
      );
    }
    const user = await db.user.findUniqueOrThrow({
      where: { id: opts.userId },
      select: { email: true },
    });
    if (isPlaceholderEmail(user.email)) {
      throw new AppError('CONFLICT', 'Your account has no email address of its own to send to.');
    }
  }
  await db.user.update({
    where: { id: opts.userId },
    data: { emailNotifications: opts.on },
    select: { id: true },
  });
  return { on: opts.on };
}
