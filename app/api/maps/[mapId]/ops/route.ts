import { opDataNeedsLens, seeOpData, seesAll } from '@/lib/domain/visibility';
import { opsRequest } from '@/lib/schemas/ops';
import { AppError } from '@/lib/errors';
import { jsonRoute, readJson, requireSameOrigin } from '@/lib/server/json-route';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { requireUser } from '@/lib/server/session';
import { readerLens } from '@/lib/server/visibility';
import { withDb } from '@/lib/server/with-db';

/** The editor's outbox sends its operations here (see lib/sync/map-sync.ts). */
export async function POST(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    const body = opsRequest.safeParse(await readJson(request, 2_000_000, { eachOwn: true }));
    if (!body.success) throw new AppError('INVALID', 'Send { ops: [...] } with 1 to 50 changes.');
    const answer = await withDb(applyOps, { userId: user.id, mapId, ops: body.data.ops });
    // A restored batch carries notes and others' comments: only as this person may see them.
    if (!answer.results.some((r) => r.ok && opDataNeedsLens(r.data))) return answer;
    const lens = await withDb(readerLens, mapId, { userId: user.id });
    if (seesAll(lens)) return answer;
    return {
      ...answer,
      results: answer.results.map((r) =>
        r.ok && r.data ? { ...r, data: seeOpData(r.data, lens) } : r,
      ),
    };
  });
}
