import 'server-only';
import type { CrossLink } from '@/lib/domain/cross-links';
import { liveLinks } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView, CommentView } from '@/lib/domain/views';
import { appError } from '@/lib/error-words';
import type { Tx } from './db';
import { toAnchorView, toClaimView, toLinkView } from './row-views';
import { sqlDate } from './ops/sql-rows';
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

/**
 * Plain SQL, the revision first (so the contents are of that revision or later, never older than
 * their label), then the rest at once: this is the first read of every map page at the start of a
 * lesson, and Prisma's planning of the nested reads cost more than the reading.
 */
async function readSnapshot(tx: Tx, mapId: string): Promise<MapSnapshot> {
  const [map] = await tx.$queryRaw<{ revision: unknown }[]>`
    SELECT "revision" FROM "argument_map" WHERE "id" = ${mapId}`;
  if (!map) throw appError('map.gone');
  const [claimRows, linkRows, anchorRows, trashed, comments] = await Promise.all([
    tx.$queryRaw<(ClaimRow & { authorId: string | null })[]>`
      SELECT "id", "thesisId", "parentId", "stance", "orderKey", "text", "note", "strength",
        "version", "authorId"
      FROM "claim" WHERE "mapId" = ${mapId} AND "deletedAt" IS NULL
      ORDER BY "thesisId" ASC, "orderKey" ASC, "id" ASC`,
    tx.$queryRaw<LinkRow[]>`
      SELECT "id", "fromClaimId", "toClaimId", "toThesisId", "stance"
      FROM "claim_link" WHERE "mapId" = ${mapId} ORDER BY "createdAt" ASC, "id" ASC`,
    // The quotes by a join on the map, not by an IN list of every claim's id (10,000 of them in
    // a big map), then in the claims' order, each claim's in the order they were made.
    tx.$queryRaw<AnchorRow[]>`
      SELECT a."id", a."claimId", a."sourceId", a."exact", a."prefix", a."suffix", a."block",
        a."start", a."end"
      FROM "anchor" a JOIN "claim" c ON c."id" = a."claimId"
      WHERE c."mapId" = ${mapId} AND c."deletedAt" IS NULL
      ORDER BY a."createdAt" ASC, a."id" ASC`,
    tx.$queryRaw<{ id: string; authorId: string }[]>`
      SELECT "id", "authorId" FROM "claim"
      WHERE "mapId" = ${mapId} AND "deletedAt" IS NOT NULL AND "authorId" IS NOT NULL`,
    tx.$queryRaw<CommentRow[]>`
      SELECT k."id", k."claimId", k."parentId", k."authorId", k."body", k."createdAt",
        k."editedAt", k."resolvedAt"
      FROM "comment" k JOIN "claim" c ON c."id" = k."claimId"
      WHERE k."mapId" = ${mapId} AND k."deletedAt" IS NULL AND c."deletedAt" IS NULL
      ORDER BY k."createdAt" ASC, k."id" ASC`,
  ]);
  const claims = claimRows.map((c) =>
    toClaimView({
      ...c,
      strength: c.strength === null ? null : Number(c.strength),
      version: Number(c.version),
    }),
  );
  const place = new Map(claims.map((c, i) => [c.id, i]));
  const anchors = anchorRows
    .map((a) =>
      toAnchorView({ ...a, block: Number(a.block), start: Number(a.start), end: Number(a.end) }),
    )
    .sort((a, b) => (place.get(a.claimId) ?? 0) - (place.get(b.claimId) ?? 0));
  const byClaim: Record<string, string> = {};
  for (const c of [...claimRows, ...trashed]) if (c.authorId) byClaim[c.id] = c.authorId;
  return {
    revision: Number(map.revision),
    claims,
    anchors,
    links: liveLinks(claims, linkRows.map(toLinkView)),
    comments: comments.map((c) => ({
      id: c.id,
      claimId: c.claimId,
      parentId: c.parentId,
      authorId: c.authorId,
      body: c.body,
      createdAt: sqlDate(c.createdAt)!.toISOString(),
      editedAt: sqlDate(c.editedAt)?.toISOString() ?? null,
      resolvedAt: sqlDate(c.resolvedAt)?.toISOString() ?? null,
    })),
    byClaim,
  };
}

type ClaimRow = Parameters<typeof toClaimView>[0];
type LinkRow = Parameters<typeof toLinkView>[0];
type AnchorRow = Parameters<typeof toAnchorView>[0];
interface CommentRow {
  id: string;
  claimId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  createdAt: unknown;
  editedAt: unknown;
  resolvedAt: unknown;
}
