import 'server-only';
import { isAt } from '@/lib/domain/apply-op';
import { subtreeIds, type Stance, type TreeNode } from '@/lib/domain/argument-tree';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Op } from '@/lib/schemas/ops';
import type { DebateParts } from '../access';
import type { RawSql, Tx } from '../db';
import { toAnchorView, toClaimView, toLinkView } from '../mappers';
import { toCommentView } from './comment-ops';
import { isUniqueViolation } from '../db-errors';

/**
 * What every operation is applied with: the map (access already checked), who acts, and plain
 * SQL inside the transaction that records it. The commonest changes (adding and editing claims)
 * need no more, so on SQLite they skip Prisma's query pipeline (lib/server/ops/apply-ops.ts).
 */
export interface SqlContext {
  sql: RawSql;
  userId: string;
  mapId: string;
  debate: DebateParts;
  /**
   * What the operation replaced, set by the operation that knows: recorded with it for History
   * and undo, in the shape of OpBefore (lib/domain/undo.ts). Left undefined when nothing is needed.
   */
  before?: unknown;
}

/** The other operations also use Prisma's model queries, in the same transaction. */
export interface OpContext extends SqlContext {
  tx: Tx;
}

type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

/** The fields an edit may set: named here, never taken from the request. */
const EDITABLE = ['text', 'note', 'stance', 'strength'] as const;

const GONE = 'This claim was deleted (perhaps in another tab). It is in the map’s Trash.';

// The statements every edit runs are plain SQL (standard, for SQLite and PostgreSQL alike):
// a Prisma model query costs about 2 ms of CPU to plan here, a raw one 0.4 ms, the same
// statement straight on SQLite's driver a few microseconds, and a school's edits all go through
// these few lines.

/** A live claim of this map, or NOT_FOUND. */
async function liveClaim(ctx: SqlContext, id: string) {
  const [claim] = await ctx.sql.$queryRaw<
    {
      id: string;
      thesisId: string;
      parentId: string | null;
      stance: string;
      text: string;
      note: string;
      strength: number | bigint | null;
      orderKey: string;
      deletedAt: unknown;
    }[]
  >`SELECT "id", "thesisId", "parentId", "stance", "text", "note", "strength", "orderKey",
      "deletedAt" FROM "claim" WHERE "id" = ${id} AND "mapId" = ${ctx.mapId}`;
  if (!claim) throw new AppError('NOT_FOUND', 'That claim is not in this map.');
  if (claim.deletedAt) throw new AppError('NOT_FOUND', GONE);
  return claim;
}

/** Where a claim may go: a thesis of this debate, or a live claim under that thesis. */
async function checkPlace(ctx: SqlContext, thesisId: string, parentId: string | null) {
  if (!ctx.debate.thesisIds.has(thesisId)) {
    throw new AppError('INVALID', 'That thesis is not part of this map’s debate.');
  }
  if (parentId === null) return;
  const parent = await liveClaim(ctx, parentId).catch(() => {
    throw new AppError(
      'NOT_FOUND',
      'The claim you answered was deleted, so this reply could not be saved.',
    );
  });
  if (parent.thesisId !== thesisId) {
    throw new AppError('INVALID', 'A reply belongs to the same thesis as the claim it answers.');
  }
}

async function loadTree(tx: Tx, mapId: string): Promise<TreeNode[]> {
  const rows = await tx.claim.findMany({
    where: { mapId, deletedAt: null },
    select: { id: true, thesisId: true, parentId: true, stance: true, orderKey: true },
  });
  return rows.map((r) => ({ ...r, stance: r.stance as Stance, order: r.orderKey }));
}

export async function addClaim(ctx: SqlContext, op: OpOf<'claim.add'>) {
  await checkPlace(ctx, op.thesisId, op.parentId);
  const now = new Date();
  try {
    await ctx.sql.$executeRaw`INSERT INTO "claim"
      ("id", "mapId", "thesisId", "parentId", "stance", "text", "orderKey", "createdAt", "updatedAt")
      VALUES (${op.claimId}, ${ctx.mapId}, ${op.thesisId}, ${op.parentId}, ${op.stance},
        ${op.text}, ${op.order}, ${now}, ${now})`;
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', 'A claim with that id already exists.');
    throw e;
  }
}

/**
 * Sets fields of a claim, one field at a time: a field someone else changed since this person
 * started typing (its saved value differs from `base`) is a conflict, answered with the saved
 * value so they can compare; other fields of the same claim are not.
 */
export async function updateClaim(ctx: SqlContext, op: OpOf<'claim.update'>) {
  const claim = await liveClaim(ctx, op.claimId);
  const current: { text?: string; note?: string } = {};
  for (const field of ['text', 'note'] as const) {
    const base = op.base[field];
    const next = op.set[field];
    if (base !== undefined && next !== undefined && claim[field] !== base && claim[field] !== next)
      current[field] = claim[field];
  }
  for (const field of ['stance', 'strength'] as const) {
    const base = op.base[field];
    const next = op.set[field];
    const saved =
      field === 'strength' && claim.strength !== null ? Number(claim.strength) : claim[field];
    if (base !== undefined && next !== undefined && saved !== base && saved !== next) {
      throw new AppError(
        'CONFLICT',
        field === 'stance'
          ? 'Someone else changed whether this claim is pro or con since, so it was left as they set it.'
          : 'Someone else changed this claim’s rating since, so it was left as they set it.',
      );
    }
  }
  if (Object.keys(current).length > 0) {
    throw Object.assign(
      new AppError(
        'CONFLICT',
        'Someone else changed this claim while you were editing it. Your text is kept: compare the two versions and choose.',
      ),
      { current },
    );
  }
  const fields = EDITABLE.filter((field) => op.set[field] !== undefined);
  ctx.before = {
    fields: Object.fromEntries(
      fields.map((f) => [f, f === 'strength' && claim[f] !== null ? Number(claim[f]) : claim[f]]),
    ),
  };
  const set = fields.map((field) => Prisma.sql`${Prisma.raw(`"${field}"`)} = ${op.set[field]}`);
  await ctx.sql.$executeRaw`UPDATE "claim" SET ${Prisma.join(set)},
    "version" = "version" + 1, "updatedAt" = ${new Date()} WHERE "id" = ${op.claimId}`;
}

/** Moves a claim (with its replies) to a new place; refuses a move under its own replies. */
export async function moveClaim(ctx: OpContext, op: OpOf<'claim.move'>) {
  const claim = await liveClaim(ctx, op.claimId);
  if (op.base && !isAt({ ...claim, order: claim.orderKey }, op.base)) {
    throw new AppError(
      'CONFLICT',
      'Someone else moved this claim since, so it was left where they put it.',
    );
  }
  await checkPlace(ctx, op.thesisId, op.parentId);
  ctx.before = { thesisId: claim.thesisId, parentId: claim.parentId, order: claim.orderKey };
  const tree = await loadTree(ctx.tx, ctx.mapId);
  const subtree = subtreeIds(tree, op.claimId);
  if (op.parentId !== null && subtree.has(op.parentId)) {
    throw new AppError(
      'INVALID',
      'A claim cannot be moved under itself or one of its own replies.',
    );
  }
  await ctx.tx.claim.update({
    where: { id: op.claimId },
    data: {
      parentId: op.parentId,
      thesisId: op.thesisId,
      orderKey: op.order,
      version: { increment: 1 },
    },
    select: { id: true },
  });
  if (claim.thesisId !== op.thesisId) {
    await ctx.tx.claim.updateMany({
      where: { id: { in: [...subtree].filter((id) => id !== op.claimId) } },
      data: { thesisId: op.thesisId },
    });
  }
}

/**
 * Deletes a claim and its replies into the map's Trash, as one batch named by the operation's
 * id. Only what the person saw is taken: if someone added a reply since, nothing is deleted and
 * they are told, so no one's work disappears unseen.
 */
export async function deleteClaim(ctx: OpContext, op: OpOf<'claim.delete'>) {
  await liveClaim(ctx, op.claimId);
  const tree = await loadTree(ctx.tx, ctx.mapId);
  const seen = new Set(op.seen);
  const subtree = [...subtreeIds(tree, op.claimId)];
  const unseen = subtree.filter((id) => !seen.has(id));
  if (unseen.length > 0) {
    throw new AppError(
      'CONFLICT',
      unseen.length === 1
        ? 'Someone added a reply to this claim since you opened the map, so nothing was deleted. Look at the new reply, then delete again if you still want to.'
        : `Someone added ${unseen.length} replies to this claim since you opened the map, so nothing was deleted. Look at them, then delete again if you still want to.`,
    );
  }
  await ctx.tx.claim.updateMany({
    where: { id: { in: subtree } },
    data: { deletedAt: new Date(), deletionId: op.id, deletedById: ctx.userId },
  });
  return { deletionId: op.id, removed: subtree.length };
}

/** Brings a deleted batch back from the Trash to where it was. */
export async function restoreClaims(ctx: OpContext, op: OpOf<'claim.restore'>) {
  const batch = await ctx.tx.claim.findMany({
    where: { mapId: ctx.mapId, deletionId: op.deletionId },
    include: { anchors: true, linksOut: true, linksIn: true },
  });
  const ids = new Set(batch.map((c) => c.id));
  const root = batch.find((c) => !c.parentId || !ids.has(c.parentId));
  if (!root) throw new AppError('NOT_FOUND', 'That was already restored.');
  if (root.parentId) {
    const parent = await ctx.tx.claim.findFirst({
      where: { id: root.parentId, mapId: ctx.mapId, deletedAt: null },
      select: { id: true },
    });
    if (!parent) {
      throw new AppError(
        'CONFLICT',
        'This cannot be restored on its own: the claim it answered is deleted too. Restore that one first.',
      );
    }
  }
  await ctx.tx.claim.updateMany({
    where: { id: { in: [...ids] } },
    data: { deletedAt: null, deletionId: null, deletedById: null },
  });
  ctx.before = { rootId: root.id, ids: [...ids] };
  const links = new Map(batch.flatMap((c) => [...c.linksOut, ...c.linksIn]).map((l) => [l.id, l]));
  const comments = await ctx.tx.comment.findMany({
    where: { claimId: { in: [...ids] }, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { author: { select: { name: true } } },
  });
  return {
    claims: batch.map((c) => toClaimView({ ...c, deletedAt: null })),
    anchors: batch.flatMap((c) => c.anchors.map(toAnchorView)),
    links: [...links.values()].map(toLinkView),
    comments: comments.map(toCommentView),
  };
}
