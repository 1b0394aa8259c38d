import { db } from '@/lib/server/db';
import { jsonRoute } from '@/lib/server/json-route';
import { getMapForEditor } from '@/lib/server/maps';
import { requireUser } from '@/lib/server/session';

/** The map as the editor sees it, for a tab catching up after its changes were refused. */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    return getMapForEditor(db, { userId: user.id, mapId });
  });
}
