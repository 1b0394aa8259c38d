import { redactChange } from '@/lib/domain/live-redact';
import { AppError } from '@/lib/errors';
import { displayNamesFor, renameChange } from '@/lib/server/classroom/anonymous';
import { db } from '@/lib/server/db';
import { jsonRoute } from '@/lib/server/json-route';
import { changesSince } from '@/lib/server/live/changes';
import { requireLiveReader } from '@/lib/server/live/readers';

/** The changes after `?since=N`, for a tab filling a gap (see lib/sync/map-sync.ts). */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const { mapId } = await ctx.params;
    const reader = await requireLiveReader(db, request, mapId);
    const since = Number(new URL(request.url).searchParams.get('since'));
    if (!Number.isInteger(since) || since < 0)
      throw new AppError('INVALID', 'Say since=<revision>.');
    const answer = await changesSince(db, mapId, since);
    if ('reload' in answer) return answer;
    if (reader.kind === 'user') {
      const names = await displayNamesFor(db, mapId, reader.userId);
      if (!names.anonymous) return answer;
      return { ...answer, changes: answer.changes.map((c) => renameChange(c, names)) };
    }
    return { ...answer, changes: answer.changes.map((c) => redactChange(c, reader.options)) };
  });
}
