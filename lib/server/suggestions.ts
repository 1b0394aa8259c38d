import 'server-only';
import { can, type Capability } from '@/lib/domain/capabilities';
import {
  isSuggestionStatus,
  limitWindowStart,
  suggestionAllowance,
  type SuggestionView,
} from '@/lib/domain/suggestions';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { claimText } from '@/lib/schemas/map';
import type { Stance } from '@/lib/domain/argument-tree';
import { archivedError } from '@/lib/domain/classroom/archive';
import { debateParts, mapStanding } from './access';
import type { Db, Tx } from './db';
import { notify } from './notifications';
import { suggestionsChanged } from './ops/suggestion-ops';
import { readerLens } from './visibility';

/**
 * Suggestions (lib/domain/suggestions.ts): made by those who may read a map but not edit it,
 * seen by their maker and the map's editors (lib/domain/visibility.ts), answered or declined here
 * and accepted as an operation (lib/server/ops/suggestion-ops.ts). Every function checks who is
 * asking against the capability map itself.
 */

/** At most this many decided suggestions are listed (the open ones are all listed). */
const DECIDED_LISTED = 50;

const REFUSED: Partial<Record<Capability, string>> = {
  'claim.suggest': 'You cannot suggest claims in this map.',
  'suggestion.review': 'Only the map’s editors and owner can answer or decline suggestions.',
};

/** The map, if `userId` may do `capability` in it; someone without access is told it is gone. */
async function requireRole(tx: Tx, userId: string, mapId: string, capability: Capability) {
  const { role, archived } = await mapStanding(tx, userId, mapId);
  if (!role) throw appError('map.gone');
  // An archived class is read-only: nobody suggests or decides there (everyone is a viewer, and
  // viewers may suggest elsewhere).
  if (archived) throw archivedError();
  if (!can(role, capability)) throw new AppError('FORBIDDEN', REFUSED[capability]!);
  const map = await tx.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { debateId: true },
  });
  return { role, debateId: map.debateId };
}

type Row = {
  id: string;
  thesisId: string;
  parentId: string | null;
  stance: string;
  text: string;
  authorId: string;
  status: string;
  answer: string;
  decidedAt: Date | null;
  claimId: string | null;
  createdAt: Date;
  author: { name: string };
};

const SELECT = {
  id: true,
  thesisId: true,
  parentId: true,
  stance: true,
  text: true,
  authorId: true,
  status: true,
  answer: true,
  decidedAt: true,
  claimId: true,
  createdAt: true,
  author: { select: { name: true } },
} as const;

const viewOf =
  (userId: string, person: (id: string, name: string) => { id: string; name: string }) =>
  (row: Row): SuggestionView => ({
    id: row.id,
    thesisId: row.thesisId,
    parentId: row.parentId,
    stance: row.stance === 'con' ? 'con' : 'pro',
    text: row.text,
    author: person(row.authorId, row.author.name),
    mine: row.authorId === userId,
    status: isSuggestionStatus(row.status) ? row.status : 'open',
    answer: row.answer,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    claimId: row.claimId,
    createdAt: row.createdAt.toISOString(),
  });

/**
 * Suggests a claim under a claim or a thesis of the map. `userId` null (a view link's visitor,
 * without an account) is refused with why. At most SUGGESTIONS_PER_DAY per person and map in
 * any 24 hours.
 */
export async function suggestClaim(
  db: Db,
  opts: {
    userId: string | null;
    mapId: string;
    thesisId: string;
    parentId: string | null;
    stance: Stance;
    text: string;
  },
): Promise<SuggestionView> {
  const { userId, mapId, thesisId, parentId } = opts;
  if (!userId) throw appError('suggestion.needsAccount');
  // Checked here too (the action has): whatever calls this, a suggestion is a claim's text.
  const text = claimText.safeParse(opts.text);
  if (!text.success) throw new AppError('INVALID', text.error.issues[0]!.message, 'text');
  const made = await db.$transaction(async (tx) => {
    const { debateId } = await requireRole(tx, userId, mapId, 'claim.suggest');
    if (!(await debateParts(tx, debateId)).thesisIds.has(thesisId))
      throw appError('debate.otherThesis');
    if (parentId) {
      const parent = await tx.claim.findFirst({
        where: { id: parentId, mapId, deletedAt: null },
        select: { thesisId: true },
      });
      if (!parent) throw appError('claim.parentGone');
      if (parent.thesisId !== thesisId) throw appError('claim.otherThesis');
    }
    const now = new Date();
    const recent = await tx.suggestion.findMany({
      where: { mapId, authorId: userId, createdAt: { gt: limitWindowStart(now) } },
      select: { createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    const allowed = suggestionAllowance(recent.length, recent[0]?.createdAt ?? null, now);
    if (!allowed.ok) throw new AppError('RATE_LIMITED', allowed.message);
    return tx.suggestion.create({
      data: {
        mapId,
        thesisId,
        parentId,
        stance: opts.stance,
        text: text.data,
        authorId: userId,
        createdAt: now,
      },
      select: SELECT,
    });
  });
  suggestionsChanged(mapId, userId);
  const lens = await readerLens(db, mapId, { userId });
  return viewOf(userId, lens.person)(made);
}

/**
 * The suggestions `userId` may see in the map, open ones first: every one for its editors and
 * owner, their own for anyone else with a role (the rule: lib/domain/visibility.ts), applied in
 * the query itself. People are named as this reader sees them (pseudonyms in an anonymous
 * assignment).
 */
export async function listSuggestions(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<SuggestionView[]> {
  const { userId, mapId } = opts;
  // Through the reader's lens (as the map's stream decides who hears of them): in an archived
  // class everyone's role reads as viewer, yet its teacher and editors still see every suggestion.
  const lens = await readerLens(tx, mapId, { userId });
  const seen = lens.see.suggestions;
  if (seen === 'none') throw appError('map.gone');
  const whose = seen === 'own' ? { authorId: userId } : {};
  const [open, decided] = await Promise.all([
    tx.suggestion.findMany({
      where: { mapId, ...whose, status: 'open' },
      select: SELECT,
      orderBy: { createdAt: 'asc' },
    }),
    tx.suggestion.findMany({
      where: { mapId, ...whose, status: { not: 'open' } },
      select: SELECT,
      orderBy: { decidedAt: 'desc' },
      take: DECIDED_LISTED,
    }),
  ]);
  // Most maps have none: their editors' list costs one query.
  if (open.length + decided.length === 0) return [];
  return [...open, ...decided].map(viewOf(userId, lens.person));
}

/**
 * Answers (with a short reply) or declines an open suggestion; either closes it, and its maker
 * is notified. Accepting is an operation instead (a claim.add naming the suggestion).
 */
export async function decideSuggestion(
  db: Db,
  opts: {
    userId: string;
    mapId: string;
    suggestionId: string;
    decision: 'answer' | 'decline';
    answer?: string;
  },
): Promise<SuggestionView> {
  const { userId, mapId, suggestionId, decision } = opts;
  const decided = await db.$transaction(async (tx) => {
    await requireRole(tx, userId, mapId, 'suggestion.review');
    const { count } = await tx.suggestion.updateMany({
      where: { id: suggestionId, mapId, status: 'open' },
      data: {
        status: decision === 'answer' ? 'answered' : 'declined',
        answer: decision === 'answer' ? (opts.answer ?? '') : '',
        decidedById: userId,
        decidedAt: new Date(),
      },
    });
    if (count === 0) {
      const known = await tx.suggestion.findFirst({ where: { id: suggestionId, mapId } });
      throw appError(known ? 'suggestion.decided' : 'suggestion.gone');
    }
    const row = await tx.suggestion.findUniqueOrThrow({
      where: { id: suggestionId },
      select: SELECT,
    });
    await notify(tx, {
      userId: row.authorId,
      kind: decision === 'answer' ? 'suggestion-answered' : 'suggestion-declined',
      actorId: userId,
      mapId,
      claimId: row.parentId,
      data: { suggestionId },
    });
    return row;
  });
  suggestionsChanged(mapId, decided.authorId);
  const lens = await readerLens(db, mapId, { userId });
  return viewOf(userId, lens.person)(decided);
}
