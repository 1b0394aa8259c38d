import { jsonRoute } from '@/lib/server/json-route';
import { rosterCsv } from '@/lib/server/classroom/roster';
import { requireUser } from '@/lib/server/session';
import { viewerZoneOf } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';

/** The class's roster as CSV, for its teacher (names, usernames, emails; never a password). */
export async function GET(request: Request, ctx: { params: Promise<{ classId: string }> }) {
  let file: { csv: string; className: string } | null = null;
  const refused = await jsonRoute(async () => {
    const { classId } = await ctx.params;
    const user = await requireUser(request.headers);
    file = await withDb(rosterCsv, { userId: user.id, classId }, viewerZoneOf(request.headers));
    return null;
  });
  if (!file) return refused;
  const { csv, className } = file as { csv: string; className: string };
  const name = `${className.replace(/[^\w -]+/g, '').trim() || 'class'} roster.csv`;
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
}
