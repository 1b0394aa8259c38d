import 'server-only';
import { z } from 'zod';
import { appError, errorWords } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { can, refusalFor } from '@/lib/domain/capabilities';
import { recordId } from '@/lib/schemas/ids';
import { archivedError } from '@/lib/domain/classroom/archive';
import type { VoteTally } from '@/lib/schemas/live';
import { mapStanding, requireMapAccess } from './access';
import type { Db, RawSql, Tx } from './db';
import { writeTransaction } from './db-client';
import { pubsub } from './live/pubsub';

/**
 * Class voting: on a shared map, everyone who may comment (owner, editors, commenters) rates each
 * claim's impact from 0 to 4. Anyone who may read the map sees each claim's average and count, and
 * their own rating; who gave which rating is never sent.
 */

export const IMPACT_MIN = 0;
export const IMPACT_MAX = 4;

const OUT_OF_RANGE = errorWords('vote.range');

export const voteInput = z.object({
  claimId: recordId,
  impact: z
    .number(OUT_OF_RANGE)
    .int(OUT_OF_RANGE)
    .min(IMPACT_MIN, OUT_OF_RANGE)
    .max(IMPACT_MAX, OUT_OF_RANGE)
    .nullable(),
});

export interface MapVotes {
  /** claimId → average impact (rounded to one decimal) and how many rated it. */
  tallies: Record<string, VoteTally>;
  /** claimId → the viewer's own rating. */
  mine: Record<string, number>;
  /** Whether the viewer may rate (comment.write). */
  canVote: boolean;
}

/** Each live claim's average rating and count. Plain SQL: it runs for every page of a shared map. */
async function tallies(tx: Tx, mapId: string) {
  const rows = await tx.$queryRaw<{ claimId: string; average: unknown; count: unknown }[]>`
    SELECT v."claimId", AVG(v."impact") AS "average", COUNT(*) AS "count"
    FROM "claim_vote" v JOIN "claim" c ON c."id" = v."claimId"
    WHERE v."mapId" = ${mapId} AND c."deletedAt" IS NULL
    GROUP BY v."claimId"`;
  const out: Record<string, VoteTally> = {};
  // PostgreSQL answers AVG as a numeric string and COUNT as a bigint; SQLite as numbers.
  for (const row of rows) {
    out[row.claimId] = {
      average: Math.round(Number(row.average ?? 0) * 10) / 10,
      count: Number(row.count),
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
  return votesOf(tx, opts, role);
}

/**
 * The votes the map page starts with: on a whole-class assignment's map (`wholeClass`) or a map
 * shared with members; null on a map no one else is in (nothing to vote with). For a caller that
 * has checked the reader's access already (lib/server/map-page.ts).
 */
export async function votesIfShared(
  tx: Tx,
  opts: { userId: string; mapId: string; wholeClass: boolean; role: string },
): Promise<MapVotes | null> {
  const shared =
    opts.wholeClass ||
    (
      await tx.$queryRaw<unknown[]>`
        SELECT 1 AS "one" FROM "map_member" WHERE "mapId" = ${opts.mapId} LIMIT 1`
    ).length > 0;
  return shared ? votesOf(tx, opts, opts.role) : null;
}

async function votesOf(
  tx: Tx,
  opts: { userId: string; mapId: string },
  role: string,
): Promise<MapVotes> {
  const [mine, all] = await Promise.all([
    tx.$queryRaw<{ claimId: string; impact: unknown }[]>`
      SELECT v."claimId", v."impact"
      FROM "claim_vote" v JOIN "claim" c ON c."id" = v."claimId"
      WHERE v."mapId" = ${opts.mapId} AND v."userId" = ${opts.userId} AND c."deletedAt" IS NULL`,
    tallies(tx, opts.mapId),
  ]);
  return {
    tallies: all,
    mine: Object.fromEntries(mine.map((v) => [v.claimId, Number(v.impact)])),
    canVote: role !== 'viewer',
  };
}

/**
 * Sets (0-4) or clears (null) the viewer's rating of a live claim of the map. Returns the claim's
 * new tally and the viewer's rating. Plain SQL, in a write transaction (writeTransaction in
 * lib/server/db-client.ts: on SQLite straight on the driver, like the editor's changes).
 */
export async function setVote(
  sql: RawSql,
  opts: { userId: string; mapId: string; claimId: string; impact: number | null },
): Promise<{ claimId: string; tally: VoteTally; mine: number | null }> {
  const { role, archived } = await mapStanding(sql, opts.userId, opts.mapId);
  if (!role) throw appError('map.gone');
  if (archived) throw archivedError();
  if (!can(role, 'comment.write'))
    throw new AppError('FORBIDDEN', refusalFor('comment.write', role));
  const [claim] = await sql.$queryRaw<{ id: string }[]>`SELECT "id" FROM "claim"
    WHERE "id" = ${opts.claimId} AND "mapId" = ${opts.mapId} AND "deletedAt" IS NULL`;
  if (!claim) throw appError('claim.gone');
  if (opts.impact === null) {
    await sql.$executeRaw`DELETE FROM "claim_vote"
      WHERE "claimId" = ${opts.claimId} AND "userId" = ${opts.userId}`;
  } else {
    if (!Number.isInteger(opts.impact) || opts.impact < IMPACT_MIN || opts.impact > IMPACT_MAX) {
      throw appError('vote.range');
    }
    const now = new Date();
    await sql.$executeRaw`INSERT INTO "claim_vote" ("claimId", "userId", "mapId", "impact",
        "updatedAt")
      VALUES (${opts.claimId}, ${opts.userId}, ${opts.mapId}, ${opts.impact}, ${now})
      ON CONFLICT ("claimId", "userId") DO UPDATE SET "impact" = ${opts.impact},
        "updatedAt" = ${now}`;
  }
  const [row] = await sql.$queryRaw<{ average: unknown; count: unknown }[]>`
    SELECT CAST(AVG("impact") AS DOUBLE PRECISION) AS "average", COUNT(*) AS "count"
    FROM "claim_vote" WHERE "claimId" = ${opts.claimId}`;
  const count = Number(row?.count ?? 0);
  const tally = {
    average: count ? Math.round(Number(row!.average) * 10) / 10 : 0,
    count,
  };
  return { claimId: opts.claimId, tally, mine: opts.impact };
}

/**
 * setVote in its own write transaction (the votes route), then, once committed, the claim's new
 * tally to everyone with the map open (the live stream: lib/domain/visibility.ts seeVote decides
 * what each reader gets of it).
 */
export async function castVote(
  db: Db,
  opts: { userId: string; mapId: string; claimId: string; impact: number | null },
) {
  const result = await writeTransaction(db, (sql) => setVote(sql, opts));
  pubsub().publish(opts.mapId, {
    type: 'vote',
    claimId: result.claimId,
    tally: result.tally,
    voterId: opts.userId,
    impact: result.mine,
  });
  return result;
}
