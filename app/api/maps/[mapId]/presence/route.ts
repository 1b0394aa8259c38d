import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { jsonRoute, readJson, requireSameOrigin } from '@/lib/server/json-route';
import { announce } from '@/lib/server/live/presence';
import { requireLiveReader } from '@/lib/server/live/readers';
import { recordId } from '@/lib/schemas/ids';
import { withDb } from '@/lib/server/with-db';

const body = z.object({
  tabId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  claimId: recordId.nullable(),
  editing: z.boolean(),
});

/** Says which claim this tab has selected or is editing; everyone in the map sees it. */
export async function POST(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const { mapId } = await ctx.params;
    const reader = await withDb(requireLiveReader, request, mapId);
    if (reader.kind !== 'user') throw new AppError('FORBIDDEN', 'Sign in to show where you are.');
    const parsed = body.safeParse(await readJson(request, 2000));
    if (!parsed.success) throw new AppError('INVALID', 'Send { tabId, claimId, editing }.');
    announce(mapId, { ...parsed.data, userId: reader.userId, name: reader.name });
    return { ok: true };
  });
}
