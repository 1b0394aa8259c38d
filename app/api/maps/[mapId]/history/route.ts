import { AppError } from '@/lib/errors';
import { HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX, readHistory } from '@/lib/server/history';
import { jsonRoute } from '@/lib/server/json-route';
import { requireUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

/** A whole number from the query string within [min, max], the fallback when absent. */
function intParam(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback?: number,
) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError(
      'INVALID',
      `Say ${name}=<a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}>.`,
    );
  }
  return value;
}

/**
 * A page of the map's history for the History panel: `?before=<revision>` for older entries,
 * `?limit=<n>` (at most 500). Members of the map only: view links do not see who changed what.
 */
export async function GET(request: Request, ctx: { params: Promise<{ mapId: string }> }) {
  return jsonRoute(async () => {
    const user = await requireUser(request.headers);
    const { mapId } = await ctx.params;
    const params = new URL(request.url).searchParams;
    const before = intParam(params, 'before', 1, Number.MAX_SAFE_INTEGER);
    const limit = intParam(params, 'limit', 1, HISTORY_PAGE_MAX, HISTORY_PAGE_DEFAULT);
    return withDb(readHistory, { userId: user.id, mapId, before, limit });
  });
}
