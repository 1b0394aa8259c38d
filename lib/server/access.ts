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

/**
 * The map a write is for, if `userId` may change it: one small read, nothing else. The debate's
 * theses (which never change) come from debateParts().
 */
export async function requireMapWriter(tx: Tx, userId: string, mapId: string) {
  const map = await tx.argumentMap.findUnique({
    where: { id: mapId },
    select: { id: true, ownerId: true, debateId: true },
  });
  if (!map) throw new AppError('NOT_FOUND', 'That map does not exist (it may have been deleted).');
  if (map.ownerId !== userId)
    throw new AppError('FORBIDDEN', 'Only the owner of this map can change it.');
  return map;
}

export interface DebateParts {
  thesisIds: Set<string>;
  sourceIds: Set<string>;
}

// A debate's theses and sources never change once created, so they are read once per process.
const partsCache = new Map<string, DebateParts>();

/** The thesis and source ids of a debate (cached: they never change). */
export async function debateParts(tx: Tx, debateId: string): Promise<DebateParts> {
  const cached = partsCache.get(debateId);
  if (cached) return cached;
  const theses = await tx.thesis.findMany({
    where: { debateId },
    select: { id: true, sourceId: true },
  });
  const parts = {
    thesisIds: new Set(theses.map((t) => t.id)),
    sourceIds: new Set(theses.map((t) => t.sourceId)),
  };
  if (partsCache.size > 1000) partsCache.clear();
  partsCache.set(debateId, parts);
  return parts;
}

/** Records that a map changed, for "My maps" ordering. */
export async function touchMap(tx: Tx, mapId: string) {
  await tx.argumentMap.update({ where: { id: mapId }, data: { updatedAt: new Date() } });
}
