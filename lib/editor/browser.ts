import type { MarkView } from '@/lib/domain/marks';
import type { MapView } from '@/lib/domain/views';
import {
  decideSuggestionAction,
  listSuggestionsAction,
  suggestClaimAction,
} from '@/lib/actions/suggestions';
import { httpTransport } from '@/lib/sync/http-transport';
import { idbOutbox } from '@/lib/sync/idb-outbox';
import type { EventStream } from '@/lib/sync/live-connection';
import { memoryOutbox } from '@/lib/sync/memory-outbox';
import type { Who } from './access';
import { EditorSession, type Opening } from './session';

/**
 * An editor session wired to the browser: operations go over HTTP and wait in IndexedDB, the
 * live stream is an EventSource, and where this person is goes out with fetch.
 */
export function browserSession(
  map: MapView,
  who: Who,
  opening: Opening = {},
  marks: readonly MarkView[] | null = null,
): EditorSession {
  return new EditorSession(
    map,
    who,
    {
      transport: httpTransport('', who.link ?? null),
      store: typeof indexedDB === 'undefined' ? memoryOutbox() : idbOutbox(),
      live: {
        tabId: crypto.randomUUID(),
        open: (url) => new EventSource(url) as unknown as EventStream,
        postPresence: (url, body) =>
          void fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
            credentials: 'same-origin',
          }).catch(() => {}),
      },
      // Only the signed-in may suggest or decide (a view link's page offers neither).
      suggestions: who.me
        ? {
            list: listSuggestionsAction,
            suggest: suggestClaimAction,
            decide: decideSuggestionAction,
          }
        : undefined,
      ...(marks ? { marks: { initial: marks, load: () => loadMarks(map.id) } } : {}),
    },
    opening,
  );
}

/** The map's open marks for review, from the server (null when they could not be read). */
async function loadMarks(mapId: string): Promise<MarkView[] | null> {
  const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/marks`, {
    cache: 'no-store',
    credentials: 'same-origin',
  });
  if (!res.ok) return null;
  return ((await res.json()) as { marks: MarkView[] | null }).marks;
}

/**
 * Starts a session in this window: sends what an earlier visit left unsent, retries at once when
 * the browser is back online, and asks before the tab is left with changes the server has not
 * confirmed. Returns what stops it again (the outbox itself keeps sending).
 */
export function runInWindow(session: EditorSession): () => void {
  session.start();
  const online = () => {
    session.sync.retryNow();
    session.live?.online();
  };
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (session.sync.pending.length === 0) return;
    e.preventDefault();
    e.returnValue = '';
  };
  // Back on the page: what happened to suggestions meanwhile (the stream says it too, when live).
  const focus = () => void session.suggestions?.refresh();
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', beforeUnload);
  window.addEventListener('focus', focus);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('beforeunload', beforeUnload);
    window.removeEventListener('focus', focus);
    session.stop();
  };
}
