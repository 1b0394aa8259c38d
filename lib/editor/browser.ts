import type { MapView } from '@/lib/domain/views';
import { httpTransport } from '@/lib/sync/http-transport';
import { idbOutbox } from '@/lib/sync/idb-outbox';
import type { EventStream } from '@/lib/sync/live-connection';
import { memoryOutbox } from '@/lib/sync/memory-outbox';
import { EditorSession, type Opening, type Who } from './session';

/**
 * An editor session wired to the browser: operations go over HTTP and wait in IndexedDB, the
 * live stream is an EventSource, and where this person is goes out with fetch.
 */
export function browserSession(map: MapView, who: Who, opening: Opening = {}): EditorSession {
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
    },
    opening,
  );
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
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('beforeunload', beforeUnload);
    session.stop();
  };
}
