import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { opSchema, type Op, type OpResult, type OpsResponse } from '@/lib/schemas/ops';
import { debateParts, requireMapWriter } from '../access';
import type { Db } from '../db';
import { unavailableError } from '../db-errors';
import * as claims from './claim-ops';
import * as evidence from './evidence-ops';
import type { OpContext } from './claim-ops';

/** One operation's effect, inside the transaction that records it. */
function perform(ctx: OpContext, op: Op): Promise<unknown> {
  switch (op.kind) {
    case 'claim.add':
      return claims.addClaim(ctx, op);
    case 'claim.update':
      return claims.updateClaim(ctx, op);
    case 'claim.move':
      return claims.moveClaim(ctx, op);
    case 'claim.delete':
      return claims.deleteClaim(ctx, op);
    case 'claim.restore':
      return claims.restoreClaims(ctx, op);
    case 'anchor.add':
      return evidence.addAnchor(ctx, op);
    case 'anchor.remove':
      return evidence.removeAnchor(ctx, op);
    case 'link.add':
      return evidence.addLink(ctx, op);
    case 'link.remove':
      return evidence.removeLink(ctx, op);
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
 * Applies one operation in its own transaction, once: the first thing it does is look for the
 * operation's id, so a retry whose first answer was lost gets that answer again. The map's
 * revision is bumped before the change is made (on PostgreSQL that row lock orders writers).
 */
async function applyOne(db: Db, userId: string, mapId: string, op: Op): Promise<OpResult> {
  try {
    return await db.$transaction(async (tx) => {
      const done = await tx.mapOperation.findUnique({
        where: { id: op.id },
        select: { mapId: true, actorId: true, result: true },
      });
      if (done) {
        if (done.mapId !== mapId || done.actorId !== userId)
          throw new AppError('CONFLICT', 'That change id was already used.');
        return JSON.parse(done.result) as OpResult;
      }
      const map = await requireMapWriter(tx, userId, mapId);
      const { revision } = await tx.argumentMap.update({
        where: { id: mapId },
        data: { revision: { increment: 1 }, updatedAt: new Date() },
        select: { revision: true },
      });
      const ctx: OpContext = { tx, userId, mapId, debate: await debateParts(tx, map.debateId) };
      const data = await perform(ctx, op);
      const result: OpResult = { id: op.id, ok: true, revision, ...(data ? { data } : {}) };
      await tx.mapOperation.create({
        data: {
          id: op.id,
          mapId,
          actorId: userId,
          kind: op.kind,
          revision,
          result: JSON.stringify(result),
        },
      });
      return result;
    });
  } catch (error) {
    const passing = unavailableError(error);
    if (passing) return refusal(op.id, passing);
    if (!(error instanceof AppError)) throw error;
    const result = refusal(op.id, error);
    // Kept so that a retry of this operation gets the same answer, whatever changed since.
    if (error.code !== 'FORBIDDEN' && error.code !== 'UNAUTHENTICATED') {
      await db.mapOperation
        .create({
          data: {
            id: op.id,
            mapId,
            actorId: userId,
            kind: op.kind,
            revision: 0,
            result: JSON.stringify(result),
          },
        })
        .catch(() => {});
    }
    return result;
  }
}

/**
 * Applies a batch of operations in order, each on its own: a refused one does not stop the ones
 * after it (they are answered one by one). A passing failure (busy database, full disk) stops
 * the batch there, since later operations may depend on it: the browser sends them again.
 */
export async function applyOps(
  db: Db,
  opts: { userId: string; mapId: string; ops: unknown[] },
): Promise<OpsResponse> {
  const results: OpResult[] = [];
  let revision = 0;
  for (const raw of opts.ops) {
    const parsed = opSchema.safeParse(raw);
    if (!parsed.success) {
      const id = z.object({ id: z.string().max(64) }).safeParse(raw);
      const flat = z.flattenError(parsed.error);
      results.push({
        id: id.success ? id.data.id : '',
        ok: false,
        code: 'INVALID',
        message:
          flat.formErrors[0] ??
          Object.values(flat.fieldErrors as Record<string, string[]>).flat()[0] ??
          'That change is not valid.',
        retry: false,
      });
      continue;
    }
    const result = await applyOne(db, opts.userId, opts.mapId, parsed.data);
    results.push(result);
    if (result.ok) revision = Math.max(revision, result.revision);
    if (!result.ok && result.retry) break;
  }
  return { revision, results };
}
