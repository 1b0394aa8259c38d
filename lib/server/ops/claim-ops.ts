import 'server-only';
import { appError } from '@/lib/error-words';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Op } from '@/lib/schemas/ops';
import type { DebateParts } from '../access';
import type { Db, RawSql } from '../db';
import { isUniqueViolation } from '../db-errors';

/**
 * What every operation is applied with: the map (access already checked), who acts, and plain
 * SQL inside the transaction that records it (standard SQL, the same on SQLite and PostgreSQL), so
 * on SQLite every change skips Prisma's query pipeline (lib/server/ops/apply-ops.ts).
 */
export interface SqlContext {
  sql: RawSql;
  userId: string;
  mapId: string;
  debate: DebateParts;
  /**
   * Who a claim added by this operation is written by, when not the person applying it: the
   * suggester, when an editor accepts their suggestion.
   */
  authorId?: string;
  /**
   * What the operation replaced, set by the operation that knows: recorded with it for History
   * and undo, in the shape of OpBefore (lib/domain/undo.ts). Left undefined when nothing is needed.
   */
  before?: unknown;
  /**
   * What to do once the transaction that applied the operation has committed, and only then (not
   * for a refused or rolled-back one, nor for a retry answered from the log): what the change
   * causes besides itself, such as a notification (lib/server/notifications.ts).
   */
  afterCommit?: ((db: Db) => Promise<void>)[];
}

export type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

/** The fields an edit may set: named here, never taken from the request. */
const EDITABLE = ['text', 'note', 'stance', 'strength'] as const;

// The statements every edit runs are plain SQL (standard, for SQLite and PostgreSQL alike):
// a Prisma model query costs about 2 ms of CPU to plan here, a raw one 0.4 ms, the same
// statement straight on SQLite's driver a few microseconds, and a school's edits all go through
// these few lines.

/** A live claim of this map, or NOT_FOUND. */
export async function liveClaim(ctx: SqlContext, id: string) {
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
  if (!claim || claim.deletedAt) throw appError('claim.gone');
  return claim;
}

/** Where a claim may go: a thesis of this debate, or a live claim under that thesis. */
export async function checkPlace(ctx: SqlContext, thesisId: string, parentId: string | null) {
  if (!ctx.debate.thesisIds.has(thesisId)) throw appError('debate.otherThesis');
  if (parentId === null) return;
  const parent = await liveClaim(ctx, parentId).catch(() => {
    throw appError('claim.parentGone');
  });
  if (parent.thesisId !== thesisId) throw appError('claim.otherThesis');
}

export async function addClaim(ctx: SqlContext, op: OpOf<'claim.add'>) {
  await checkPlace(ctx, op.thesisId, op.parentId);
  const now = new Date();
  try {
    await ctx.sql.$executeRaw`INSERT INTO "claim"
      ("id", "mapId", "thesisId", "parentId", "stance", "text", "orderKey", "authorId",
        "createdAt", "updatedAt")
      VALUES (${op.claimId}, ${ctx.mapId}, ${op.thesisId}, ${op.parentId}, ${op.stance},
        ${op.text}, ${op.order}, ${ctx.authorId ?? ctx.userId}, ${now}, ${now})`;
  } catch (e) {
    if (isUniqueViolation(e)) throw appError('change.idTaken', { what: 'claim' });
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
      throw appError(field === 'stance' ? 'claim.stanceChanged' : 'claim.ratingChanged');
    }
  }
  if (Object.keys(current).length > 0) {
    throw Object.assign(appError('claim.textChanged'), { current });
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
