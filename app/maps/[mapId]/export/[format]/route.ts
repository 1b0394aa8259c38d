import { exportResponse } from '@/lib/server/exports';
import { loadMapView } from '@/lib/server/maps';
import { requireUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

/** Downloads one of the owner's maps in a format: markdown, argdown, aif, annotations, brief-pdf. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ mapId: string; format: string }> },
) {
  const { mapId, format } = await params;
  return exportResponse(
    async () => withDb(loadMapView, { userId: (await requireUser()).id }, mapId),
    format,
    { request, url: `${new URL(request.url).origin}/maps/${mapId}` },
  );
}
