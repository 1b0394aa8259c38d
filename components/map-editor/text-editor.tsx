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
  /** The saved text, shown beside an error when it differs from what was typed. */
  latest: string;
  maxLength: number;
  multiline?: boolean;
  onSave: (text: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    const failure = await onSave(text);
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
      {error && latest !== text && (
        <p className="mt-1 rounded bg-stone-100 px-2 py-1 text-sm text-stone-700">
          Latest saved version: <q>{latest || '(empty)'}</q>
        </p>
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
