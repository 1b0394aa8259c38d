import { changesQuery, parseQuery } from '@/lib/schemas/query';
import { jsonRoute } from '@/lib/server/json-route';
import { readChanges } from '@/lib/server/live/changes';
import { withDb } from '@/lib/server/with-db';

/**
 * The changes after `?since=N`, for a tab filling a gap (see lib/sync/map-sync.ts). A reader who
 * may not read the log (a view link) is told to load the map again instead.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const { mapId } = await ctx.params;
    const { since } = parseQuery(changesQuery, request.url);
    return withDb(readChanges, request, mapId, since);
  });
}
