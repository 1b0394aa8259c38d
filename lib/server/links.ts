import 'server-only';
import crypto from 'node:crypto';
import type { Stance } from '@/lib/domain/argument-tree';
import {
  checkCrossLink,
  liveLinks,
  type CrossLink,
  type LinkTarget,
} from '@/lib/domain/cross-links';
import { AppError } from '@/lib/errors';
import { requireOwnedMap, touchMap } from './access';
import type { Db } from './db';
import { toLinkView } from './mappers';

/** Adds a cross-link from a claim to a claim or the thesis on the other side. */
export async function addLink(
  db: Db,
  opts: { userId: string; mapId: string; fromClaimId: string; target: LinkTarget; stance: Stance },
): Promise<CrossLink> {
  return db.$transaction(async (tx) => {
    const map = await requireOwnedMap(tx, opts.userId, opts.mapId);
    const claims = await tx.claim.findMany({
      where: { mapId: opts.mapId, deletedAt: null },
      select: { id: true, thesisId: true, parentId: true, stance: true, position: true },
    });
    const nodes = claims.map((c) => ({ ...c, stance: c.stance as Stance }));
    const links = (await tx.claimLink.findMany({ where: { mapId: opts.mapId } })).map(toLinkView);
    const target = opts.target;
    if ('thesisId' in target && !map.debate.theses.some((t) => t.id === target.thesisId)) {
      throw new AppError('INVALID', 'That thesis is not part of this map’s debate.');
    }
    const to = checkCrossLink(nodes, liveLinks(nodes, links), opts.fromClaimId, opts.target);
    const row = await tx.claimLink.create({
      data: {
        id: crypto.randomUUID(),
        mapId: opts.mapId,
        fromClaimId: opts.fromClaimId,
        ...to,
        stance: opts.stance,
      },
    });
    await touchMap(tx, opts.mapId);
    return toLinkView(row);
  });
}

export async function removeLink(db: Db, opts: { userId: string; mapId: string; linkId: string }) {
  await db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    const { count } = await tx.claimLink.deleteMany({
      where: { id: opts.linkId, mapId: opts.mapId },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'That link was already removed.');
    await touchMap(tx, opts.mapId);
  });
}
