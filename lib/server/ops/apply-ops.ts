import 'server-only';
import { z } from 'zod';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { opSchema, type Op, type OpResult, type OpsResponse } from '@/lib/schemas/ops';
import { capabilityForOp, refusalFor, rolesWith } from '@/lib/domain/capabilities';
import { Prisma } from '@/lib/generated/prisma/client';
import { archivedError } from '@/lib/domain/classroom/archive';
import { archivedMapSql, debateParts, mapStanding } from '../access';
import { pubsub } from '../live/pubsub';
import type { Db, RawSql } from '../db';
import { writeTransaction } from '../db-client';
import { unavailableError } from '../db-errors';
import * as claims from './claim-ops';
import * as comments from './comment-ops';
import * as evidence from './evidence-ops';
import { acceptSuggestion } from './suggestion-ops';
import * as tree from './tree-ops';
import type { SqlContext } from './claim-ops';

/** One operation's effect, inside the transaction that records it. */
function perform(ctx: SqlContext, op: Op): Promise<unknown> {
  switch (op.kind) {
    case 'claim.add':
      return op.suggestionId
        ? acceptSuggestion(ctx, { ...op, suggestionId: op.suggestionId })
        : claims.addClaim(ctx, op);
    case 'claim.update':
      return claims.updateClaim(ctx, op);
    case 'claim.move':
      return tree.moveClaim(ctx, op);
    case 'claim.delete':
      return tree.deleteClaim(ctx, op);
    case 'claim.restore':
      return tree.restoreClaims(ctx, op);
    case 'anchor.add':
      return evidence.addAnchor(ctx, op);
    case 'anchor.remove':
      return evidence.removeAnchor(ctx, op);
    case 'link.add':
      return evidence.addLink(ctx, op);
    case 'link.remove':
      return evidence.removeLink(ctx, op);
    case 'comment.add':
      return comments.addComment(ctx, op);
    case 'comment.edit':
      return comments.editComment(ctx, op);
    case 'comment.delete':
      return comments.deleteComment(ctx, op);
    case 'comment.resolve':
      return comments.resolveComment(ctx, op);
  }
}

const refusal = (id: string, e: AppError): OpResult => ({
  id,
  ok: false,
  code: e.code,
  message: e.message,
  retry: e.code === 'UNAVAILABLE',
  ...('current' in e ? { current: e.current as { text?: string; note?: string } } : {}),
});

/**
 * Why a user may not make a change: the map is missing or not theirs, its class is archived, or
 * their role does not allow it.
 */
async function refuseAccess(sql: RawSql, userId: string, mapId: string, op: Op): Promise<never> {
  const { role, archived } = await mapStanding(sql, userId, mapId);
  if (!role) throw appError('map.gone');
  if (archived) throw archivedError();
  throw new AppError('FORBIDDEN', refusalFor(capabilityForOp(op.kind), role));
}

/**
 * Records an operation with its answer; an applied one also with the operation itself and what
 * it replaced: the map's history, in the same transaction as the change.
 */
async function record(
  sql: RawSql,
  userId: string,
  mapId: string,
  op: Op,
  result: OpResult,
  before?: unknown,
) {
  const revision = result.ok ? result.revision : 0;
  const applied = result.ok ? JSON.stringify(op) : null;
  const replaced = result.ok && before !== undefined ? JSON.stringify(before) : null;
  await sql.$executeRaw`INSERT INTO "map_operation"
    ("id", "mapId", "actorId", "kind", "revision", "result", "op", "before", "createdAt")
    VALUES (${op.id}, ${mapId}, ${userId}, ${op.kind}, ${revision}, ${JSON.stringify(result)},
      ${applied}, ${replaced}, ${new Date()})`;
}

/** The member roles (besides the owner) that may make this kind of change. */
const memberRolesFor = (op: Op) =>
  rolesWith(capabilityForOp(op.kind)).filter((role) => role !== 'owner');

/**
 * Applies one operation inside the group's transaction, under its own savepoint, so a refusal
 * undoes only this operation. First it looks for the operation's id: a retry whose answer was
 * lost gets that answer again. Access and the map's revision are one statement; the revision is
 * bumped before the change (on PostgreSQL that row lock orders the map's writers).
 */
async function applyInGroup(sql: RawSql, userId: string, mapId: string, op: Op): Promise<Applied> {
  const [done] = await sql.$queryRaw<{ mapId: string; actorId: string; result: string }[]>`
    SELECT "mapId", "actorId", "result" FROM "map_operation" WHERE "id" = ${op.id}`;
  if (done) {
    if (done.mapId === mapId && done.actorId === userId)
      return { result: JSON.parse(done.result) as OpResult, fresh: false };
    const result = refusal(op.id, appError('change.idTaken', { what: 'change' }));
    return { result, fresh: false };
  }
  await sql.$executeRaw`SAVEPOINT op`;
  let allowed = false;
  try {
    // Access and the revision bump in one statement: the owner (unless a former teacher, on an
    // assignment's map: lib/server/access.ts), or a member whose role allows this kind of
    // change (lib/domain/capabilities.ts); never in an archived class's map (read-only).
    const [map] = await sql.$queryRaw<{ revision: bigint | number; debateId: string }[]>`
      UPDATE "argument_map" SET "revision" = "revision" + 1, "updatedAt" = ${new Date()}
      WHERE "id" = ${mapId} AND (("ownerId" = ${userId} AND NOT EXISTS (
        SELECT 1 FROM "assignment_work" aw JOIN "user" u ON u."id" = ${userId}
        WHERE aw."mapId" = ${mapId} AND u."accountKind" <> 'teacher')) OR EXISTS (
        SELECT 1 FROM "map_member" WHERE "mapId" = ${mapId} AND "userId" = ${userId}
          AND "role" IN (${Prisma.join(memberRolesFor(op))})))
        AND NOT ${archivedMapSql(mapId)}
      RETURNING "revision", "debateId"`;
    if (!map) await refuseAccess(sql, userId, mapId, op);
    allowed = true;
    const revision = Number(map!.revision);
    const debate = await debateParts(sql, map!.debateId);
    const ctx: SqlContext = { sql, userId, mapId, debate };
    const data = await perform(ctx, op);
    const result: OpResult = { id: op.id, ok: true, revision, ...(data ? { data } : {}) };
    await record(sql, userId, mapId, op, result, ctx.before);
    await sql.$executeRaw`RELEASE SAVEPOINT op`;
    return { result, fresh: true, afterCommit: ctx.afterCommit };
  } catch (error) {
    try {
      await sql.$executeRaw`ROLLBACK TO SAVEPOINT op`;
      await sql.$executeRaw`RELEASE SAVEPOINT op`;
    } catch {
      // The storage rolled the whole transaction back itself: the group fails and is retried.
      throw unavailableError(error) ?? error;
    }
    if (unavailableError(error)) throw error;
    if (!(error instanceof AppError)) {
      console.error(error);
      const result: OpResult = {
        id: op.id,
        ok: false,
        code: 'UNEXPECTED',
        message:
          'Something went wrong on our side with this change. It is kept and will be retried.',
        retry: true,
      };
      return { result, fresh: false };
    }
    const result = refusal(op.id, error);
    // Kept so that a retry gets the same answer, whatever changed since; not for someone
    // refused access (nothing of theirs is stored in a map that is not theirs).
    if (allowed) await record(sql, userId, mapId, op, result);
    return { result, fresh: false };
  }
}

/** An operation's answer; `fresh`: applied now (not a retry answered from the log). */
interface Applied {
  result: OpResult;
  fresh: boolean;
  afterCommit?: SqlContext['afterCommit'];
}

interface Job {
  userId: string;
  mapId: string;
  op: Op;
  resolve: (result: OpResult) => void;
}

/** Operations waiting for the next group; at most this many share one transaction. */
const GROUP_MAX = 200;
const queues = new WeakMap<Db, { jobs: Job[]; draining: boolean }>();

/**
 * Group commit: operations that arrive while a transaction is being written wait and are all
 * written in the next one, each under its own savepoint. One commit (one fsync with
 * synchronous = FULL) then serves many students, and an answer is sent only after its
 * operation's commit succeeded: nothing is called saved before it is on disk.
 */
async function drain(db: Db, queue: { jobs: Job[]; draining: boolean }) {
  queue.draining = true;
  try {
    while (queue.jobs.length > 0) {
      const group = byMap(queue.jobs.splice(0, GROUP_MAX));
      const results: Applied[] = [];
      try {
        await runGroup(db, group, results);
        group.forEach((job, i) => job.resolve(results[i]!.result));
        publishApplied(group, results);
        afterCommit(db, results);
      } catch (error) {
        const passing = unavailableError(error) ?? appError('change.notSaved');
        if (!unavailableError(error)) console.error(error);
        for (const job of group) job.resolve(refusal(job.op.id, passing));
      }
    }
  } finally {
    queue.draining = false;
  }
}

/**
 * Writes a group in one transaction: straight on SQLite's driver (every change is plain SQL), or
 * in a Prisma transaction on PostgreSQL. `results` is filled anew on each attempt.
 */
async function runGroup(db: Db, group: Job[], results: Applied[]) {
  await writeTransaction(db, async (sql) => {
    results.length = 0;
    for (const job of group) results.push(await applyInGroup(sql, job.userId, job.mapId, job.op));
  });
}

/**
 * The group ordered by map (a stable sort: each map's operations keep their order). Each
 * operation locks its map's row until the group commits; on PostgreSQL, two app servers' groups
 * that locked the same maps in different orders would deadlock, and one would fail as a whole.
 * In one order they only wait for each other.
 */
const byMap = (group: Job[]) =>
  group.sort((x, y) => (x.mapId < y.mapId ? -1 : x.mapId > y.mapId ? 1 : 0));

/** Runs what the group's fresh operations left to do once committed (notifications...). */
function afterCommit(db: Db, results: Applied[]) {
  for (const { result, fresh, afterCommit: work } of results) {
    if (!fresh || !result.ok || !work) continue;
    for (const run of work) run(db).catch((error: unknown) => console.error(error));
  }
}

/** Tells everyone watching the maps what was just committed, in revision order. */
function publishApplied(group: Job[], results: Applied[]) {
  const live = pubsub();
  group.forEach((job, i) => {
    const { result, fresh } = results[i]!;
    if (!fresh || !result.ok) return;
    live.publish(job.mapId, {
      type: 'change',
      revision: result.revision,
      actorId: job.userId,
      op: job.op,
      ...(result.data !== undefined ? { data: result.data } : {}),
    });
  });
}

function enqueue(db: Db, userId: string, mapId: string, op: Op): Promise<OpResult> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { jobs: [], draining: false }));
  const answer = new Promise<OpResult>((resolve) =>
    queue.jobs.push({ userId, mapId, op, resolve }),
  );
  if (!queue.draining) void drain(db, queue);
  return answer;
}

/**
 * Applies a batch of operations in order, each on its own: a refused one does not stop the ones
 * after it (they are answered one by one). A passing failure (busy database, full disk) ends the
 * answer there, since later operations may depend on it: the browser sends them again.
 */
export async function applyOps(
  db: Db,
  opts: { userId: string; mapId: string; ops: unknown[] },
): Promise<OpsResponse> {
  const answers = opts.ops.map((raw): OpResult | Promise<OpResult> => {
    const parsed = opSchema.safeParse(raw);
    if (parsed.success) return enqueue(db, opts.userId, opts.mapId, parsed.data);
    const id = z.object({ id: z.string().max(64) }).safeParse(raw);
    const flat = z.flattenError(parsed.error);
    return {
      id: id.success ? id.data.id : '',
      ok: false,
      code: 'INVALID',
      message:
        flat.formErrors[0] ??
        Object.values(flat.fieldErrors as Record<string, string[]>).flat()[0] ??
        'That change is not valid.',
      retry: false,
    };
  });
  const results: OpResult[] = [];
  for (const answer of answers) {
    const result = await answer;
    results.push(result);
    if (!result.ok && result.retry) break;
  }
  const revision = Math.max(0, ...results.map((r) => (r.ok ? r.revision : 0)));
  return { revision, results };
}
