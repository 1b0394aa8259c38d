import 'server-only';
import type { HistoryEntry } from '@/lib/domain/history';
import { commentEntry, isCommentOp, type CommentFacts } from '@/lib/domain/history-comments';
import type { OpBefore } from '@/lib/domain/undo';
import type { ClaimView } from '@/lib/domain/views';
import { seeClaims, seeHistoryEntry } from '@/lib/domain/visibility';
import { opSchema } from '@/lib/schemas/ops';
import { HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX } from '@/lib/schemas/query';
import { requireMapAccess } from './access';
import type { Tx } from './db';
import { toAnchorView, toClaimView, toLinkView } from './row-views';
import { readerLens } from './visibility';
import type { HistoryPage } from '@/lib/domain/history';

/**
 * A map's history as the History panel reads it: a page of its operation log, newest first, and
 * what the browser needs to walk the map back from what it shows now (lib/domain/history.ts).
 */

/** Deleted claims sent with a page, newest deletions first: far more than a classroom map holds. */
const TRASH_MAX = 20_000;
/** Tries at a page that no change slipped into while it was read (see readHistory). */
const ATTEMPTS = 3;

export interface HistoryQuery {
  userId: string;
  mapId: string;
  /** Only entries older than this revision (the previous page's nextBefore). */
  before?: number;
  limit?: number;
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

async function mapRevision(tx: Tx, mapId: string): Promise<number> {
  const map = await tx.argumentMap.findUnique({ where: { id: mapId }, select: { revision: true } });
  return map?.revision ?? 0;
}

/** Up to `limit` entries at or below `revision` (and below `before`), stopping where the log does. */
async function readEntries(
  tx: Tx,
  mapId: string,
  revision: number,
  before: number | undefined,
  limit: number,
): Promise<Pick<HistoryPage, 'entries' | 'complete' | 'nextBefore'>> {
  const rows = await tx.mapOperation.findMany({
    where: {
      mapId,
      // Revision 0 marks a refused operation: nothing changed.
      revision: { gt: 0, lte: revision, ...(before !== undefined && { lt: before }) },
    },
    orderBy: { revision: 'desc' },
    take: limit + 1,
    select: {
      revision: true,
      actorId: true,
      createdAt: true,
      op: true,
      before: true,
      actor: { select: { name: true } },
    },
  });
  const entries: HistoryEntry[] = [];
  for (const row of rows.slice(0, limit)) {
    const op = opSchema.safeParse(parseJson(row.op));
    const before = parseJson(row.before);
    // A change recorded before the log kept operations cannot be walked back, nor any before it.
    if (!op.success || before === undefined) return { entries, complete: false, nextBefore: null };
    entries.push({
      revision: row.revision,
      actorId: row.actorId,
      actorName: row.actor.name,
      createdAt: row.createdAt.toISOString(),
      op: op.data,
      before: before as OpBefore,
    });
  }
  const more = rows.length > limit;
  return {
    entries: await withCommentFacts(tx, mapId, entries),
    complete: !more,
    nextBefore: more ? entries.at(-1)!.revision : null,
  };
}

/**
 * Comment entries with the claim they are on, without what an edit replaced, and without the
 * words of a comment deleted now (lib/domain/history-comments.ts).
 */
async function withCommentFacts(
  tx: Tx,
  mapId: string,
  entries: HistoryEntry[],
): Promise<HistoryEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => (isCommentOp(e.op) ? [e.op.commentId] : [])))];
  if (ids.length === 0) return entries;
  const rows = await tx.comment.findMany({
    where: { mapId, id: { in: ids } },
    select: { id: true, claimId: true, parentId: true, deletedAt: true, body: true },
  });
  const facts = new Map<string, CommentFacts>(
    rows.map((r) => [
      r.id,
      { claimId: r.claimId, parentId: r.parentId, deleted: !!r.deletedAt, body: r.body },
    ]),
  );
  return entries.map((e) => (isCommentOp(e.op) ? commentEntry(e, facts.get(e.op.commentId)) : e));
}

/** The map's deleted claims by batch, with their hidden quotes and cross-links. */
async function readTrash(
  tx: Tx,
  mapId: string,
): Promise<Pick<HistoryPage, 'trash' | 'anchors' | 'links'>> {
  const rows = await tx.claim.findMany({
    where: { mapId, deletionId: { not: null } },
    orderBy: [{ deletedAt: 'desc' }, { id: 'asc' }],
    take: TRASH_MAX,
    include: { anchors: { orderBy: { createdAt: 'asc' } } },
  });
  const trash: Record<string, ClaimView[]> = {};
  for (const row of rows) (trash[row.deletionId!] ??= []).push(toClaimView(row));
  const links = await tx.claimLink.findMany({
    where: {
      mapId,
      OR: [{ from: { deletionId: { not: null } } }, { toClaim: { deletionId: { not: null } } }],
    },
    orderBy: { createdAt: 'asc' },
  });
  return {
    trash,
    anchors: rows.flatMap((r) => r.anchors.map(toAnchorView)),
    links: links.map(toLinkView),
  };
}

/**
 * One page of a map's history, for anyone who may read the map (a stranger is told it does not
 * exist). The log, the trash and the revision are read apart (a read never waits on a writer),
 * so the page is read again if the revision moved meanwhile: a delete or restore slipping in
 * between would leave the browser unable to walk past it.
 */
export async function readHistory(tx: Tx, query: HistoryQuery): Promise<HistoryPage> {
  const { userId, mapId, before } = query;
  const limit = Math.min(
    Math.max(1, Math.floor(query.limit ?? HISTORY_PAGE_DEFAULT)),
    HISTORY_PAGE_MAX,
  );
  await requireMapAccess(tx, userId, mapId, 'map.read');
  let revision = await mapRevision(tx, mapId);
  for (let attempt = 1; ; attempt++) {
    const log = await readEntries(tx, mapId, revision, before, limit);
    const trash = await readTrash(tx, mapId);
    const after = await mapRevision(tx, mapId);
    if (after === revision || attempt === ATTEMPTS) {
      // Who changed what, and the notes, only as this reader may see them.
      const lens = await readerLens(tx, mapId, { userId });
      const entries = log.entries.flatMap((e) => seeHistoryEntry(e, lens) ?? []);
      const deleted = Object.fromEntries(
        Object.entries(trash.trash).map(([id, claims]) => [id, seeClaims(claims, lens)]),
      );
      return { ...log, entries, ...trash, trash: deleted, revision };
    }
    revision = after;
  }
}
