import 'server-only';
import crypto from 'node:crypto';
import {
  insertClaim,
  moveClaim as moveInTree,
  removeSubtree,
  structuralChanges,
  type Place,
  type Stance,
  type TreeNode,
} from '@/lib/domain/argument-tree';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { requireOwnedMap, touchMap } from './access';
import type { Db, Tx } from './db';
import { toAnchorView, toClaimView } from './mappers';

/** What a structural write changed: the claims to replace on screen (with their new versions). */
export interface ClaimChanges {
  claims: ClaimView[];
}

const STALE =
  'This claim was changed in another tab or window since you loaded it, so your change was not saved. Your text is kept: compare it with the latest version, then save again if you still want it.';
const GONE = 'This claim was deleted in another tab or window. Reload to see the map as it is now.';

async function loadTree(tx: Tx, mapId: string): Promise<TreeNode[]> {
  const rows = await tx.claim.findMany({
    where: { mapId, deletedAt: null },
    select: { id: true, thesisId: true, parentId: true, stance: true, position: true },
  });
  return rows.map((r) => ({ ...r, stance: r.stance as Stance }));
}

/**
 * Writes the place and position of every claim that moved. One statement per few hundred claims
 * (not one per claim): inserting at the top of a long list shifts every sibling below it.
 */
async function persistStructure(
  tx: Tx,
  before: TreeNode[],
  after: TreeNode[],
  skip?: string,
): Promise<void> {
  const moved = structuralChanges(before, after).filter((c) => c.id !== skip);
  for (let i = 0; i < moved.length; i += 500) {
    const chunk = moved.slice(i, i + 500);
    const cases = (value: (c: TreeNode) => string | number | null) =>
      Prisma.join(
        chunk.map((c) => Prisma.sql`WHEN ${c.id} THEN ${value(c)}`),
        ' ',
      );
    // Standard SQL (CASE), so it runs the same on SQLite and PostgreSQL.
    await tx.$executeRaw`UPDATE "claim" SET
      "parentId" = CASE "id" ${cases((c) => c.parentId)} END,
      "thesisId" = CASE "id" ${cases((c) => c.thesisId)} END,
      "position" = CASE "id" ${cases((c) => c.position)} END
      WHERE "id" IN (${Prisma.join(chunk.map((c) => c.id))})`;
  }
}

async function viewsOf(tx: Tx, ids: string[]): Promise<ClaimView[]> {
  const rows = await tx.claim.findMany({ where: { id: { in: ids } } });
  return rows.map(toClaimView);
}

/** Refuses a write based on an old version of a claim. */
async function requireVersion(tx: Tx, mapId: string, claimId: string, version: number) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, mapId },
    select: { version: true, deletedAt: true },
  });
  if (!claim || claim.deletedAt) throw new AppError('NOT_FOUND', GONE);
  if (claim.version !== version) throw new AppError('CONFLICT', STALE);
}

function requireThesisOfMap(theses: { id: string }[], thesisId: string) {
  if (!theses.some((t) => t.id === thesisId)) {
    throw new AppError('INVALID', 'That thesis is not part of this map’s debate.');
  }
}

export async function addClaim(
  db: Db,
  opts: {
    userId: string;
    mapId: string;
    id: string;
    place: Place;
    stance: Stance;
    text: string;
    index?: number;
  },
): Promise<ClaimChanges> {
  return db.$transaction(async (tx) => {
    const map = await requireOwnedMap(tx, opts.userId, opts.mapId);
    requireThesisOfMap(map.debate.theses, opts.place.thesisId);
    if (await tx.claim.findUnique({ where: { id: opts.id }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'That claim was already saved.');
    }
    const before = await loadTree(tx, opts.mapId);
    const node: TreeNode = { id: opts.id, ...opts.place, stance: opts.stance, position: 0 };
    const after = insertClaim(before, node, opts.index);
    const placed = after.find((c) => c.id === opts.id)!;
    await tx.claim.create({
      data: {
        id: placed.id,
        mapId: opts.mapId,
        thesisId: placed.thesisId,
        parentId: placed.parentId,
        stance: placed.stance,
        position: placed.position,
        text: opts.text,
      },
    });
    await persistStructure(tx, before, after, placed.id);
    await touchMap(tx, opts.mapId);
    return {
      claims: await viewsOf(
        tx,
        structuralChanges(before, after).map((c) => c.id),
      ),
    };
  });
}

export interface ClaimEdit {
  text?: string;
  note?: string;
  stance?: Stance;
  strength?: number | null;
}

/** Edits a claim's text, note, stance or strength, refusing a write from a stale version. */
export async function updateClaim(
  db: Db,
  opts: { userId: string; mapId: string; claimId: string; version: number; edit: ClaimEdit },
): Promise<ClaimView> {
  return db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    const { count } = await tx.claim.updateMany({
      where: { id: opts.claimId, mapId: opts.mapId, version: opts.version, deletedAt: null },
      data: { ...opts.edit, version: { increment: 1 } },
    });
    if (count === 0) {
      await requireVersion(tx, opts.mapId, opts.claimId, opts.version);
      throw new AppError('CONFLICT', STALE);
    }
    await touchMap(tx, opts.mapId);
    return toClaimView(await tx.claim.findUniqueOrThrow({ where: { id: opts.claimId } }));
  });
}

/** Moves a claim (and its replies) to another place or position; refuses cycles. */
export async function moveClaim(
  db: Db,
  opts: {
    userId: string;
    mapId: string;
    claimId: string;
    version: number;
    place: Place;
    index?: number;
  },
): Promise<ClaimChanges> {
  return db.$transaction(async (tx) => {
    const map = await requireOwnedMap(tx, opts.userId, opts.mapId);
    requireThesisOfMap(map.debate.theses, opts.place.thesisId);
    await requireVersion(tx, opts.mapId, opts.claimId, opts.version);
    const before = await loadTree(tx, opts.mapId);
    const after = moveInTree(before, opts.claimId, opts.place, opts.index);
    await persistStructure(tx, before, after);
    await tx.claim.update({ where: { id: opts.claimId }, data: { version: { increment: 1 } } });
    await touchMap(tx, opts.mapId);
    const changed = new Set([opts.claimId, ...structuralChanges(before, after).map((c) => c.id)]);
    return { claims: await viewsOf(tx, [...changed]) };
  });
}

/** Deletes a claim and all its replies as one batch that restoreClaims can bring back. */
export async function deleteClaim(
  db: Db,
  opts: { userId: string; mapId: string; claimId: string; version: number },
): Promise<ClaimChanges & { deletionId: string; removedIds: string[] }> {
  return db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    await requireVersion(tx, opts.mapId, opts.claimId, opts.version);
    const before = await loadTree(tx, opts.mapId);
    const { claims: after, removed } = removeSubtree(before, opts.claimId);
    const deletionId = crypto.randomUUID();
    const removedIds = removed.map((c) => c.id);
    await tx.claim.updateMany({
      where: { id: { in: removedIds } },
      data: { deletedAt: new Date(), deletionId },
    });
    await persistStructure(tx, before, after);
    await touchMap(tx, opts.mapId);
    return {
      deletionId,
      removedIds,
      claims: await viewsOf(
        tx,
        structuralChanges(before, after).map((c) => c.id),
      ),
    };
  });
}

/** Undoes a deletion: puts the batch back where it was, if what it answered still exists. */
export async function restoreClaims(
  db: Db,
  opts: { userId: string; mapId: string; deletionId: string },
): Promise<ClaimChanges & { anchors: AnchorView[] }> {
  return db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    const batch = await tx.claim.findMany({
      where: { mapId: opts.mapId, deletionId: opts.deletionId },
      include: { anchors: true },
    });
    const ids = new Set(batch.map((c) => c.id));
    const root = batch.find((c) => !c.parentId || !ids.has(c.parentId));
    if (!root)
      throw new AppError('NOT_FOUND', 'There is nothing to undo: it was already restored.');
    const before = await loadTree(tx, opts.mapId);
    if (root.parentId && !before.some((c) => c.id === root.parentId)) {
      throw new AppError(
        'CONFLICT',
        'This cannot be undone: the claim it answered has been deleted too.',
      );
    }
    const node: TreeNode = { ...toClaimView(root), position: 0 };
    const after = insertClaim(before, node, root.position);
    await tx.claim.updateMany({
      where: { id: { in: [...ids] } },
      data: { deletedAt: null, deletionId: null },
    });
    await persistStructure(tx, before, after);
    await touchMap(tx, opts.mapId);
    const changed = new Set([...ids, ...structuralChanges(before, after).map((c) => c.id)]);
    return {
      claims: await viewsOf(tx, [...changed]),
      anchors: batch.flatMap((c) => c.anchors.map(toAnchorView)),
    };
  });
}
