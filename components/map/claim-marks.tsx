'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';
import { resolveMarkAction } from '@/lib/actions/marks';
import { MARK_KIND_INFO, type MarkView } from '@/lib/domain/marks';
import { useSession } from './session';

const NONE: readonly MarkView[] = [];

/**
 * A claim's open marks for review, read straight from the session's store: only this claim's
 * part re-renders when its marks change (the memoized outline row does not).
 */
function useClaimMarks(claimId: string): readonly MarkView[] {
  const { marks } = useSession();
  const subscribe = useCallback(
    (fn: () => void) => (marks ? marks.subscribe(fn) : () => {}),
    [marks],
  );
  const read = () => marks?.of(claimId) ?? NONE;
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Under a claim (the outline's row, the graph's panel): each open mark for review, with its
 * explanation and who made it. Its author is told what to do and resolves it; whoever marked it
 * and the map's owner may clear it. Nothing for readers who may not see marks. Like the comment
 * badge, its button is in the Tab order only on the selected claim.
 */
export function ClaimMarks({ claimId, active }: { claimId: string; active: boolean }) {
  const marks = useClaimMarks(claimId);
  if (marks.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1.5" aria-label="Marked for review">
      {marks.map((m) => (
        <ClaimMark key={m.id} mark={m} active={active} />
      ))}
    </ul>
  );
}

function ClaimMark({ mark, active }: { mark: MarkView; active: boolean }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const info = MARK_KIND_INFO[mark.kind];
  const action = mark.forMe ? 'Resolved' : 'Clear mark';

  const resolve = async () => {
    setBusy(true);
    const result = await resolveMarkAction({ markId: mark.id });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    session.marks?.set(result.data);
    // The button is gone with the mark: the keyboard goes back to the claim.
    session.focus(mark.claimId);
    session.announce(mark.forMe ? 'Mark resolved.' : 'Mark cleared.');
  };

  return (
    <li
      className="rounded border-l-4 border-violet-600 bg-violet-50 px-2 py-1 text-sm text-stone-900"
      data-claim-mark={mark.kind}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <p>
          <span className="font-semibold text-violet-900">Marked: {info.label}</span>
          <span className="text-stone-700"> · by {mark.byName}</span>
        </p>
        {mark.canResolve && (
          <button
            type="button"
            tabIndex={active ? 0 : -1}
            disabled={busy}
            aria-label={`${action}: ${info.label}`}
            onClick={(e) => {
              e.stopPropagation();
              void resolve();
            }}
            className="rounded border border-violet-700 bg-white px-2 py-0.5 text-xs font-semibold [@media(pointer:coarse)]:min-h-11 text-violet-900 hover:bg-violet-100 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
          >
            {busy ? 'Saving…' : action}
          </button>
        )}
      </div>
      {mark.explanation && (
        <p className="whitespace-pre-wrap break-words" data-mark-explanation>
          {mark.explanation}
        </p>
      )}
      {mark.forMe && <p className="text-xs text-stone-700">{info.ask}</p>}
      {error && (
        <p role="alert" className="text-xs text-con-800">
          {error}
        </p>
      )}
    </li>
  );
}

/** On a box in the graph: a flag when the claim has open marks, read aloud as "Marked for review". */
export function GraphMarkFlag({ claimId }: { claimId: string }) {
  const marks = useClaimMarks(claimId);
  if (marks.length === 0) return null;
  const labels = marks.map((m) => MARK_KIND_INFO[m.kind].label).join(', ');
  return (
    <span
      className="inline-flex items-center rounded-full border border-violet-400 bg-violet-50 px-1.5 text-[11px] font-semibold text-violet-900"
      title={`Marked for review: ${labels}`}
      data-graph-marks={marks.length}
    >
      <span aria-hidden="true">⚑ {marks.length}</span>
      <span className="sr-only">Marked for review: {labels}</span>
    </span>
  );
}
