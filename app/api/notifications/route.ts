import { jsonRoute } from '@/lib/server/json-route';
import { listNotifications } from '@/lib/server/notification-list';
import { requireUser } from '@/lib/server/session';
import { viewerZone } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

/** The signed-in person's newest notifications, in words made for them, and the unread count. */
export async function GET(request: Request) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    return withDb(listNotifications, { userId: user.id, zone: await viewerZone() });
  });
}
