import 'server-only';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MapDocument } from '@/lib/domain/exchange/document';
import { walkToTheses } from '@/lib/domain/exchange/imported-map';
import type { Db, Tx } from './db';

/** A comment as a copy writes it: its new ids, and the author, dates and state of the original. */
export interface CopiedComment {
  id: string;
  claimId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
}

/**
 * What fills a map: claims, quotes and cross-links, with their final ids; a copy also brings the
 * comments (documents carry none: imports and exports leave the class's conversation out).
 */
export type MapContents = Pick<MapDocument, 'claims' | 'anchors' | 'links'> & {
  comments?: CopiedComment[];
  /**
   * Who wrote each claim, by its final id; a claim not in it is written by `writtenBy` (the
   * person importing or copying). A duplicate of one's own map keeps its authors.
   */
  authors?: ReadonlyMap<string, string | null>;
};

/** Claims written between two turns of the event loop (about 50 ms of Prisma's work). */
const ROWS_PER_TURN = 50;

/** Transaction options for writing a whole map: a 10,000-claim map takes a while on a busy machine. */
export const MAP_CONTENTS_TX = { timeout: 60_000 } as const;

/**
 * Writes a map's claims, quotes and cross-links, fifty claims at a time, letting other requests
 * run between the batches: Prisma spends about a millisecond of this thread on each row, so
 * writing 10,000 claims in one go held up every other user for ten seconds or more. Parents go
 * in before their replies (found without recursion). Used by imports and copies; the contents
 * must already be checked (see materialize(), copyMap()). Run it in a transaction with
 * MAP_CONTENTS_TX.
 */
export async function insertMapContents(
  tx: Tx,
  mapId: string,
  contents: MapContents,
  writtenBy: string,
) {
  const { claims, anchors, links, comments = [], authors } = contents;
  const parentOf = new Map(claims.map((c) => [c.id, c.parentId]));
  const ROOT = '\u0000root';
  const level = walkToTheses(
    parentOf.keys(),
    (id) => parentOf.get(id) ?? ROOT,
    (id) => (id === ROOT ? 0 : undefined),
  );
  const ordered = [...claims].sort(
    (a, b) => (level.get(a.id)?.depth ?? 0) - (level.get(b.id)?.depth ?? 0),
  );
  const anchorsOf = new Map<string, typeof anchors>();
  for (const a of anchors) {
    const list = anchorsOf.get(a.claimId);
    if (list) list.push(a);
    else anchorsOf.set(a.claimId, [a]);
  }
  for (let i = 0; i < ordered.length; i += ROWS_PER_TURN) {
    const part = ordered.slice(i, i + ROWS_PER_TURN);
    await tx.claim.createMany({
      data: part.map((c) => ({
        id: c.id,
        mapId,
        thesisId: c.thesisId,
        parentId: c.parentId,
        stance: c.stance,
        text: c.text,
        note: c.note,
        strength: c.strength,
        orderKey: c.order,
        authorId: authors?.has(c.id) ? authors.get(c.id) : writtenBy,
      })),
    });
    const quotes = part.flatMap((c) => anchorsOf.get(c.id) ?? []);
    if (quotes.length) {
      await tx.anchor.createMany({
        data: quotes.map((a) => ({
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
    }
    await nextTurn();
  }
  for (let i = 0; i < links.length; i += ROWS_PER_TURN) {
    const part = links.slice(i, i + ROWS_PER_TURN);
    await tx.claimLink.createMany({ data: part.map((l) => ({ ...l, mapId })) });
    await nextTurn();
  }
  for (let i = 0; i < comments.length; i += ROWS_PER_TURN) {
    const part = comments.slice(i, i + ROWS_PER_TURN);
    await tx.comment.createMany({ data: part.map((c) => ({ ...c, mapId })) });
    await nextTurn();
  }
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
    await insertMapContents(tx, map.id, opts.doc, opts.userId);
    return map;
  }, MAP_CONTENTS_TX);
}
