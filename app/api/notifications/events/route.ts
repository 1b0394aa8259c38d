import { AppError, httpStatus } from '@/lib/errors';
import { unavailableError } from '@/lib/server/db-errors';
import { openBellStream } from '@/lib/server/live/bell-stream';
import { requireUser, sessionTokenOf } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

/** The signed-in person's unread count, live (server-sent events; lib/server/live/bell-stream.ts). */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request.headers);
    const response = withDb(openBellStream, {
      userId: user.id,
      session: await sessionTokenOf(request.headers),
      signal: request.signal,
    });
    if (!response)
      throw new AppError('UNAVAILABLE', 'The server is busy; the bell will catch up shortly.');
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
