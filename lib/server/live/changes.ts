import 'server-only';
import { seeChange } from '@/lib/domain/visibility';
import type { ChangesResponse, MapChange } from '@/lib/schemas/live';
import type { Op } from '@/lib/schemas/ops';
import type { Tx } from '../db';
import { lensOfLiveReader, requireLiveReader } from './readers';

/** At most this many changes are sent to catch a tab up; further behind, it loads the map again. */
export const CATCH_UP_MAX = 500;

/**
 * The changes after `since` for a tab filling a gap (the changes route), as its reader may see
 * them. The reader is checked here (requireLiveReader: the session's user, or `?link=`); one who
 * may not read the log (a view link) is told to load the map again.
 */
export async function readChanges(
  tx: Tx,
  request: Request,
  mapId: string,
  since: number,
): Promise<ChangesResponse> {
  const reader = await requireLiveReader(tx, request, mapId);
  const lens = await lensOfLiveReader(tx, mapId, reader);
  const answer = await changesSince(tx, mapId, since, { log: lens.see.log });
  if ('reload' in answer) return answer;
  return { ...answer, changes: answer.changes.map((c) => seeChange(c, lens)) };
}

/**
 * The changes to a map after `since`, from its operation log, unredacted: for readChanges above
 * and the live stream (lib/server/live/stream.ts), which hold their reader's lens. in revision order. Answers "reload"
 * when there are more than CATCH_UP_MAX or when the log does not go back that far (operations
 * recorded before the log kept them), and to a reader who may not read the log (`log: false`, a
 * view link: they load the map as it is now, never deleted claims or earlier drafts).
 */
export async function changesSince(
  tx: Tx,
  mapId: string,
  since: number,
  opts: { log: boolean } = { log: true },
): Promise<ChangesResponse> {
  const [map] = await tx.$queryRaw<{ revision: bigint | number }[]>`
    SELECT "revision" FROM "argument_map" WHERE "id" = ${mapId}`;
  const revision = Number(map?.revision ?? 0);
  if (since >= revision) return { revision, changes: [] };
  if (!opts.log || revision - since > CATCH_UP_MAX) return { reload: true };
  const rows = await tx.$queryRaw<
    { revision: bigint | number; actorId: string; op: string | null; result: string }[]
  >`SELECT "revision", "actorId", "op", "result" FROM "map_operation"
    WHERE "mapId" = ${mapId} AND "revision" > ${since} ORDER BY "revision"`;
  const changes: MapChange[] = [];
  let expected = since + 1;
  for (const row of rows) {
    const at = Number(row.revision);
    if (at !== expected || row.op === null) return { reload: true };
    const result = JSON.parse(row.result) as { data?: unknown };
    changes.push({
      revision: at,
      actorId: row.actorId,
      op: JSON.parse(row.op) as Op,
      ...(result.data !== undefined ? { data: result.data } : {}),
    });
    expected++;
  }
  if (expected <= revision) return { reload: true };
  return { revision, changes };
}
