import 'server-only';
import { requireMapWriter } from './access';
import { readerLens } from './visibility';
import type { Tx } from './db';
import type { TrashEntry } from '@/lib/domain/views';

/** A map's deleted batches, newest first: what the Trash dialog lists and can restore. */
export async function listTrash(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<TrashEntry[]> {
  await requireMapWriter(tx, opts.userId, opts.mapId);
  const rows = await tx.claim.findMany({
    where: { mapId: opts.mapId, deletionId: { not: null } },
    select: {
      id: true,
      parentId: true,
      text: true,
      deletionId: true,
      deletedAt: true,
      deletedById: true,
    },
    orderBy: { deletedAt: 'desc' },
    take: 5000,
  });
  // Who deleted what, as this reader may see them (a student in an anonymous assignment: pseudonyms).
  const { person } = await readerLens(tx, opts.mapId, { userId: opts.userId });
  const names = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: [...new Set(rows.flatMap((r) => r.deletedById ?? []))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, person(u.id, u.name).name]),
  );
  const batches = new Map<string, typeof rows>();
  for (const r of rows) batches.set(r.deletionId!, [...(batches.get(r.deletionId!) ?? []), r]);
  return [...batches.entries()].slice(0, 100).map(([deletionId, batch]) => {
    const ids = new Set(batch.map((c) => c.id));
    const root = batch.find((c) => !c.parentId || !ids.has(c.parentId)) ?? batch[0]!;
    return {
      deletionId,
      text: root.text,
      claims: batch.length,
      deletedAt: (root.deletedAt ?? new Date()).toISOString(),
      deletedBy: root.deletedById ? (names.get(root.deletedById) ?? null) : null,
    };
  });
}
