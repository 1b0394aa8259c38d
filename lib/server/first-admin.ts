import 'server-only';
import type { Tx } from './db';
import { lockNames } from './locks';

/**
 * The first account on a server becomes its admin: while the server has no admin, its oldest
 * account that is no one's managed student (on a new server, the one just made) becomes the admin,
 * a teacher. Every way of making an account (sign-up, the school's sign-in) calls this in its own
 * transaction after making one; the check and the change are locked on both databases, so two
 * first accounts never both become admin.
 */
export async function settleFirstAdmin(tx: Tx): Promise<void> {
  await lockNames(tx, ['server-admin']);
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
}
