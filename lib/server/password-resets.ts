import 'server-only';
import crypto from 'node:crypto';
import { generatePassword } from '@/lib/domain/classroom/passwords';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { hashAll, recordReset, replacePassword, requireAdmin } from './classroom/accounts';
import type { Db, Tx } from './db';
import { accessChanged } from './live/access';
import { resetPasswordUrl } from './mail';
import { forgetSessions } from './session';
import type { AdminReset, ResetMethod, ResetRow } from '@/lib/domain/classroom/views';

/**
 * Who may reset whose password:
 * - a teacher: only the managed accounts they created, in a class they teach
 *   (lib/server/classroom/accounts.ts, setPasswords);
 * - anyone with their own email: their own, through the emailed link (lib/server/sign-in.ts);
 * - the admin: anyone's, here: a managed account gets a new generated password, an account with
 *   its own email a reset link (for a server that sends no mail).
 * Every reset is recorded (PasswordReset) and listed for the admin.
 */

/** The admin resets someone's password (never their own: they use "Forgot your password?"). */
export async function adminResetPassword(
  db: Db,
  opts: { userId: string; targetId: string },
): Promise<AdminReset> {
  await requireAdmin(db, opts.userId);
  if (opts.targetId === opts.userId) {
    throw new AppError('CONFLICT', 'Change your own password with “Forgot your password?”.');
  }
  const target = await db.user.findUnique({
    where: { id: opts.targetId },
    select: { id: true, name: true, username: true, managedById: true },
  });
  if (!target) throw new AppError('NOT_FOUND', 'That account no longer exists.');

  if (target.managedById && target.username) {
    const password = generatePassword();
    const [hash] = await hashAll([password]);
    await db.$transaction(async (tx) => {
      await requireAdmin(tx, opts.userId);
      await replacePassword(tx, { actorId: opts.userId, targetId: target.id, hash: hash! });
    });
    forgetSessions();
    // Their open pages, on every app server, end now (signed out).
    accessChanged({ userId: target.id, reason: 'password' });
    return { kind: 'password', name: target.name, username: target.username, password };
  }

  const context = await getAuth().$context;
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + 60 * 60 * 1000);
  // The same record better-auth's requestPasswordReset writes, so its resetPassword accepts it.
  await context.internalAdapter.createVerificationValue({
    value: target.id,
    identifier: `reset-password:${token}`,
    expiresAt,
  });
  await recordReset(db, { actorId: opts.userId, targetId: target.id, method: 'link' });
  return {
    kind: 'link',
    name: target.name,
    url: resetPasswordUrl(token),
    expiresAt: expiresAt.toISOString(),
  };
}

export const RESETS_PAGE = 50;

/** The newest password resets, for the admin page. */
export async function listPasswordResets(tx: Tx, opts: { userId: string }): Promise<ResetRow[]> {
  await requireAdmin(tx, opts.userId);
  const rows = await tx.passwordReset.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: RESETS_PAGE,
    select: {
      id: true,
      createdAt: true,
      method: true,
      actor: { select: { id: true, name: true } },
      target: { select: { id: true, name: true, username: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    method: r.method as ResetMethod,
    actor: r.actor,
    target: r.target,
  }));
}
