'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { mostSimilar } from '@/lib/domain/similar-claims';
import { inLabel } from '@/lib/editor/places';
import type { Stance } from '@/lib/domain/argument-tree';
import { CLAIM_TEXT_MAX } from '@/lib/schemas/map';
import { FieldError } from '@/components/ui/field-error';
import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from './session';

/**
 * How far the outline indents a claim at `depth`: 1.25rem a level, eight levels at most, and less
 * on a narrow screen (3vw a level on a phone), so deep threads keep room for their text.
 */
export const outlineIndent = (depth: number) => `calc(${Math.min(depth, 8)} * min(1.25rem, 3vw))`;

/**
 * The form for a new claim, where the session's composer is open (the outline, the graph's
 * panel): Enter adds it, Shift+Enter breaks the line, Esc cancels. For someone who may only
 * suggest, the same form sends a suggestion to the map's editors, then says it was sent.
 */
export function ClaimComposer({
  submitLabel = 'Add claim',
  indent = true,
}: {
  submitLabel?: string;
  /** Indent it to the depth the new claim will have (the outline). */
  indent?: boolean;
}) {
  const session = useSession();
  const { screen, claims } = useEditorState();
  const { composer } = screen;
  const closeComposer = () => session.cancelComposer();
  const [text, setText] = useState('');
  const [stance, setStance] = useState<Stance>(composer?.stance ?? 'pro');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  // Compared in a render of its own, after the keystroke shows: on a map of thousands of claims
  // the comparison must never hold up typing.
  const typed = useDeferredValue(text);
  const similar = useMemo(() => mostSimilar(claims, typed), [claims, typed]);
  if (!composer) return null;
  const errorId = 'composer-error';
  const suggesting = composer.suggest === true;

  async function submit() {
    if (!composer || sending) return;
    if (!suggesting) {
      const result = session.addFromComposer(text, stance);
      if (!result.ok) setError(result.message);
      return;
    }
    setSending(true);
    const result = await session.suggestFromComposer(text, stance);
    setSending(false);
    if (result.ok) setSent(true);
    else setError(result.message);
  }

  if (sent)
    return <SuggestionSent indent={indent ? composer.depth : null} onDone={closeComposer} />;

  return (
    <form
      data-composer
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-suggesting={suggesting ? 'true' : undefined}
      style={indent ? { marginLeft: outlineIndent(composer.depth) } : undefined}
      className="my-2 rounded-lg border-2 border-dashed border-stone-400 bg-white p-3"
    >
      <label htmlFor="composer-text" className="block text-sm font-semibold text-stone-800">
        {composer.label}
      </label>
      <textarea
        id="composer-text"
        autoFocus
        rows={2}
        value={text}
        maxLength={CLAIM_TEXT_MAX + 200}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            closeComposer();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${errorId} composer-help`}
        readOnly={sending}
        className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 text-base"
      />
      <FieldError id={errorId} messages={error} />
      {similar && (
        <p role="status" className="mt-2 rounded-md bg-amber-50 px-2 py-1.5 text-sm text-stone-900">
          A similar claim is already in the map: <q>{inLabel(similar.claim.text)}</q>{' '}
          <Button
            size="sm"
            variant="ghost"
            className="underline"
            onClick={() => {
              session.cancelComposer();
              session.focus(similar.claim.id);
            }}
          >
            Go to it
          </Button>
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex gap-3 text-sm">
          <legend className="sr-only">Stance</legend>
          {(['pro', 'con'] as const).map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="radio"
                name="composer-stance"
                checked={stance === s}
                onChange={() => setStance(s)}
              />
              {s === 'pro' ? 'Pro (supports)' : 'Con (objects)'}
            </label>
          ))}
        </fieldset>
        <div className="flex gap-2">
          <Button onClick={closeComposer}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={sending}>
            {suggesting ? (sending ? 'Sending…' : 'Send suggestion') : submitLabel}
          </Button>
        </div>
      </div>
      <p id="composer-help" className="mt-1 text-xs text-stone-600">
        {suggesting
          ? 'The map’s editors decide whether it goes in. Enter sends · Shift+Enter for a new line · Esc cancels'
          : 'Enter adds the claim · Shift+Enter for a new line · Esc cancels'}
      </p>
    </form>
  );
}

/** Where a suggestion was written, once it is sent: what happens next, and Done. */
function SuggestionSent({ indent, onDone }: { indent: number | null; onDone: () => void }) {
  return (
    <div
      role="status"
      data-suggestion-sent
      style={indent !== null ? { marginLeft: outlineIndent(indent) } : undefined}
      className="my-2 rounded-lg border-2 border-emerald-600 bg-emerald-50 p-3 text-sm text-stone-900"
    >
      <p className="font-semibold text-emerald-900">Suggestion sent</p>
      <p className="mt-1">
        The map’s editors will accept, answer or decline it. Follow it under{' '}
        <strong>Your suggestions</strong> above the map.
      </p>
      <Button
        className="mt-2"
        autoFocus
        onClick={onDone}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      >
        Done
      </Button>
    </div>
  );
}
