import 'server-only';
import { AppError, httpStatus } from '@/lib/errors';
import { unavailableError } from './db-errors';
import { hasIllFormedText, ILL_FORMED_INPUT } from '@/lib/schemas/ids';

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * A request body of at most `limit` bytes, parsed as JSON; a clear INVALID error otherwise, also
 * for any string in it with a lone surrogate (unless `eachOwn`: the editor's operations are each
 * checked and answered on their own, so one broken operation does not refuse the others).
 */
export async function readJson(
  request: Request,
  limit: number,
  { eachOwn = false }: { eachOwn?: boolean } = {},
): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new AppError('INVALID', 'Send JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new AppError('INVALID', 'That request is too large.');
  const text = await request.text();
  if (text.length > limit) throw new AppError('INVALID', 'That request is too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('INVALID', 'That request is not valid JSON.');
  }
  if (!eachOwn && hasIllFormedText(body)) throw new AppError('INVALID', ILL_FORMED_INPUT);
  return body;
}

/**
 * Refuses a state-changing request sent from another site. Session cookies are SameSite=Lax and
 * JSON bodies need a CORS preflight, so this is the second lock on that door, not the only one.
 */
export function requireSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    // "null" (a sandboxed page, a file) or anything else that is not a URL is another site too.
    const from = URL.canParse(origin) ? new URL(origin).host : null;
    if (!host || from !== host) {
      throw new AppError('FORBIDDEN', 'That request came from another site.');
    }
  }
}

/**
 * The one way JSON route handlers answer: the handler's value as JSON, an AppError as
 * { code, message } with its status, a passing storage failure as 503, anything else as 500.
 */
export async function jsonRoute(handler: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await handler());
  } catch (error) {
    const known = error instanceof AppError ? error : unavailableError(error);
    if (known) return json({ code: known.code, message: known.message }, httpStatus(known.code));
    console.error(error);
    return json(
      { code: 'UNEXPECTED', message: 'Something went wrong on our side. Your changes are kept.' },
      500,
    );
  }
}
