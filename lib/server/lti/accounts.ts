import 'server-only';
import crypto from 'node:crypto';
import type { LaunchPerson } from '@/lib/domain/lti/claims';
import type { LtiClassRole } from '@/lib/domain/lti/roles';
import type { Tx } from '../db';
import { lockNames } from '../locks';

/**
 * The Counterpoint account of an LMS person (LtiUser: platform + `sub`). Made on their first
 * launch (or roster sync) without a password: they come in through the LMS. The LMS's email is
 * used when no other account has it; an existing account with that email is never taken over
 * by a launch (the LMS's word on an email is not a proof of owning it), so the new account then
 * gets a placeholder address nobody reads.
 */

export const LMS_EMAIL_DOMAIN = 'lms.invalid';
const placeholderEmail = () => `lms-${crypto.randomUUID()}@${LMS_EMAIL_DOMAIN}`;

/**
 * The account linked to `person` on the platform, made if there is none. A teacher's launch
 * makes the account a teacher account (the school's LMS says so); a learner's never demotes one.
 * Call inside a transaction.
 */
export async function accountForLmsPerson(
  tx: Tx,
  platformId: string,
  person: LaunchPerson,
  role: LtiClassRole | null,
): Promise<{ userId: string; created: boolean }> {
  await lockNames(tx, [`lti-user:${platformId}:${person.sub}`]);
  const linked = await tx.ltiUser.findUnique({
    where: { platformId_sub: { platformId, sub: person.sub } },
    select: { userId: true, user: { select: { name: true, accountKind: true } } },
  });
  if (linked) {
    const promote = role === 'teacher' && linked.user.accountKind !== 'teacher';
    const rename = person.name !== 'LMS user' && person.name !== linked.user.name;
    if (promote || rename) {
      await tx.user.update({
        where: { id: linked.userId },
        data: {
          ...(promote ? { accountKind: 'teacher' } : {}),
          ...(rename ? { name: person.name } : {}),
        },
      });
    }
    return { userId: linked.userId, created: false };
  }
  const taken = person.email
    ? await tx.user.findUnique({ where: { email: person.email }, select: { id: true } })
    : null;
  const userId = crypto.randomUUID();
  await tx.user.create({
    data: {
      id: userId,
      name: person.name,
      email: person.email && !taken ? person.email : placeholderEmail(),
      accountKind: role === 'teacher' ? 'teacher' : 'student',
    },
  });
  await tx.ltiUser.create({ data: { platformId, sub: person.sub, userId } });
  return { userId, created: true };
}
