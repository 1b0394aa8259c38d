import { exportResponse } from '@/lib/server/exports';
import { getSharedMap } from '@/lib/server/share-links';
import { withDb } from '@/lib/server/with-db';

/** Downloads a shared map in a format; anyone with an active link may. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; format: string }> },
) {
  const { token, format } = await params;
  return exportResponse(() => withDb(getSharedMap, { token }), format, {
    request,
    url: `${new URL(request.url).origin}/s/${token}`,
  });
}
