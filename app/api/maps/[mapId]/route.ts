import { AppError } from '@/lib/errors';
import { mapQuery, parseQuery } from '@/lib/schemas/query';
import { jsonRoute } from '@/lib/server/json-route';
import { loadMapView } from '@/lib/server/maps';
import { requireUser } from '@/lib/server/session';
import { getSharedMap } from '@/lib/server/share-links';
import { withDb } from '@/lib/server/with-db';

/**
 * The map as a tab sees it, for a tab catching up after a refusal or after falling too far
 * behind: a member's view, or with `?link=<token>` the view link's (redacted) one.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const { mapId } = await ctx.params;
    const { link: token } = parseQuery(mapQuery, request.url);
    if (token) {
      const map = await withDb(getSharedMap, { token });
      if (map.id !== mapId) throw new AppError('NOT_FOUND', 'This link is for another map.');
      return map;
    }
    const user = await requireUser(request.headers);
    return withDb(loadMapView, { userId: user.id }, mapId);
  });
}
