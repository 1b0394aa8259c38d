'use client';

import { useCallback, useId, useRef } from 'react';
import { useEditorState, useSession } from '@/components/map/session';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useNow } from '@/components/ui/time-ago';
import type { SuggestionView } from '@/lib/domain/suggestions';
import type { ClaimView } from '@/lib/domain/views';
import { SuggestionItem } from './suggestion-item';

/**
 * The map's suggestions. For its editors and owner: the open ones, each with Accept, Answer and
 * Decline, and the decided ones folded away. For someone who may only suggest: their own, with
 * what happened to each. Loaded again when the map's stream says they changed and when the
 * window gets the focus back (lib/editor/suggestions.ts).
 */
export function SuggestionsPanel() {
  const session = useSession();
  const { suggestions, claims, screen } = useEditorState();
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const refocus = useCallback(() => {
    requestAnimationFrame(() => heading.current?.focus());
  }, []);
  if (!suggestions) return null;
  const review = suggestions.mode === 'review';
  const open = suggestions.items.filter((s) => s.status === 'open');
  const decided = suggestions.items.filter((s) => s.status !== 'open');
  const list = (items: SuggestionView[]) => (
    <Items items={items} claims={claims} review={review} now={now} onDecided={refocus} />
  );

  return (
    <Dialog
      open
      onClose={session.closeDialog}
      title={review ? 'Suggestions' : 'Your suggestions'}
      wide
    >
      <div className="space-y-4" onKeyDown={(e) => e.stopPropagation()} data-suggestions-panel>
        {/* The page behind a modal dialog is inert, and so is the editor's live region. */}
        <p className="sr-only" aria-live="polite">
          {screen.announcement}
        </p>
        {screen.error && <ErrorBanner message={screen.error} onDismiss={session.dismissError} />}
        {suggestions.error && (
          <p role="alert" className="rounded bg-con-50 px-2 py-1 text-sm text-con-800">
            {suggestions.error}
          </p>
        )}
        <p className="text-sm text-stone-700">
          {review
            ? 'Claims proposed by people who can view or comment on this map. Accept one to add it under the claim it answers, as theirs (Ctrl+Z undoes it); answer or decline it to close it.'
            : 'Claims you proposed. The map’s editors accept them (they become your claims in the map), answer them or decline them.'}
        </p>
        <section aria-labelledby={headingId} className="space-y-2">
          <h3
            id={headingId}
            ref={heading}
            tabIndex={-1}
            data-autofocus
            className="text-sm font-semibold text-stone-900 outline-none"
          >
            {review ? 'Waiting for you' : 'Waiting for an editor'} ({open.length})
          </h3>
          {!suggestions.loaded ? (
            <p className="text-sm text-stone-600">Loading…</p>
          ) : open.length === 0 ? (
            <p className="text-sm text-stone-600">
              {review ? 'No open suggestions.' : 'None waiting.'}
            </p>
          ) : (
            list(open)
          )}
        </section>
        {decided.length > 0 && (
          <details className="rounded-md border border-stone-200" open={!review}>
            <summary className="cursor-pointer select-none rounded-md px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50">
              Decided ({decided.length})
            </summary>
            <div className="px-3 pb-3">{list(decided)}</div>
          </details>
        )}
      </div>
    </Dialog>
  );
}

function Items({
  items,
  ...rest
}: {
  items: SuggestionView[];
  claims: ClaimView[];
  review: boolean;
  now: number;
  onDecided: () => void;
}) {
  return (
    <ul className="space-y-2">
      {items.map((s) => (
        <SuggestionItem key={s.id} suggestion={s} {...rest} />
      ))}
    </ul>
  );
}
