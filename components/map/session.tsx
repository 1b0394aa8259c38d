'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorSession } from '@/lib/editor/session';
import type { EditorSnapshot } from '@/lib/editor/snapshot';

/**
 * How React reaches the editor session (lib/editor/session.ts). The session object never changes
 * identity, so a memoized claim row that only calls it does not re-render; a component that shows
 * state reads the snapshot and re-renders when it changes.
 */
export const SessionContext = createContext<EditorSession | null>(null);

/** The editor session: for calling `run(id)` and the other verbs. */
export function useSession(): EditorSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <MapEditor>.');
  return session;
}

/** What the editor shows now: the map, the save status, the screen, the live state. */
export function useEditorState(): EditorSnapshot {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
