'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { openCommentCounts } from '@/lib/domain/comments';
import type { CommentView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { keysOf } from '@/lib/editor/keys';
import { useSession } from './session';

interface Tallies {
  /** Comments in open (unresolved) threads, per claim: the number on the badge. */
  open: Map<string, number>;
  /** Every comment, resolved or not, per claim. */
  all: Map<string, number>;
}

// Counted once per version of the comments list, however many badges ask.
const cache = new WeakMap<readonly CommentView[], Tallies>();

function talliesOf(comments: readonly CommentView[]): Tallies {
  let tallies = cache.get(comments);
  if (!tallies) {
    const all = new Map<string, number>();
    for (const c of comments) all.set(c.claimId, (all.get(c.claimId) ?? 0) + 1);
    tallies = { open: openCommentCounts(comments), all };
    cache.set(comments, tallies);
  }
  return tallies;
}

/**
 * A claim's comment counts, read straight from the editor's outbox: a badge re-renders only when
 * its own claim's numbers change, so the memoized outline rows stay untouched by comments
 * elsewhere (and the row itself does not re-render at all).
 */
export function useCommentTally(claimId: string): { open: number; total: number } {
  const { sync } = useSession();
  const subscribe = useCallback((fn: () => void) => sync.subscribe(fn), [sync]);
  const openOf = () => talliesOf(sync.state.comments).open.get(claimId) ?? 0;
  const totalOf = () => talliesOf(sync.state.comments).all.get(claimId) ?? 0;
  const open = useSyncExternalStore(subscribe, openOf, openOf);
  const total = useSyncExternalStore(subscribe, totalOf, totalOf);
  return { open, total };
}

export function SpeechBubble({ className = 'size-3.5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path d="M3 4.5A2.5 2.5 0 0 1 5.5 2h9A2.5 2.5 0 0 1 17 4.5v7a2.5 2.5 0 0 1-2.5 2.5H9l-4 3.5V14h0a2 2 0 0 1-2-2V4.5Z" />
    </svg>
  );
}

const badge =
  'inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600';

/**
 * On a claim in the outline: the number of open comments, as a button that opens the thread
 * panel. Without the editor's toolbar (commenters and viewers), the selected claim also offers
 * "Comment" here when it has none open. Only the selected row's button is in the Tab order, like
 * the toolbar; O opens the panel from any row.
 */
export function ClaimCommentsButton({ claimId, active }: { claimId: string; active: boolean }) {
  const session = useSession();
  const show = () => session.run('comments', { claimId });
  const { open, total } = useCommentTally(claimId);
  const hint = `Show comments (${keysOf('comments')})`;
  if (open > 0) {
    return (
      <button
        type="button"
        tabIndex={active ? 0 : -1}
        onClick={show}
        aria-label={plural(open, 'comment')}
        title={hint}
        data-comment-count={open}
        data-no-print
        className={`${badge} border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100`}
      >
        <SpeechBubble />
        {open}
      </button>
    );
  }
  if (!active || session.canEdit || !(session.canComment || total > 0)) return null;
  return (
    <button
      type="button"
      onClick={show}
      title={hint}
      data-no-print
      className={`${badge} border-stone-300 bg-white text-stone-800 hover:bg-stone-100`}
    >
      <SpeechBubble />
      {total > 0 ? 'Comments' : 'Comment'}
    </button>
  );
}

/** On a box in the graph: the number of open comments, read aloud as "3 comments". */
export function GraphCommentCount({ claimId }: { claimId: string }) {
  const { open } = useCommentTally(claimId);
  if (open === 0) return null;
  return (
    <span
      className="inline-flex items-center gap-0.5 rounded-full border border-sky-300 bg-sky-50 px-1.5 text-[11px] font-semibold text-sky-900"
      title={plural(open, 'open comment')}
      data-comment-count={open}
    >
      <SpeechBubble className="size-3" />
      <span aria-hidden="true">{open}</span>
      <span className="sr-only">{plural(open, 'comment')}</span>
    </span>
  );
}
