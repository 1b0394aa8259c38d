// No 'server-only' here: the SQLite adapter (lib/server/sqlite-adapter.ts) uses this too.

/**
 * An error's codes and messages, with its causes' (Prisma wraps driver errors differently by
 * path): text to match what went wrong against.
 */
export function errorText(error: unknown, depth = 0): string {
  if (!error || depth > 4) return '';
  if (typeof error !== 'object') return String(error);
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: unknown };
  const own = [e.code, e.message].filter((x) => typeof x === 'string').join(' ');
  let meta = '';
  try {
    meta = e.meta ? JSON.stringify(e.meta) : '';
  } catch {
    // not serialisable: ignore
  }
  return `${own} ${meta} ${errorText(e.cause, depth + 1)}`;
}
