import 'server-only';
import type { MapAuthors } from '@/lib/domain/views';
import type { Tx } from './db';

/**
 * Who wrote each claim (the live ones given, and those in the Trash, which a restore brings back),
 * and the names of the owner, the members and every author, unredacted: only for loaders that
 * have checked the reader's access and pass it through their lens (maps.ts, seeMap).
 */
export async function readAuthors(
  tx: Tx,
  mapId: string,
  ownerId: string,
  live: { id: string; authorId: string | null }[],
): Promise<MapAuthors> {
  const [trashed, people] = await Promise.all([
    tx.claim.findMany({
      where: { mapId, deletedAt: { not: null }, authorId: { not: null } },
      select: { id: true, authorId: true },
    }),
    tx.mapMember.findMany({ where: { mapId }, select: { userId: true } }),
  ]);
  const byClaim: Record<string, string> = {};
  for (const c of [...live, ...trashed]) if (c.authorId) byClaim[c.id] = c.authorId;
  const ids = new Set([ownerId, ...people.map((p) => p.userId), ...Object.values(byClaim)]);
  const users = await tx.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  return { byClaim, names: Object.fromEntries(users.map((u) => [u.id, u.name])) };
}
