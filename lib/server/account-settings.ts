import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import type { Tx } from './db';
import { accessChanged } from './live/access';
import { forgetSessions, requireUser } from './session';

/**
 * What every account may do to itself on /settings: change its password (knowing the current
 * one) and sign out everywhere. Both go through better-auth's own endpoints; then every open
 * page of the account, on every app server, ends at once (lib/server/live/access.ts).
 */

const code = (e: unknown) => (e instanceof APIError ? String(e.body?.code ?? '') : '');

/** A new password; every other session of the account ends, this one stays signed in. */
export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  const request = await headers();
  const user = await requireUser(request);
  try {
    await getAuth().api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: request,
    });
  } catch (e) {
    switch (code(e)) {
      case 'INVALID_PASSWORD':
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
        throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    }
    throw e;
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
      throw new AppError('UNAUTHENTICATED', 'Your session has ended already. Sign in again.');
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
    select: { name: true, email: true, username: true, managedById: true, accountKind: true },
  });
  return {
    name: user.name,
    signsInWith: user.managedById && user.username ? user.username : user.email,
    managed: user.managedById !== null,
    teacher: user.accountKind === 'teacher',
  };
}
