import { opsRequest } from '@/lib/schemas/ops';
import { AppError } from '@/lib/errors';
import { displayNamesFor, renameData } from '@/lib/server/classroom/anonymous';
import { db } from '@/lib/server/db';
import { jsonRoute, readJson, requireSameOrigin } from '@/lib/server/json-route';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { requireUser } from '@/lib/server/session';

/** The editor's outbox sends its operations here (see lib/sync/map-sync.ts). */
export async function POST(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    const body = opsRequest.safeParse(await readJson(request, 2_000_000, { eachOwn: true }));
    if (!body.success) throw new AppError('INVALID', 'Send { ops: [...] } with 1 to 50 changes.');
    const answer = await applyOps(db, { userId: user.id, mapId, ops: body.data.ops });
    // A restored batch carries others' comments: in an anonymous assignment, under pseudonyms.
    if (!answer.results.some((r) => r.ok && r.data)) return answer;
    const names = await displayNamesFor(db, mapId, user.id);
    if (!names.anonymous) return answer;
    return {
      ...answer,
      results: answer.results.map((r) =>
        r.ok && r.data ? { ...r, data: renameData(r.data, names) } : r,
      ),
    };
  });
}
