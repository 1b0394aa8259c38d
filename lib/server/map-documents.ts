import 'server-only';
import type { MapDocument } from '@/lib/domain/exchange/document';
import type { Db } from './db';

/**
 * Saves a whole map document (claims, quotes, cross-links) as a new map owned by `userId`, in one
 * transaction. The document must already be checked (see materialize()).
 */
export async function createMapFromDocument(
  db: Db,
  opts: { userId: string; debateId: string; title: string; doc: MapDocument },
): Promise<{ id: string }> {
  const { doc } = opts;
  return db.$transaction(async (tx) => {
    const map = await tx.argumentMap.create({
      data: { title: opts.title, debateId: opts.debateId, ownerId: opts.userId },
      select: { id: true },
    });
    // Parents before children, so every foreign key is satisfied as rows go in.
    const depth = new Map<string, number>();
    const byId = new Map(doc.claims.map((c) => [c.id, c]));
    const depthOf = (id: string): number => {
      if (!depth.has(id)) {
        const parent = byId.get(id)!.parentId;
        depth.set(id, parent ? depthOf(parent) + 1 : 0);
      }
      return depth.get(id)!;
    };
    const ordered = [...doc.claims].sort((a, b) => depthOf(a.id) - depthOf(b.id));
    await tx.claim.createMany({
      data: ordered.map((c) => ({
        id: c.id,
        mapId: map.id,
        thesisId: c.thesisId,
        parentId: c.parentId,
        stance: c.stance,
        text: c.text,
        note: c.note,
        strength: c.strength,
        position: c.position,
      })),
    });
    await tx.anchor.createMany({
      data: doc.anchors.map((a) => ({
        claimId: a.claimId,
        sourceId: a.sourceId,
        exact: a.exact,
        prefix: a.prefix,
        suffix: a.suffix,
        block: a.block,
        start: a.start,
        end: a.end,
      })),
    });
    await tx.claimLink.createMany({ data: doc.links.map((l) => ({ ...l, mapId: map.id })) });
    return map;
  });
}
