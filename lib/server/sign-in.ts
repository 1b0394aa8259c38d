import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { secondsUntilAllowed, activeFailures } from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { db } from './db';

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

/** Signs in, refusing early while the account is throttled after repeated failures. */
export async function signIn(input: { email: string; password: string }) {
  const key = input.email;
  const now = new Date();
  const state = await db.signInThrottle.findUnique({ where: { key } });
  const wait = secondsUntilAllowed(state, now);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed attempts. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
    );
  }
  try {
    await getAuth().api.signInEmail({ body: input, headers: await headers() });
  } catch (e) {
    if (code(e) !== 'INVALID_EMAIL_OR_PASSWORD') throw e;
    const failures = activeFailures(state, now) + 1;
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures, lastFailureAt: now },
      update: { failures, lastFailureAt: now },
    });
    throw new AppError('INVALID', 'That email and password do not match an account.', 'password');
  }
  if (state) await db.signInThrottle.delete({ where: { key } }).catch(() => undefined);
}

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
}
