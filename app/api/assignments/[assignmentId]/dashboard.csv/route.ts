import { dashboardCsvFor } from '@/lib/server/classroom/dashboard';
import { jsonRoute } from '@/lib/server/json-route';
import { requireUser } from '@/lib/server/session';
import { viewerZoneOf } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';

/** The assignment's dashboard as CSV, for the class's teacher only (real names, grades). */
export async function GET(request: Request, ctx: { params: Promise<{ assignmentId: string }> }) {
  let file: { csv: string; fileName: string } | null = null;
  const refused = await jsonRoute(async () => {
    const { assignmentId } = await ctx.params;
    const user = await requireUser(request.headers);
    file = await withDb(dashboardCsvFor, user.id, assignmentId, viewerZoneOf(request.headers));
    return null;
  });
  if (!file) return refused;
  const { csv, fileName } = file as { csv: string; fileName: string };
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
