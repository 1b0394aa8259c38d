import { jsonRoute } from '@/lib/server/json-route';
import { requireUser } from '@/lib/server/session';
import { listTrash } from '@/lib/server/trash';
import { withDb } from '@/lib/server/with-db';

/** The map's deleted claims, for the Trash dialog (restoring goes through the outbox). */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    return withDb(listTrash, { userId: user.id, mapId });
  });
}
