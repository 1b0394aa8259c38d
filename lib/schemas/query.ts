import { z } from 'zod';
import { STANDING_KEY } from '@/lib/domain/page-standing';
import { safeRedirect } from '@/lib/domain/safe-redirect';
import { clip } from '@/lib/domain/text';
import { AppError } from '@/lib/errors';
import { recordId } from './ids';

/**
 * The query parameters of every page (its searchParams) and route handler, one schema per route
 * (or shared), so that what a URL carries is parsed in one place. A page answers input its schema
 * refuses with notFound(); a route handler with 400 and the schema's message (parseQuery). Hints
 * and flags that only choose what a page shows fall back to their default instead (.catch).
 */

/** A page's searchParams, or a route's query as one: a name given twice is an array. */
export type Query = Record<string, string | string[] | undefined>;

/** The query of a URL as Next.js gives a page its searchParams. */
export function queryOf(url: string | URL): Query {
  const query: Query = {};
  for (const [name, value] of new URL(url).searchParams) {
    const had = query[name];
    query[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return query;
}

/** A route handler's query, parsed by its schema; refused (400) with the schema's message. */
export function parseQuery<T>(schema: z.ZodType<T>, url: string | URL): T {
  const parsed = schema.safeParse(queryOf(url));
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID', parsed.error.issues[0]?.message ?? 'Check the address.');
}

/** A whole number from `min` to `max` written in a query ("12"), with `say` when it is not. */
function wholeNumber(min: number, max: number, say: string) {
  return z
    .string(say)
    .regex(/^\d{1,16}$/, say)
    .transform(Number)
    .pipe(z.number().int().min(min, say).max(max, say));
}

/** `name` as a whole number from `min` to `max`, or absent (an empty value is absent). */
function optionalWholeNumber(name: string, min: number, max: number) {
  const range = `${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  const say = `Say ${name}=<a whole number from ${range}>.`;
  return z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(min, max, say).optional());
}

/** True when the parameter is `value` (given once); anything else is false. */
const flag = (value: string) =>
  z
    .literal(value)
    .transform(() => true)
    .catch(false);

/** Where to go after signing in or up: a path on this site, else safeRedirect's default. */
const next = z
  .string()
  .catch('')
  .transform((v) => safeRedirect(v));

// ── Pages ─────────────────────────────────────────────────────────────────────────────────────

/** /sign-in: where to go after (a path on this site only), and which notice to show. */
export const signInQuery = z.object({
  next,
  reset: flag('1'),
  signedOut: flag('everywhere'),
  /** Why a sign-in with the school came back refused (a code; the page says it in words). */
  error: z
    .string()
    .regex(/^[a-z_]{1,64}$/)
    .optional()
    .catch(undefined),
});

/** /sign-in/school: where to go after signing in at the school's provider. */
export const schoolSignInQuery = z.object({ next });

/** /start: `?new=map` (signing up from the debate) starts a map there. */
export const startQuery = z.object({ new: flag('map') }).transform((q) => ({ newMap: q.new }));

/** /sign-up: where to go after. */
export const signUpQuery = z.object({ next });

/** /reset-password: the emailed token ('' when missing or too long: "This link is incomplete"). */
export const resetPasswordQuery = z.object({ token: z.string().max(128).catch('') });

/** /settings: `?password=changed&at=<time>` after a change, so the form starts anew. */
export const settingsQuery = z
  .object({ password: flag('changed'), at: z.string().max(100).catch('') })
  .transform((q) => ({ changed: q.password ? q.at : null }));

/** /admin: the account search (at most 100 characters). */
export const adminQuery = z.object({
  q: z
    .string()
    .transform((q) => clip(q, 100))
    .catch(''),
});

/** /classes/[classId]/assignments/new: the debate to preselect (ignored when not an id). */
export const newAssignmentQuery = z.object({ debate: recordId.optional().catch(undefined) });

/**
 * /maps/[mapId]: open on one author's claims (the dashboard's "in the map"), and at one claim
 * (a notification's link); anything else is ignored.
 */
export const editorQuery = z.object({
  author: recordId.optional().catch(undefined),
  claim: recordId.optional().catch(undefined),
});

/** /assignments/[assignmentId]/compare: the two pieces of work (both absent: pick two). */
export const compareQuery = z.object({ a: recordId.optional(), b: recordId.optional() });

export const SIDE_MESSAGE = 'Choose side 1 or 2 for the brief.';

/** The brief pages and the exports: the side (thesis 1 or 2) of the brief; 1 when absent. */
export const sideQuery = z.object({
  side: z
    .enum(['1', '2'], SIDE_MESSAGE)
    .default('1')
    .transform((s) => (s === '2' ? 2 : 1)),
});

// ── Route handlers ────────────────────────────────────────────────────────────────────────────

/** GET /api/maps/[mapId]: a view link's token for the shared view ('' or absent: a member's). */
export const mapQuery = z.object({ link: z.string('Say link=<the link> once.').optional() });

/** At most this many history entries in a page; the panel asks for older pages as people scroll. */
export const HISTORY_PAGE_MAX = 500;
export const HISTORY_PAGE_DEFAULT = 200;

/** GET /api/maps/[mapId]/history: `before` a revision, at most `limit` entries. */
export const historyQuery = z.object({
  before: optionalWholeNumber('before', 1, Number.MAX_SAFE_INTEGER),
  limit: optionalWholeNumber('limit', 1, HISTORY_PAGE_MAX).transform(
    (n) => n ?? HISTORY_PAGE_DEFAULT,
  ),
});

const SAY_SINCE = 'Say since=<revision>.';

/** GET /api/maps/[mapId]/changes: the revision the tab has. */
export const changesQuery = z.object({
  since: wholeNumber(0, Number.MAX_SAFE_INTEGER, SAY_SINCE),
});

const TAB = /^[A-Za-z0-9-]{8,64}$/;

/**
 * GET /api/maps/[mapId]/events: the revision the tab has (the browser's Last-Event-ID says the
 * same on a reconnect; absent or empty: 0, the start of the log) and the tab's id for presence.
 * `seen`: what the page was rendered for (lib/domain/page-standing.ts), compared when it opens.
 * A stream opens whatever they say: with a revision that is none (NaN) it sends only what comes
 * next, without a tab id it shows no presence of its own, without a standing it compares none.
 */
export const eventsQuery = z.object({
  since: z
    .preprocess(
      (v) => (v === undefined || v === '' ? '0' : v),
      wholeNumber(0, Number.MAX_SAFE_INTEGER, SAY_SINCE),
    )
    .catch(NaN),
  tab: z.string().regex(TAB).optional().catch(undefined),
  seen: z.string().regex(STANDING_KEY).optional().catch(undefined),
});
