'use client';

import { useEffect } from 'react';
import type { EditorSession } from '@/lib/editor/session';

/** Focus in a text field or an open dialog: no single-key shortcut runs there. */
export const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.closest('dialog[open]') !== null);

/**
 * The editor's keys, in one listener: a key pressed on a claim (a row in the outline, a box in
 * the graph) or a thesis card runs its command there; elsewhere only commands that need nothing
 * selected run (Ctrl+Z, ?). Never while typing or in a dialog.
 */
export function useEditorKeys(session: EditorSession) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      const node = el?.classList.contains('react-flow__node') ? el.dataset.id : undefined;
      const where = {
        claimId: el?.dataset.claimRow ?? (node && !isThesis(session, node) ? node : undefined),
        thesisId: el?.dataset.thesisKeys ?? (node && isThesis(session, node) ? node : undefined),
      };
      if (session.handleKey(e, where)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}

const isThesis = (session: EditorSession, id: string) => session.theses.some((t) => t.id === id);
