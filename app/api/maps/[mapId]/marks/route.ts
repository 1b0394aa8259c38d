import { jsonRoute } from '@/lib/server/json-route';
import { listMarks } from '@/lib/server/marks';
import { requireUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

/**
 * The map's open marks for review, as the reader may see them (none for commenters and viewers:
 * lib/domain/visibility.ts). The editor loads them again when the live stream says they changed.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    return { marks: await withDb(listMarks, { userId: user.id, mapId }) };
  });
}
