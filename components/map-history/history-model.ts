import type { MapState } from '@/lib/domain/apply-op';
import { excerpt, type HistoryEntry } from '@/lib/domain/history';
import type { ClaimView } from '@/lib/domain/views';
import type { OpDraft } from '@/lib/schemas/ops';
import type { HistoryPage } from '@/lib/domain/history';

/**
 * The History panel's data, without React: the log as loaded page by page, the map it walks
 * back from, and how a past version differs from now.
 */

/** What a page says about the deleted claims, apart from the log itself. */
export type TrashPart = Pick<HistoryPage, 'trash' | 'anchors' | 'links'>;

const missingById = <T extends { id: string }>(list: T[], extra: T[]): T[] => {
  const ids = new Set(list.map((x) => x.id));
  return [...list, ...extra.filter((x) => !ids.has(x.id))];
};

/**
 * The map as the tab shows it, plus every batch deleted on the server with its hidden quotes
 * and links. A tab only knows the batches it deleted itself; walking back past someone else's
 * delete, or restoring it, needs the rest. A batch the tab already shows alive (restored since
 * the page was read) is left out: restoring it again would fail.
 */
export function withServerTrash(state: MapState, part: TrashPart): MapState {
  const alive = new Set(state.claims.map((c) => c.id));
  const trash = { ...state.trash };
  for (const [deletionId, claims] of Object.entries(part.trash)) {
    if (trash[deletionId] || claims.some((c) => alive.has(c.id))) continue;
    trash[deletionId] = { claims };
  }
  return {
    ...state,
    trash,
    anchors: missingById(state.anchors, part.anchors),
    links: missingById(state.links, part.links),
  };
}

/**
 * The log after reading its newest page again (the map moved on): the new page in front of what
 * was loaded, when it reaches back that far; otherwise the new page alone (older pages can be
 * loaded again), since a gap would make the walk back wrong.
 */
export function mergeNewest(log: HistoryPage | null, page: HistoryPage): HistoryPage {
  if (!log || page.nextBefore === null || page.nextBefore > log.revision + 1) return page;
  const reach = page.nextBefore;
  return {
    ...page,
    entries: [...page.entries, ...log.entries.filter((e) => e.revision < reach)],
    complete: log.complete,
    nextBefore: log.nextBefore,
  };
}

/** The log with an older page after it; the trash from whichever read is the newer. */
export function appendOlder(log: HistoryPage, page: HistoryPage): HistoryPage {
  const oldest = log.entries.at(-1)?.revision ?? Infinity;
  const fresher = page.revision >= log.revision ? page : log;
  return {
    ...log,
    trash: fresher.trash,
    anchors: fresher.anchors,
    links: fresher.links,
    entries: [...log.entries, ...page.entries.filter((e) => e.revision < oldest)],
    complete: page.complete,
    nextBefore: page.nextBefore,
  };
}

/** How a claim of the past differs from the map now. */
export type ClaimChange = 'deleted' | 'edited' | 'moved';

export const CHANGE_LABELS: Record<ClaimChange, string> = {
  deleted: 'Deleted since',
  edited: 'Changed since',
  moved: 'Moved since',
};

/** The claims of `past` that differ from `now`, and how many claims `now` has that `past` had not. */
export function compareClaims(
  past: MapState,
  now: MapState,
): { changes: Map<string, ClaimChange[]>; addedSince: number } {
  const current = new Map(now.claims.map((c) => [c.id, c]));
  const then = new Set(past.claims.map((c) => c.id));
  const changes = new Map<string, ClaimChange[]>();
  for (const claim of past.claims) {
    const c = current.get(claim.id);
    const kinds: ClaimChange[] = [];
    if (!c) kinds.push('deleted');
    else {
      const fields = ['text', 'note', 'stance', 'strength'] as const;
      if (fields.some((k) => c[k] !== claim[k])) kinds.push('edited');
      if (c.parentId !== claim.parentId || c.thesisId !== claim.thesisId || c.order !== claim.order)
        kinds.push('moved');
    }
    if (kinds.length) changes.set(claim.id, kinds);
  }
  return { changes, addedSince: now.claims.filter((c) => !then.has(c.id)).length };
}

/**
 * Claim texts for naming claims in the list: the deleted ones, then the map now (whose text wins
 * over the one a claim had when deleted).
 */
export function claimNames(state: MapState): ReadonlyMap<string, Pick<ClaimView, 'text'>> {
  const names = new Map<string, Pick<ClaimView, 'text'>>();
  for (const { claims } of Object.values(state.trash)) for (const c of claims) names.set(c.id, c);
  for (const c of state.claims) names.set(c.id, c);
  return names;
}

/** What the second pass after a restore may send: quotes and links only (see restoreOps). */
export const evidenceOnly = (drafts: OpDraft[]): OpDraft[] =>
  drafts.filter((d) => d.kind.startsWith('anchor.') || d.kind.startsWith('link.'));

/** What a restore is called in the undo announcement and the panel. */
export function restoreLabel(
  scope: 'claim' | 'subtree' | 'map',
  when: string,
  claim?: Pick<ClaimView, 'text'>,
): string {
  if (scope === 'map' || !claim) return `Restored the whole map as it was on ${when}.`;
  return scope === 'subtree'
    ? `Restored ${excerpt(claim.text)} and its replies as they were on ${when}.`
    : `Restored ${excerpt(claim.text)} as it was on ${when}.`;
}

/** The entries a tab at `revision` can walk back: newer ones are not in the map it shows yet. */
export const walkable = (entries: HistoryEntry[], revision: number): HistoryEntry[] =>
  entries.filter((e) => e.revision <= revision);
