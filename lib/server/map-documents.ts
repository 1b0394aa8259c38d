import 'server-only';
import type { MapDocument } from '@/lib/domain/exchange/document';
import type { Db, Tx } from './db';

/** What fills a map: claims, quotes and cross-links, with their final ids. */
export type MapContents = Pick<MapDocument, 'claims' | 'anchors' | 'links'>;

/**
 * Writes a map's claims, quotes and cross-links in three statements. Used by imports and copies;
 * the contents must already be checked (see materialize(), copyMap()).
 */
export async function insertMapContents(tx: Tx, mapId: string, contents: MapContents) {
  // Parents before children, so every foreign key is satisfied as rows go in.
  const depth = new Map<string, number>();
  const byId = new Map(contents.claims.map((c) => [c.id, c]));
  const depthOf = (id: string): number => {
    if (!depth.has(id)) {
      const parent = byId.get(id)!.parentId;
      depth.set(id, parent ? depthOf(parent) + 1 : 0);
    }
    return depth.get(id)!;
  };
  const ordered = [...contents.claims].sort((a, b) => depthOf(a.id) - depthOf(b.id));
  await tx.claim.createMany({
    data: ordered.map((c) => ({
      id: c.id,
      mapId,
      thesisId: c.thesisId,
      parentId: c.parentId,
      stance: c.stance,
      text: c.text,
      note: c.note,
      strength: c.strength,
      orderKey: c.order,
    })),
  });
  await tx.anchor.createMany({
    data: contents.anchors.map((a) => ({
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
  await tx.claimLink.createMany({ data: contents.links.map((l) => ({ ...l, mapId })) });
}

/** Saves a whole map document as a new map owned by `userId`, in one transaction. */
export async function createMapFromDocument(
  db: Db,
  opts: { userId: string; debateId: string; title: string; doc: MapDocument },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const map = await tx.argumentMap.create({
      data: { title: opts.title, debateId: opts.debateId, ownerId: opts.userId },
      select: { id: true },
    });
    await insertMapContents(tx, map.id, opts.doc);
    return map;
  });
}
