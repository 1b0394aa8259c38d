import { AppError } from '@/lib/errors';
import { jsonRoute, readJson, requireSameOrigin } from '@/lib/server/json-route';
import { requireUser } from '@/lib/server/session';
import { castVote, listVotes, voteInput } from '@/lib/server/votes';
import { withDb } from '@/lib/server/with-db';

/** Each claim's impact average and count, and the viewer's own ratings. */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    return withDb(listVotes, { userId: user.id, mapId });
  });
}

/** Sets ({ claimId, impact: 0-4 }) or clears ({ claimId, impact: null }) the viewer's rating. */
export async function PUT(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    const parsed = voteInput.safeParse(await readJson(request, 2_000));
    if (!parsed.success) {
      throw new AppError('INVALID', parsed.error.issues[0]?.message ?? 'Check the rating.');
    }
    return withDb(castVote, { userId: user.id, mapId, ...parsed.data });
  });
}
