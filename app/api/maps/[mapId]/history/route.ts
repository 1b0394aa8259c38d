import { historyQuery, parseQuery } from '@/lib/schemas/query';
import { readHistory } from '@/lib/server/history';
import { jsonRoute } from '@/lib/server/json-route';
import { requireUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

/**
 * A page of the map's history for the History panel: `?before=<revision>` for older entries,
 * `?limit=<n>` (at most 500). Members of the map only: view links do not see who changed what.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    const { before, limit } = parseQuery(historyQuery, request.url);
    return withDb(readHistory, { userId: user.id, mapId, before, limit });
  });
}
