import 'server-only';
import { AppError } from '@/lib/errors';
import type { Tx } from './db';

/** The map with what write checks need, if `userId` owns it; refuses anyone else. */
export async function requireOwnedMap(tx: Tx, userId: string, mapId: string) {
  const map = await tx.argumentMap.findUnique({
    where: { id: mapId },
    select: {
      id: true,
      ownerId: true,
      debate: { select: { theses: { select: { id: true, sourceId: true } } } },
    },
  });
  if (!map) throw new AppError('NOT_FOUND', 'That map does not exist (it may have been deleted).');
  if (map.ownerId !== userId)
    throw new AppError('FORBIDDEN', 'Only the owner of this map can change it.');
  return map;
}

/** Records that a map changed, for "My maps" ordering. */
export async function touchMap(tx: Tx, mapId: string) {
  await tx.argumentMap.update({ where: { id: mapId }, data: { updatedAt: new Date() } });
}
