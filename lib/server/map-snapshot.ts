import 'server-only';
import type { CrossLink } from '@/lib/domain/cross-links';
import { liveLinks } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView, CommentView } from '@/lib/domain/views';
import type { Tx } from './db';
import { toAnchorView, toClaimView, toLinkView } from './row-views';
import { sharedStore } from './shared-parts';

/**
 * A map's contents at one revision: its live claims, their quotes, cross-links and comments, and
 * who wrote each claim (live and in the Trash). Unredacted and without names: the loader in
 * maps.ts adds the names it reads on every request and passes the whole through the reader's lens.
 *
 * Every change to these goes through an operation, which raises the map's revision
 * (lib/server/ops/apply-ops.ts), so a snapshot read at revision r is right for as long as the map
 * is at r; the one other writer, a debate edit moving quotes, forgets every snapshot with the
 * articles (lib/server/shared-parts.ts). Only for reads outside a write transaction: a snapshot
 * read inside one could hold what is later rolled back.
 */
export interface MapSnapshot {
  revision: number;
  claims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
  /** As CommentView, without the author's name (read fresh: a name can change). */
  comments: Omit<CommentView, 'authorName'>[];
  /** Author by claim id, live claims and those in the Trash. */
  byClaim: Record<string, string>;
}

/**
 * One snapshot per map (the newest read), at most about 200,000 claims, quotes and comments in
 * all in this process (a class's maps many times over; a 10,000-claim map is a few MB).
 */
const snapshots = sharedStore<MapSnapshot>(
  200_000,
  (s) => 1 + s.claims.length + s.anchors.length + s.comments.length,
);

/** The map's contents at `revision` or later: kept, or read now. */
export function mapSnapshot(tx: Tx, mapId: string, revision: number): Promise<MapSnapshot> {
  return snapshots.get(
    mapId,
    () => readSnapshot(tx, mapId),
    (s) => s.revision >= revision,
  );
}

async function readSnapshot(tx: Tx, mapId: string): Promise<MapSnapshot> {
  const map = await tx.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      revision: true,
      claims: {
        where: { deletedAt: null },
        orderBy: [{ thesisId: 'asc' }, { orderKey: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          thesisId: true,
          parentId: true,
          stance: true,
          orderKey: true,
          text: true,
          note: true,
          strength: true,
          version: true,
          authorId: true,
        },
      },
      links: { orderBy: { createdAt: 'asc' } },
    },
  });
  const claims = map.claims.map(toClaimView);
  // The quotes by a join on the map, not by an IN list of every claim's id (10,000 of them in a
  // big map), then in the claims' order, each claim's in the order they were made.
  const place = new Map(claims.map((c, i) => [c.id, i]));
  const [anchorRows, trashed, comments] = await Promise.all([
    tx.anchor.findMany({
      where: { claim: { mapId, deletedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    tx.claim.findMany({
      where: { mapId, deletedAt: { not: null }, authorId: { not: null } },
      select: { id: true, authorId: true },
    }),
    tx.comment.findMany({
      where: { mapId, deletedAt: null, claim: { deletedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const anchors = anchorRows.sort(
    (a, b) => (place.get(a.claimId) ?? 0) - (place.get(b.claimId) ?? 0),
  );
  const byClaim: Record<string, string> = {};
  for (const c of [...map.claims, ...trashed]) if (c.authorId) byClaim[c.id] = c.authorId;
  return {
    revision: map.revision,
    claims,
    anchors: anchors.map(toAnchorView),
    links: liveLinks(claims, map.links.map(toLinkView)),
    comments: comments.map((c) => ({
      id: c.id,
      claimId: c.claimId,
      parentId: c.parentId,
      authorId: c.authorId,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    })),
    byClaim,
  };
}
