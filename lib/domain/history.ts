import { applyOp, type ApplyEnv, type MapState } from './apply-op';
import { beforeFor, inverseOf, type OpBefore } from './undo';
import type { CrossLink } from './cross-links';
import type { AnchorView, ClaimView } from './views';
import type { Op } from '../schemas/ops';
import { truncate } from './text';
import { commentAction, describeComment, isCommentOp, type CommentPlace } from './history-comments';

/**
 * A map's history: its log of applied operations, each with what it replaced, walked backwards
 * to show the map as it was, summarised for people, and turned into the operations that bring a
 * part of the past back (through the normal pipeline, so the restore itself can be undone).
 */

export interface HistoryEntry {
  /** The map's revision right after this op; entries of one log are contiguous. */
  revision: number;
  actorId: string;
  actorName: string;
  /** ISO date-time. */
  createdAt: string;
  op: Op;
  before: OpBefore;
  /**
   * For a comment's entry: the claim it is on and whether it is a reply (the server says so;
   * an edit, a delete or a resolve names only the comment).
   */
  comment?: CommentPlace;
}

/** A page of a map's history as the History panel reads it (lib/server/history.ts). */
export interface HistoryPage {
  /**
   * Applied changes, newest first: to the claims, quotes and links, and comment events (never
   * an edit's earlier words, nor the words of a comment deleted since: lib/domain/history-comments.ts).
   */
  entries: HistoryEntry[];
  /**
   * Every batch of the map deleted now, by deletion id: walking back past a delete brings its
   * claims back from here.
   */
  trash: Record<string, ClaimView[]>;
  /** The quotes of those deleted claims: hidden while they are deleted, back when they are. */
  anchors: AnchorView[];
  /** The cross-links from or to a deleted claim, hidden likewise. */
  links: CrossLink[];
  /** The map's revision the page was read at: no entry is newer. */
  revision: number;
  /** True when the entries reach back to the map's first change. */
  complete: boolean;
  /**
   * What to pass as `before` for the next, older page; null when there is none to read: the
   * entries reached the start, or changes made before the log kept operations (not walkable).
   */
  nextBefore: number | null;
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/**
 * The map one entry earlier. The walk needs ids that line up: undoing a restore deletes into the
 * trash under the restore's own deletion id, so undoing the original delete further back finds
 * the batch there. Removed quotes and links come back exactly as stored (the record has them),
 * not found again in the article. Versions are not walked back: they mean nothing in the past.
 */
function stepBack(state: MapState, { op, before }: HistoryEntry, env: ApplyEnv): MapState {
  // Comments are not walked back: the past shows the comments of today.
  if (isCommentOp(op)) return state;
  if (op.kind === 'anchor.remove' || op.kind === 'link.remove') {
    const anchor = beforeFor('anchor.remove', before)?.anchor;
    const link = beforeFor('link.remove', before)?.link;
    if (anchor && !state.anchors.some((a) => a.id === anchor.id))
      return { ...state, anchors: [...state.anchors, anchor] };
    if (link && !state.links.some((l) => l.id === link.id))
      return { ...state, links: [...state.links, link] };
    return state;
  }
  const id = op.kind === 'claim.restore' ? op.deletionId : `${op.id}:undone`;
  let next = inverseOf(op, before, () => id).reduce(
    (s, draft) => applyOp(s, { ...draft, id } as Op, env),
    state,
  );
  // Undoing an add deletes into the trash; the past had no such batch.
  if (op.kind !== 'claim.restore' && next.trash[id])
    next = { ...next, trash: without(next.trash, id) };
  return next;
}

/**
 * The map as it was right after `revision`: every entry after it undone, newest first.
 * `current.trash` must hold every batch deleted now (the server sends them), so undoing a delete
 * finds its claims. Only the entries given are undone: for a revision older than the oldest of
 * them, the result is the map just before that oldest entry, the furthest back the log reaches.
 * Kinds with no inverse (comments) are not walked back: the past shows the comments of today.
 */
export function stateAt(
  current: MapState,
  entries: HistoryEntry[],
  revision: number,
  env: ApplyEnv,
): MapState {
  return entries
    .filter((e) => e.revision > revision)
    .sort((a, b) => b.revision - a.revision)
    .reduce((state, entry) => stepBack(state, entry, env), current);
}

export interface HistoryGroup {
  actorId: string;
  actorName: string;
  /** ISO date-times of the group's oldest and newest entries. */
  from: string;
  to: string;
  firstRevision: number;
  lastRevision: number;
  /** Newest first, like the groups. */
  entries: HistoryEntry[];
  summary: string;
}

/** Changes by one person less than this far apart read as one sitting. */
export const GROUP_GAP_MS = 10 * 60 * 1000;

/** The log as people read it, newest first: one person's consecutive changes form one group. */
export function groupEntries(entries: HistoryEntry[]): HistoryGroup[] {
  const runs: HistoryEntry[][] = [];
  for (const entry of [...entries].sort((a, b) => b.revision - a.revision)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    const close =
      last &&
      last.actorId === entry.actorId &&
      Date.parse(last.createdAt) - Date.parse(entry.createdAt) < GROUP_GAP_MS;
    if (run && close) run.push(entry);
    else runs.push([entry]);
  }
  return runs.map((run) => {
    const newest = run[0]!;
    const oldest = run.at(-1)!;
    return {
      actorId: newest.actorId,
      actorName: newest.actorName,
      from: oldest.createdAt,
      to: newest.createdAt,
      firstRevision: oldest.revision,
      lastRevision: newest.revision,
      entries: run,
      summary: summarize(run),
    };
  });
}

type Noun = 'claim' | 'quote' | 'link' | 'comment' | 'thread' | 'other';
const PAST = {
  'anchor.add': 'added',
  'anchor.remove': 'removed',
  'link.add': 'added',
  'link.remove': 'removed',
} as const;

/** What an entry did, for counting: a verb, what it acted on, and which one. */
function actionOf({ op, before }: HistoryEntry): { noun: Noun; verb: string; subject: string } {
  if (isCommentOp(op)) return commentAction(op);
  switch (op.kind) {
    case 'claim.add':
      return { noun: 'claim', verb: 'added', subject: op.claimId };
    case 'claim.update': {
      const keys = Object.keys(op.set).filter(
        (k) => op.set[k as keyof typeof op.set] !== undefined,
      );
      const only = keys.length === 1 ? keys[0] : undefined;
      const verb =
        only === 'strength' ? 'rated' : only === 'stance' ? 'changed the stance of' : 'edited';
      return { noun: 'claim', verb, subject: op.claimId };
    }
    case 'claim.move':
      return { noun: 'claim', verb: 'moved', subject: op.claimId };
    case 'claim.delete':
      return { noun: 'claim', verb: 'deleted', subject: op.claimId };
    case 'claim.restore': {
      const rootId = beforeFor('claim.restore', before)?.rootId;
      return { noun: 'claim', verb: 'restored', subject: rootId ?? op.deletionId };
    }
    case 'anchor.add':
    case 'anchor.remove':
      return { noun: 'quote', verb: PAST[op.kind], subject: op.anchorId };
    case 'link.add':
    case 'link.remove':
      return { noun: 'link', verb: PAST[op.kind], subject: op.linkId };
    default:
      return { noun: 'other', verb: 'made', subject: (op as { id: string }).id };
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "Added 3 claims, edited 2, deleted 1, added 1 quote": distinct things acted on, by verb. */
function summarize(entries: HistoryEntry[]): string {
  const tally = new Map<string, { noun: Noun; verb: string; subjects: Set<string> }>();
  for (const entry of [...entries].reverse()) {
    const { noun, verb, subject } = actionOf(entry);
    const key = `${noun} ${verb}`;
    const item = tally.get(key) ?? { noun, verb, subjects: new Set<string>() };
    item.subjects.add(subject);
    tally.set(key, item);
  }
  const phrases: string[] = [];
  for (const noun of ['claim', 'quote', 'link', 'comment', 'thread', 'other'] as const) {
    const items = [...tally.values()].filter((t) => t.noun === noun);
    items.forEach(({ verb, subjects }, i) => {
      const n = subjects.size;
      if (noun === 'other') phrases.push(`made ${plural(n, 'other change')}`);
      else phrases.push(i === 0 ? `${verb} ${plural(n, noun)}` : `${verb} ${n}`);
    });
  }
  const text = phrases.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A short quotation of a text: one line, at most about 60 characters. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${truncate(line, max)}”`;
}

const STANCE_WORDS = { pro: 'a supporting claim', con: 'an objection' } as const;

/** One line saying what an entry did, naming the claim by its text where `claimsById` knows it. */
export function describeEntry(
  entry: HistoryEntry,
  claimsById?: ReadonlyMap<string, Pick<ClaimView, 'text'>>,
): string {
  const { op, before } = entry;
  const claim = (id: string) => {
    const text = claimsById?.get(id)?.text;
    return text ? excerpt(text) : 'a claim';
  };
  const replies = (n: number) => (n > 0 ? ` and ${n} ${n === 1 ? 'reply' : 'replies'}` : '');
  if (isCommentOp(op)) return describeComment(op, entry.comment, claim, (t) => excerpt(t));
  switch (op.kind) {
    case 'claim.add':
      return op.suggestionId
        ? `Accepted a suggestion: ${excerpt(op.text)}`
        : `Added ${excerpt(op.text)}`;
    case 'claim.update': {
      const { strength, stance } = op.set;
      const fields = Object.entries(op.set).filter(([, v]) => v !== undefined);
      if (fields.length === 1 && strength !== undefined)
        return strength === null
          ? `Cleared the rating of ${claim(op.claimId)}`
          : `Rated ${claim(op.claimId)} ${strength} of 5`;
      if (fields.length === 1 && stance !== undefined)
        return `Made ${claim(op.claimId)} ${STANCE_WORDS[stance]}`;
      return `Edited ${claim(op.claimId)} (${fields.map(([k]) => k).join(', ')})`;
    }
    case 'claim.move':
      return `Moved ${claim(op.claimId)}`;
    case 'claim.delete':
      return `Deleted ${claim(op.claimId)}${replies(op.seen.length - 1)}`;
    case 'claim.restore': {
      const b = beforeFor('claim.restore', before);
      return b ? `Restored ${claim(b.rootId)}${replies(b.ids.length - 1)}` : 'Restored claims';
    }
    case 'anchor.add':
      return `Quoted ${excerpt(op.exact)} for ${claim(op.claimId)}`;
    case 'anchor.remove': {
      const a = beforeFor('anchor.remove', before)?.anchor;
      return a
        ? `Removed the quote ${excerpt(a.exact)} from ${claim(a.claimId)}`
        : 'Removed a quote';
    }
    case 'link.add': {
      const to = 'claimId' in op.target ? claim(op.target.claimId) : 'the other thesis';
      return `Linked ${claim(op.fromClaimId)} to ${to}`;
    }
    case 'link.remove': {
      const l = beforeFor('link.remove', before)?.link;
      return l ? `Removed the link from ${claim(l.fromClaimId)}` : 'Removed a link';
    }
    default:
      return `Made a change (${(op as { kind: string }).kind})`;
  }
}

export { restoreOps, type RestoreScope } from './restore-ops';
