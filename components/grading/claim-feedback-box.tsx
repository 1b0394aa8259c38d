'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import {
  addClaimFeedbackAction,
  deleteClaimFeedbackAction,
  editClaimFeedbackAction,
} from '@/lib/actions/grades';
import type { ActionResult } from '@/lib/errors';
import { CLAIM_FEEDBACK_MAX } from '@/lib/schemas/grades';
import { truncate } from '@/lib/domain/text';
import type { ClaimFeedbackView } from '@/lib/domain/classroom/views';

/** The teacher's notes on one claim: each editable and deletable, and a box to add one. */
export function ClaimFeedbackBox(props: {
  workId: string;
  claimId: string;
  claimText: string;
  notes: ClaimFeedbackView[];
}) {
  const router = useRouter();
  const [draft, setDraft] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function run<T>(work: () => Promise<ActionResult<T>>, after?: () => void) {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    after?.();
    router.refresh();
    return true;
  }

  return (
    <div className="mt-2 space-y-2">
      {props.notes.map((note) => (
        <FeedbackNote key={note.id} note={note} claimText={props.claimText} run={run} busy={busy} />
      ))}
      {adding ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            await run(
              () =>
                addClaimFeedbackAction({
                  workId: props.workId,
                  claimId: props.claimId,
                  body: draft,
                }),
              () => {
                setDraft('');
                setAdding(false);
              },
            );
          }}
          className="space-y-1"
        >
          <label htmlFor={`${id}-new`} className="block text-sm font-medium text-stone-800">
            Feedback on: <span className="font-normal italic">{props.claimText}</span>
          </label>
          <textarea
            id={`${id}-new`}
            autoFocus
            value={draft}
            maxLength={CLAIM_FEEDBACK_MAX}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
            aria-describedby={`${id}-error`}
            className="w-full rounded-md border border-stone-400 px-2 py-1 text-sm"
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" size="sm" disabled={busy}>
              {busy ? 'Saving…' : 'Save feedback'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          className="border border-dashed border-stone-300"
          onClick={() => setAdding(true)}
          aria-label={`Add feedback on: ${props.claimText}`}
        >
          + Feedback
        </Button>
      )}
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

function FeedbackNote(props: {
  note: ClaimFeedbackView;
  claimText: string;
  busy: boolean;
  run: <T>(work: () => Promise<ActionResult<T>>, after?: () => void) => Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.note.body);
  const id = useId();
  if (editing) {
    return (
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          await props.run(
            () => editClaimFeedbackAction({ feedbackId: props.note.id, body: draft }),
            () => setEditing(false),
          );
        }}
        className="space-y-1"
      >
        <label htmlFor={id} className="block text-sm font-medium text-stone-800">
          Edit feedback on: <span className="font-normal italic">{props.claimText}</span>
        </label>
        <textarea
          id={id}
          autoFocus
          value={draft}
          maxLength={CLAIM_FEEDBACK_MAX}
          onChange={(e) => setDraft(e.target.value)}
          rows={2}
          className="w-full rounded-md border border-stone-400 px-2 py-1 text-sm"
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" size="sm" disabled={props.busy}>
            Save
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(props.note.body);
              setEditing(false);
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-900">Your feedback</p>
      <p className="whitespace-pre-wrap text-stone-900">{props.note.body}</p>
      <div className="mt-1 flex gap-2">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setEditing(true)}
          aria-label={`Edit feedback: ${truncate(props.note.body, 60)}`}
        >
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={props.busy}
          onClick={() => {
            if (window.confirm('Delete this feedback?')) {
              void props.run(() => deleteClaimFeedbackAction({ feedbackId: props.note.id }));
            }
          }}
          aria-label={`Delete feedback: ${truncate(props.note.body, 60)}`}
        >
          Delete
        </Button>
      </div>
    </div>
  );
}
