import { requestClient } from '@/lib/client-address';
import { AppError, httpStatus } from '@/lib/errors';
import { eventsQuery, queryOf } from '@/lib/schemas/query';
import { unavailableError } from '@/lib/server/db-errors';
import { requireLiveReader } from '@/lib/server/live/readers';
import { openMapStream } from '@/lib/server/live/stream';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

/**
 * The map's live changes (server-sent events; see lib/server/live/stream.ts). `since` is the
 * revision the tab has; on a reconnect the browser's Last-Event-ID says the same.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  try {
    const { mapId } = await ctx.params;
    const reader = await withDb(requireLiveReader, request, mapId);
    // On a reconnect the browser's Last-Event-ID says which revision the tab has.
    const lastEventId = request.headers.get('last-event-id');
    const { since, tab, seen } = eventsQuery.parse({
      ...queryOf(request.url),
      ...(lastEventId !== null ? { since: lastEventId } : {}),
    });
    const response = withDb(openMapStream, {
      mapId,
      reader,
      since,
      tabId: tab ?? null,
      seen: seen ?? null,
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
