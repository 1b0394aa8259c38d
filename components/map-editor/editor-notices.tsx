'use client';

import { ErrorBanner } from '@/components/ui/error-banner';
import { useEditorState, useSession } from '@/components/map/session';
import { UnsavedNotices } from './unsaved-notices';

/**
 * What the editor tells the person above the map: typed text the server did not take (with
 * both versions), a refusal banner, the screen-reader announcement of the last action, and how
 * to start.
 */
export function EditorNotices() {
  const session = useSession();
  const { screen } = useEditorState();
  return (
    <>
      {session.canComment && <UnsavedNotices />}
      {screen.error && <ErrorBanner message={screen.error} onDismiss={session.dismissError} />}
      <p className="sr-only" aria-live="polite">
        {screen.announcement}
      </p>
      {session.canEdit && (
        // Keyboard hints only where there is a keyboard to speak of.
        <p
          className="hidden text-sm text-stone-600 md:block [@media(pointer:coarse)]:hidden"
          data-no-print
        >
          Click a claim to select it; select a passage in an article to quote it as evidence. Press{' '}
          <kbd className="rounded border border-stone-300 bg-white px-1 font-mono text-xs">?</kbd>{' '}
          for keyboard shortcuts.
        </p>
      )}
    </>
  );
}

export type EditorView = 'outline' | 'graph';

/** The Outline / Graph switch. */
export function ViewSwitch({
  view,
  onChange,
}: {
  view: EditorView;
  onChange: (view: EditorView) => void;
}) {
  return (
    <div
      role="group"
      aria-label="View"
      className="inline-flex rounded-lg bg-stone-200 p-1"
      data-no-print
    >
      {(['outline', 'graph'] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={`rounded-md px-3 py-1 text-sm font-semibold ${view === v ? 'bg-white text-stone-900 shadow' : 'text-stone-700'}`}
        >
          {v === 'outline' ? 'Outline' : 'Graph'}
        </button>
      ))}
    </div>
  );
}
