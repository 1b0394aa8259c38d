'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
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
      <DebateEditedNotice />
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

/**
 * The debate's motion, theses or articles were edited by its teacher while the map was open:
 * the map shows the text it was loaded with (its quotes marked where they were) until reloaded.
 */
function DebateEditedNotice() {
  const session = useSession();
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!session.live) return;
    const stop = session.live.onEvent((e) => {
      if (e.type === 'debate') setEdited(true);
    });
    return () => void stop();
  }, [session]);
  if (!edited) return null;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-no-print
    >
      <p className="min-w-0 flex-1">
        The teacher has edited this debate’s articles or theses. Reload to read the new text; your
        map and its quotes are kept.
      </p>
      <Button size="sm" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
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
