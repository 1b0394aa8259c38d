'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';

/**
 * Edits a piece of text in place. Keeps what was typed when saving fails, and shows why.
 * `multiline`: Enter makes a new line (notes); otherwise Enter saves (claims).
 */
export function TextEditor({
  id,
  label,
  initial,
  latest,
  maxLength,
  multiline = false,
  onSave,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  /**
   * The text as saved now: when someone else changes it while this person types, both versions
   * are shown, so they can keep theirs, take the other, or merge by hand.
   */
  latest: string;
  maxLength: number;
  multiline?: boolean;
  /** Saves `text`; `from` is the text as it was when typing began (the base for conflicts). */
  onSave: (text: string, from: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [from, setFrom] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changedMeanwhile = latest !== from && latest !== text;

  async function save() {
    setBusy(true);
    const failure = await onSave(text, from);
    setBusy(false);
    setError(failure);
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="mt-1"
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        autoFocus
        value={text}
        rows={multiline ? 4 : 2}
        maxLength={maxLength + 200}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          } else if (e.key === 'Enter' && (multiline ? e.ctrlKey || e.metaKey : !e.shiftKey)) {
            e.preventDefault();
            void save();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5 text-base"
      />
      <FieldError id={`${id}-error`} messages={error} />
      {changedMeanwhile ? (
        <div
          role="status"
          className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-stone-800"
        >
          <p>
            Someone else changed this while you were typing. Theirs: <q>{latest || '(empty)'}</q>
          </p>
          <p className="mt-1 flex flex-wrap gap-2">
            <Button
              size="sm"
              onClick={() => {
                setText(latest);
                setFrom(latest);
              }}
            >
              Use theirs
            </Button>
            <Button size="sm" onClick={() => setFrom(latest)}>
              Keep mine (replace theirs)
            </Button>
            <span className="self-center text-xs text-stone-600">
              or edit yours to merge both, then Save.
            </span>
          </p>
        </div>
      ) : (
        error &&
        latest !== text && (
          <p className="mt-1 rounded bg-stone-100 px-2 py-1 text-sm text-stone-700">
            Latest saved version: <q>{latest || '(empty)'}</q>
          </p>
        )
      )}
      <div className="mt-2 flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <span className="self-center text-xs text-stone-600">
          {multiline ? 'Ctrl+Enter saves' : 'Enter saves'} · Esc cancels
        </span>
      </div>
    </form>
  );
}
