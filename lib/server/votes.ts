import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { requireMapAccess } from './access';
import type { Tx } from './db';
import { recordId } from '@/lib/schemas/ids';

/**
 * Class voting: on a shared map, everyone who may comment (owner, editors, commenters) rates each
 * claim's impact from 0 to 4. Anyone who may read the map sees each claim's average and count, and
 * their own rating; who gave which rating is never sent.
 */

export const IMPACT_MIN = 0;
export const IMPACT_MAX = 4;

export const voteInput = z.object({
  claimId: recordId,
  impact: z
    .number('Choose a rating from 0 to 4.')
    .int('Choose a rating from 0 to 4.')
    .min(IMPACT_MIN, 'Choose a rating from 0 to 4.')
    .max(IMPACT_MAX, 'Choose a rating from 0 to 4.')
    .nullable(),
});

export interface VoteTally {
  average: number;
  count: number;
}

export interface MapVotes {
  /** claimId → average impact (rounded to one decimal) and how many rated it. */
  tallies: Record<string, VoteTally>;
  /** claimId → the viewer's own rating. */
  mine: Record<string, number>;
  /** Whether the viewer may rate (comment.write). */
  canVote: boolean;
}

async function tallies(tx: Tx, mapId: string, claimIds?: string[]) {
  const rows = await tx.claimVote.groupBy({
    by: ['claimId'],
    where: {
      mapId,
      claim: { deletedAt: null },
      ...(claimIds ? { claimId: { in: claimIds } } : {}),
    },
    _avg: { impact: true },
    _count: { _all: true },
  });
  const out: Record<string, VoteTally> = {};
  for (const row of rows) {
    out[row.claimId] = {
      average: Math.round((row._avg.impact ?? 0) * 10) / 10,
      count: row._count._all,
    };
  }
  return out;
}

/** Every live claim's tally and the viewer's own ratings. */
export async function listVotes(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<MapVotes> {
  const { role } = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.read');
  const mine = await tx.claimVote.findMany({
    where: { mapId: opts.mapId, userId: opts.userId, claim: { deletedAt: null } },
    select: { claimId: true, impact: true },
  });
  return {
    tallies: await tallies(tx, opts.mapId),
    mine: Object.fromEntries(mine.map((v) => [v.claimId, v.impact])),
    canVote: role !== 'viewer',
  };
}

/**
 * Sets (0-4) or clears (null) the viewer's rating of a live claim of the map. Returns the claim's
 * new tally and the viewer's rating.
 */
export async function setVote(
  tx: Tx,
  opts: { userId: string; mapId: string; claimId: string; impact: number | null },
): Promise<{ claimId: string; tally: VoteTally; mine: number | null }> {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'comment.write');
  const claim = await tx.claim.findUnique({
    where: { id: opts.claimId },
    select: { mapId: true, deletedAt: true },
  });
  if (!claim || claim.mapId !== opts.mapId || claim.deletedAt) {
    throw new AppError('NOT_FOUND', 'That claim is not in this map (it may have been deleted).');
  }
  const key = { claimId_userId: { claimId: opts.claimId, userId: opts.userId } };
  if (opts.impact === null) {
    await tx.claimVote.deleteMany({ where: { claimId: opts.claimId, userId: opts.userId } });
  } else {
    if (!Number.isInteger(opts.impact) || opts.impact < IMPACT_MIN || opts.impact > IMPACT_MAX) {
      throw new AppError('INVALID', 'Choose a rating from 0 to 4.');
    }
    await tx.claimVote.upsert({
      where: key,
      create: {
        claimId: opts.claimId,
        userId: opts.userId,
        mapId: opts.mapId,
        impact: opts.impact,
      },
      update: { impact: opts.impact },
    });
  }
  const tally = (await tallies(tx, opts.mapId, [opts.claimId]))[opts.claimId] ?? {
    average: 0,
    count: 0,
  };
  return { claimId: opts.claimId, tally, mine: opts.impact };
}
