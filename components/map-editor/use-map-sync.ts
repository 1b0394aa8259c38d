'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MapView } from '@/lib/domain/views';
import { httpTransport } from '@/lib/sync/http-transport';
import { idbOutbox } from '@/lib/sync/idb-outbox';
import { MapSync, type Refusal } from '@/lib/sync/map-sync';
import { memoryOutbox } from '@/lib/sync/memory-outbox';

/**
 * One map's outbox (lib/sync/map-sync.ts) for this tab, and React's view of it: the map as shown
 * and the save status. Sends what an earlier visit left unsent, retries at once when the browser
 * is back online, and asks before the tab is left with changes the server has not confirmed.
 * The outbox outlives the editor on purpose: leaving the page does not stop unsent changes.
 */
export function useMapSync(
  initial: MapView,
  me: { id: string; name: string } | null,
  onRefusal: (refusal: Refusal) => void,
  /** A view link's token, on its read-only page. */
  link: string | null = null,
) {
  const refusal = useRef(onRefusal);
  useEffect(() => {
    refusal.current = onRefusal;
  });
  const [sync] = useState(() => {
    const blocks = new Map(
      initial.debate.theses.map((t) => [t.source.id, t.source.blocks.map((b) => b.text)]),
    );
    return new MapSync({
      mapId: initial.id,
      snapshot: {
        claims: initial.claims,
        anchors: initial.anchors,
        links: initial.links,
        comments: initial.comments,
        revision: initial.revision,
      },
      transport: httpTransport('', link),
      store: typeof indexedDB === 'undefined' ? memoryOutbox() : idbOutbox(),
      env: { blocksOf: (id) => blocks.get(id), ...(me ? { me } : {}) },
      onRefusal: (r) => refusal.current(r),
    });
  });

  useEffect(() => {
    void sync.start();
    const online = () => sync.retryNow();
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (sync.pending.length === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [sync]);

  const subscribe = useCallback((fn: () => void) => sync.subscribe(fn), [sync]);
  const state = useSyncExternalStore(
    subscribe,
    () => sync.state,
    () => sync.state,
  );
  const status = useSyncExternalStore(
    subscribe,
    () => sync.status,
    () => sync.status,
  );
  return { sync, state, status };
}
