'use client';

import { useState, type Ref } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { COMMENT_MAX } from '@/lib/schemas/ops';
import type { CommentOutcome } from '@/lib/editor/comment-writes';

/**
 * One field for writing a comment, a reply or an edit. Ctrl+Enter (⌘+Enter) posts; Esc cancels a
 * reply or an edit (and, in the new-comment field, closes the panel as Esc does anywhere in it).
 * What was typed stays when it is refused, with the reason under the field.
 */
export function CommentForm({
  id,
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  fieldRef,
  autoFocus = false,
}: {
  id: string;
  label: string;
  submitLabel: string;
  initial?: string;
  /** Sends the text; returns why it was not sent, or null. */
  onSubmit: (text: string) => CommentOutcome;
  /** For a reply or an edit: closes the form. Without it, a sent comment clears the field. */
  onCancel?: () => void;
  fieldRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const send = () => {
    const failure = onSubmit(text);
    setError(failure);
    if (!failure && !onCancel) setText('');
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      className="space-y-1.5"
    >
      <label htmlFor={id} className="block text-sm font-semibold text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        ref={fieldRef}
        autoFocus={autoFocus}
        value={text}
        rows={3}
        maxLength={COMMENT_MAX + 200}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape' && onCancel) {
            // Closes this form only, not the whole panel.
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${errorId} ${hintId}`}
        className="block w-full resize-y rounded-md border border-stone-400 bg-white px-2 py-1.5 text-base"
      />
      <FieldError id={errorId} messages={error} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" size="sm">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <span id={hintId} className="text-xs text-stone-600">
          Ctrl+Enter posts{onCancel ? ' · Esc cancels' : ''}
        </span>
      </div>
    </form>
  );
}
