import { db } from '@/lib/server/db';
import { exportResponse } from '@/lib/server/exports';
import { getSharedMap } from '@/lib/server/share-links';

/** Downloads a shared map in a format; anyone with an active link may. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; format: string }> },
) {
  const { token, format } = await params;
  const url = new URL(request.url);
  return exportResponse(() => getSharedMap(db, { token }), format, {
    side: Number(url.searchParams.get('side') ?? 1),
    url: `${url.origin}/s/${token}`,
  });
}
