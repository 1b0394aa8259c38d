'use client';

import { useId, useRef, useState } from 'react';
import type { ClaimExtraProps } from '@/components/map/claim-extras';
import { useClassroomMap } from './classroom-map-context';
import { inLabel } from '@/lib/editor/places';

const IMPACT_LABELS = ['0: no impact', '1: slight', '2: moderate', '3: strong', '4: decisive'];

/**
 * Under a claim in the editor's outline: the class's impact rating (average and count, and the
 * viewer's own rating to set or clear) and the teacher's feedback on it. Nothing outside a class
 * or shared map.
 */
export function ClaimClassroom({ claimId, claimText, active }: ClaimExtraProps) {
  const cm = useClassroomMap();
  if (!cm) return null;
  const notes = cm.notes[claimId] ?? [];
  return (
    <>
      {cm.votes && <ImpactVote claimId={claimId} claimText={claimText} active={active} />}
      {notes.map((n) => (
        <div
          key={n.id}
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-sm text-stone-900"
          data-testid="claim-teacher-feedback"
        >
          <p className="text-xs font-semibold uppercase tracking-wide text-amber-900">
            {cm.notesLabel}
            {n.private ? ' (private: not released yet)' : ''}
          </p>
          <p className="whitespace-pre-wrap break-words">{n.body}</p>
        </div>
      ))}
      {cm.addNote && <TeacherNoteForm claimId={claimId} claimText={claimText} active={active} />}
    </>
  );
}

/** The teacher's "+ Feedback" on the selected claim; editing and deleting are on the grading page. */
function TeacherNoteForm({ claimId, claimText, active }: ClaimExtraProps) {
  const cm = useClassroomMap()!;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!open) {
    // Only on the selected claim, so the outline stays quiet; an open form stays open.
    if (!active) return null;
    return (
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <button
          ref={opener}
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(true);
          }}
          className="rounded border border-dashed border-amber-600 px-2 py-0.5 font-medium text-amber-900 hover:bg-amber-50"
          aria-label={`Add teacher feedback on: ${claimText}`}
        >
          + Feedback
        </button>
        {cm.gradingHref && (
          <a href={cm.gradingHref} className="text-stone-700 underline underline-offset-2">
            Edit feedback and grade
          </a>
        )}
      </div>
    );
  }
  return (
    <form
      className="mt-2 space-y-1"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const message = await cm.addNote!(claimId, draft);
        setBusy(false);
        setError(message);
        if (!message) {
          setDraft('');
          setOpen(false);
          requestAnimationFrame(() => opener.current?.focus());
        }
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Teacher feedback (private until you release it)
      </label>
      <textarea
        id={id}
        autoFocus
        rows={2}
        maxLength={2000}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        className="w-full rounded border border-stone-400 px-2 py-1 text-sm"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-stone-900 px-2 py-1 text-sm font-medium text-white disabled:bg-stone-400"
        >
          {busy ? 'Saving…' : 'Save feedback'}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
          className="rounded px-2 py-1 text-sm text-stone-700 hover:bg-stone-100"
        >
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-con-800">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The class's impact rating in one short line; the selected claim adds this person's own rating
 * beside it (so the outline's rows stay one line taller at most, and only with votes).
 */
function ImpactVote({ claimId, claimText, active }: ClaimExtraProps) {
  const votes = useClassroomMap()!.votes!;
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tally = votes.tallies[claimId];
  const mine = votes.mine[claimId];
  const short = inLabel(claimText);
  if (!tally && !active) return null;
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-700">
      <span data-testid="impact-tally">
        Class impact:{' '}
        {tally ? (
          <>
            <strong>{tally.average.toFixed(1)}</strong> / 4 ({tally.count}{' '}
            {tally.count === 1 ? 'vote' : 'votes'})
          </>
        ) : (
          'no votes yet'
        )}
      </span>
      {votes.canVote && active && (
        <span className="flex items-center gap-1">
          <label htmlFor={id} className="text-stone-700">
            Your rating
            <span className="sr-only"> of the impact of: {short}</span>
          </label>
          <select
            id={id}
            value={mine == null ? '' : String(mine)}
            disabled={busy}
            onChange={async (e) => {
              setBusy(true);
              const value = e.target.value;
              setError(await votes.set(claimId, value === '' ? null : Number(value)));
              setBusy(false);
            }}
            onClick={(e) => e.stopPropagation()}
            className="rounded border border-stone-400 bg-white px-1 py-0.5 text-sm"
          >
            <option value="">No rating</option>
            {IMPACT_LABELS.map((label, i) => (
              <option key={i} value={String(i)}>
                {label}
              </option>
            ))}
          </select>
        </span>
      )}
      {error && (
        <span role="alert" className="text-con-800">
          {error}
        </span>
      )}
    </div>
  );
}
