import 'server-only';
import {
  kindFromClaims,
  SCHOOL_PROVIDER_ID,
  settledKind,
  type SchoolSignInConfig,
} from '@/lib/domain/school-sign-in';
import type { AccountKind } from '@/lib/domain/capabilities';
import type { Db } from '../db';
import { settleFirstAdmin } from '../first-admin';

/**
 * Accounts made or joined through the school's sign-in. better-auth makes the user and its
 * account row (or joins the account to an existing user with the same, verified, email); this
 * settles the rest before the session starts: teacher or student by the claims, and the first
 * account on a server is its admin (lib/server/first-admin.ts), as with every way of making one.
 */

/** The payload of a JWT better-auth already verified and stored (no check here: it is ours). */
function payloadOf(jwt: string | null | undefined): Record<string, unknown> {
  const part = jwt?.split('.')[1];
  if (!part) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * After a sign-in through the school, before its session: the kind the ID token's claims give
 * (the token this sign-in just stored on the account row, verified against the provider's keys),
 * which only ever makes someone a teacher (settledKind); then the first-admin rule. A managed
 * student account is never touched (it cannot match a school address anyway).
 */
export async function settleSchoolAccount(
  db: Db,
  config: SchoolSignInConfig,
  userId: string,
): Promise<AccountKind | null> {
  const account = await db.account.findFirst({
    where: { userId, providerId: SCHOOL_PROVIDER_ID },
    orderBy: { updatedAt: 'desc' },
    select: { idToken: true },
  });
  const claims = payloadOf(account?.idToken);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, accountKind: true, managedById: true },
    });
    if (!user) return null;
    const current: AccountKind = user.accountKind === 'teacher' ? 'teacher' : 'student';
    const kind = user.managedById
      ? current
      : settledKind(
          current,
          kindFromClaims(config, { ...claims, email: claims.email ?? user.email }),
        );
    if (kind !== current)
      await tx.user.update({ where: { id: userId }, data: { accountKind: kind } });
    await settleFirstAdmin(tx);
    const after = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { accountKind: true },
    });
    return after.accountKind === 'teacher' ? 'teacher' : 'student';
  });
}
