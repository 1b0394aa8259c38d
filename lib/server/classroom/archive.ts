import 'server-only';
import type { Db } from '../db';
import { accessChanged } from '../live/access';
import { requireClassAccess } from './access';
import { lockClass } from './classes';

/**
 * Archiving a class (its teacher, 'class.manage'): from then on it is read-only everywhere
 * (lib/domain/classroom/archive.ts; enforced in ./access.ts and lib/server/access.ts) and it
 * leaves everyone's main lists for "Archived classes"; unarchiving gives everything back. Nothing
 * is deleted or changed in the class's work either way. Everyone with one of its maps open is told
 * at once (their role there changes: lib/server/live/access.ts).
 */
export async function setClassArchived(
  db: Db,
  opts: { userId: string; classId: string; archived: boolean },
): Promise<{ archivedAt: string | null }> {
  const { archivedAt, readers } = await db.$transaction(async (tx) => {
    // The one change an archived class takes: unarchiving it (archiving it again is harmless).
    const { class: cls } = await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage', {
      whileArchived: true,
    });
    await lockClass(tx, cls.id);
    const archivedAt = opts.archived ? (cls.archivedAt ?? new Date()) : null;
    await tx.classroom.update({ where: { id: cls.id }, data: { archivedAt } });
    const maps = await tx.assignmentWork.findMany({
      where: { assignment: { classId: cls.id } },
      select: { mapId: true, map: { select: { members: { select: { userId: true } } } } },
    });
    // Who may have one of its maps open: the teacher (every map) and each map's members.
    const readers = new Map<string, string[]>([[cls.teacherId, []]]);
    for (const { mapId, map } of maps) {
      readers.get(cls.teacherId)!.push(mapId);
      for (const { userId } of map.members)
        readers.set(userId, [...(readers.get(userId) ?? []), mapId]);
    }
    const changed = (cls.archivedAt !== null) !== opts.archived;
    return { archivedAt, readers: changed ? readers : new Map<string, string[]>() };
  });
  accessChanged(
    ...[...readers].map(([userId, mapIds]) => ({ userId, reason: 'archived' as const, mapIds })),
  );
  return { archivedAt: archivedAt?.toISOString() ?? null };
}
