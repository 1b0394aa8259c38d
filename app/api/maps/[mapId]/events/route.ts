import { requestClient } from '@/lib/client-address';
import { AppError, httpStatus } from '@/lib/errors';
import { unavailableError } from '@/lib/server/db-errors';
import { requireLiveReader } from '@/lib/server/live/readers';
import { openMapStream } from '@/lib/server/live/stream';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

const TAB = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The map's live changes (server-sent events; see lib/server/live/stream.ts). `since` is the
 * revision the tab has; on a reconnect the browser's Last-Event-ID says the same.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  try {
    const { mapId } = await ctx.params;
    const reader = await withDb(requireLiveReader, request, mapId);
    const url = new URL(request.url);
    const since = Number(request.headers.get('last-event-id') ?? url.searchParams.get('since'));
    const tab = url.searchParams.get('tab');
    const response = withDb(openMapStream, {
      mapId,
      reader,
      since: Number.isInteger(since) && since >= 0 ? since : NaN,
      tabId: tab && TAB.test(tab) ? tab : null,
      signal: request.signal,
      // The client as sign-in throttling counts it (a view link's streams are limited per client).
      client: requestClient(request.headers),
    });
    if (!response)
      throw new AppError('UNAVAILABLE', 'The server is busy; live updates will resume shortly.');
    return response;
  } catch (error) {
    const known = error instanceof AppError ? error : unavailableError(error);
    if (!known) console.error(error);
    const code = known?.code ?? 'UNEXPECTED';
    return Response.json(
      { code, message: known?.message ?? 'Something went wrong on our side.' },
      { status: known ? httpStatus(code) : 500, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
