import 'server-only';
import { isAt } from '@/lib/domain/apply-op';
import { appError } from '@/lib/error-words';
import { Prisma } from '@/lib/generated/prisma/client';
import { toAnchorView, toClaimView, toLinkView } from '../row-views';
import { liveClaim, checkPlace, type OpOf, type SqlContext } from './claim-ops';
import { commentsWhere } from './comment-ops';
import { sqlIn, sqlNumber } from './sql-rows';

// Changes to where claims are and whether they are live: moves, deletes into the Trash and back.
// Plain SQL like every operation (lib/server/ops/claim-ops.ts).

/**
 * A live claim and its live replies, all the way down: read by the database along the parent
 * index, not by loading the map's whole tree (a move in a 600-claim map took ~3 ms more that way).
 */
async function liveSubtree(ctx: SqlContext, id: string): Promise<Set<string>> {
  const rows = await ctx.sql.$queryRaw<{ id: string }[]>`WITH RECURSIVE "sub"("id") AS (
      SELECT "id" FROM "claim" WHERE "id" = ${id} AND "mapId" = ${ctx.mapId}
        AND "deletedAt" IS NULL
      UNION
      SELECT c."id" FROM "claim" c JOIN "sub" ON c."parentId" = "sub"."id"
      WHERE c."mapId" = ${ctx.mapId} AND c."deletedAt" IS NULL)
    SELECT "id" FROM "sub"`;
  return new Set(rows.map((r) => r.id));
}

/** Moves a claim (with its replies) to a new place; refuses a move under its own replies. */
export async function moveClaim(ctx: SqlContext, op: OpOf<'claim.move'>) {
  const claim = await liveClaim(ctx, op.claimId);
  // An undo's move says where the claim must still be: someone else's later move is not undone.
  if (op.base && !isAt({ ...claim, order: claim.orderKey }, op.base)) {
    throw appError('claim.movedSince');
  }
  await checkPlace(ctx, op.thesisId, op.parentId);
  ctx.before = { thesisId: claim.thesisId, parentId: claim.parentId, order: claim.orderKey };
  const replies = await liveSubtree(ctx, op.claimId);
  if (op.parentId !== null && replies.has(op.parentId)) throw appError('claim.underItself');
  const now = new Date();
  await ctx.sql.$executeRaw`UPDATE "claim" SET "parentId" = ${op.parentId},
    "thesisId" = ${op.thesisId}, "orderKey" = ${op.order}, "version" = "version" + 1,
    "updatedAt" = ${now} WHERE "id" = ${op.claimId}`;
  if (claim.thesisId !== op.thesisId) {
    const below = [...replies].filter((id) => id !== op.claimId);
    await ctx.sql.$executeRaw`UPDATE "claim" SET "thesisId" = ${op.thesisId},
      "updatedAt" = ${now} WHERE "id" ${sqlIn(below)}`;
  }
}

/**
 * Deletes a claim and its replies into the map's Trash, as one batch named by the operation's
 * id. Only what the person saw is taken: if someone added a reply since, nothing is deleted and
 * they are told, so no one's work disappears unseen.
 */
export async function deleteClaim(ctx: SqlContext, op: OpOf<'claim.delete'>) {
  await liveClaim(ctx, op.claimId);
  const seen = new Set(op.seen);
  const subtree = [...(await liveSubtree(ctx, op.claimId))];
  const unseen = subtree.filter((id) => !seen.has(id));
  if (unseen.length > 0) throw appError('claim.unseenReplies', { count: unseen.length });
  const now = new Date();
  await ctx.sql.$executeRaw`UPDATE "claim" SET "deletedAt" = ${now}, "deletionId" = ${op.id},
    "deletedById" = ${ctx.userId}, "updatedAt" = ${now} WHERE "id" ${sqlIn(subtree)}`;
  return { deletionId: op.id, removed: subtree.length };
}

type ClaimRow = {
  id: string;
  thesisId: string;
  parentId: string | null;
  stance: string;
  orderKey: string;
  text: string;
  note: string;
  strength: unknown;
  version: unknown;
};

/** Brings a deleted batch back from the Trash to where it was. */
export async function restoreClaims(ctx: SqlContext, op: OpOf<'claim.restore'>) {
  const batch = await ctx.sql.$queryRaw<ClaimRow[]>`SELECT "id", "thesisId", "parentId",
    "stance", "orderKey", "text", "note", "strength", "version" FROM "claim"
    WHERE "mapId" = ${ctx.mapId} AND "deletionId" = ${op.deletionId} ORDER BY "id"`;
  const ids = batch.map((c) => c.id);
  const inBatch = new Set(ids);
  const root = batch.find((c) => !c.parentId || !inBatch.has(c.parentId));
  if (!root) throw appError('restore.done');
  if (root.parentId) {
    const [parent] = await ctx.sql.$queryRaw<{ id: string }[]>`SELECT "id" FROM "claim"
      WHERE "id" = ${root.parentId} AND "mapId" = ${ctx.mapId} AND "deletedAt" IS NULL`;
    if (!parent) throw appError('restore.parentDeleted');
  }
  await ctx.sql.$executeRaw`UPDATE "claim" SET "deletedAt" = NULL, "deletionId" = NULL,
    "deletedById" = NULL, "updatedAt" = ${new Date()} WHERE "id" ${sqlIn(ids)}`;
  ctx.before = { rootId: root.id, ids };
  const anchors = await ctx.sql.$queryRaw<
    {
      id: string;
      claimId: string;
      sourceId: string;
      exact: string;
      prefix: string;
      suffix: string;
      block: unknown;
      start: unknown;
      end: unknown;
    }[]
  >`SELECT "id", "claimId", "sourceId", "exact", "prefix", "suffix", "block", "start", "end"
    FROM "anchor" WHERE "claimId" ${sqlIn(ids)} ORDER BY "claimId", "id"`;
  const links = await ctx.sql.$queryRaw<
    {
      id: string;
      fromClaimId: string;
      toClaimId: string | null;
      toThesisId: string | null;
      stance: string;
    }[]
  >`SELECT "id", "fromClaimId", "toClaimId", "toThesisId", "stance" FROM "claim_link"
    WHERE "fromClaimId" ${sqlIn(ids)} OR "toClaimId" ${sqlIn(ids)} ORDER BY "id"`;
  return {
    claims: batch.map((c) =>
      toClaimView({ ...c, strength: sqlNumber(c.strength), version: Number(c.version) }),
    ),
    anchors: anchors.map((a) =>
      toAnchorView({ ...a, block: Number(a.block), start: Number(a.start), end: Number(a.end) }),
    ),
    links: links.map(toLinkView),
    comments: await commentsWhere(
      ctx.sql,
      ctx.mapId,
      Prisma.sql`c."claimId" ${sqlIn(ids)} AND c."deletedAt" IS NULL`,
    ),
  };
}
