import type { Stance } from './argument-tree';

/**
 * Suggestions (Kialo Edu's suggester role): someone who may read a map but not edit it proposes a
 * claim under a claim or a thesis; the map's editors accept it (it becomes a claim, written as the
 * suggester's), answer it (a short reply that closes it) or decline it. Who sees one is decided
 * with everything else a reader sees (lib/domain/visibility.ts, `suggestionsSeen`); who may make
 * and decide them, by the capability map (claim.suggest, suggestion.review).
 */

export const SUGGESTION_STATUSES = ['open', 'accepted', 'answered', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const isSuggestionStatus = (value: unknown): value is SuggestionStatus =>
  typeof value === 'string' && (SUGGESTION_STATUSES as readonly string[]).includes(value);

/** At most this many suggestions per person and map in any 24 hours. */
export const SUGGESTIONS_PER_DAY = 30;
export const SUGGESTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The longest answer an editor may give. */
export const SUGGESTION_ANSWER_MAX = 1000;

/** Since when suggestions count towards the daily limit. */
export const limitWindowStart = (now: Date) => new Date(now.getTime() - SUGGESTION_WINDOW_MS);

/**
 * Whether someone who made `made` suggestions to this map within the window may make another;
 * when not, the words that say so and when the next one is possible (`oldest`: the earliest of
 * those in the window).
 */
export function suggestionAllowance(
  made: number,
  oldest: Date | null,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  if (made < SUGGESTIONS_PER_DAY) return { ok: true };
  const freeAt = oldest ? oldest.getTime() + SUGGESTION_WINDOW_MS : now.getTime();
  const hours = Math.max(1, Math.ceil((freeAt - now.getTime()) / 3_600_000));
  return {
    ok: false,
    message:
      `You have made ${SUGGESTIONS_PER_DAY} suggestions to this map in the last 24 hours, the most ` +
      `a day. You can suggest again in about ${hours === 1 ? 'an hour' : `${hours} hours`}.`,
  };
}

/** A suggestion as its reader is shown it (the suggester under their name as this reader sees it). */
export interface SuggestionView {
  id: string;
  thesisId: string;
  /** The claim it answers; null: the thesis itself. */
  parentId: string | null;
  stance: Stance;
  text: string;
  author: { id: string; name: string };
  /** Whether the reader made it. */
  mine: boolean;
  status: SuggestionStatus;
  /** The editor's answer (status "answered"), or ''. */
  answer: string;
  decidedAt: string | null;
  /** The claim it became (status "accepted"). */
  claimId: string | null;
  createdAt: string;
}

/** What happened to a suggestion, in a word for its list. */
export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  open: 'Waiting for an editor',
  accepted: 'Accepted',
  answered: 'Answered',
  declined: 'Declined',
};

/**
 * The order of a list: open ones first (oldest first, the order they came in), then the decided
 * ones, most recently decided first.
 */
export function sortSuggestions<
  T extends Pick<SuggestionView, 'status' | 'createdAt' | 'decidedAt'>,
>(list: readonly T[]): T[] {
  const open = list.filter((s) => s.status === 'open');
  const decided = list.filter((s) => s.status !== 'open');
  open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  decided.sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  return [...open, ...decided];
}
