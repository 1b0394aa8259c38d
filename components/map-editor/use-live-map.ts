'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AccessEnded } from '@/lib/domain/access-ended';
import type { MapChange, PresenceEntry } from '@/lib/schemas/live';
import type { MapSync } from '@/lib/sync/map-sync';

export type LiveState = 'connecting' | 'live' | 'offline';

/** How often an open tab repeats where it is (the server forgets a tab after a minute). */
const PRESENCE_EVERY_MS = 20_000;

/**
 * Keeps a map live in this tab: everyone's changes arrive over server-sent events and go into the
 * outbox's confirmed state in revision order (lib/sync/map-sync.ts), and who else is here (and
 * which claim they have selected or are editing) is shown. The browser reconnects by itself and
 * the server sends what was missed since the last change heard; a refused stream (signed out,
 * access removed) is tried again with a growing pause. When this person's access changes while
 * the page is open, the server ends the stream saying why (`ended`), and the page shows it.
 */
export function useLiveMap(
  sync: MapSync,
  opts: {
    /** The view link's token on a shared page; absent in the editor. */
    link?: string | null;
    /** Where this person is, for presence (signed-in people only). */
    here?: { claimId: string | null; editing: boolean } | null;
  },
) {
  const [tabId] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<LiveState>('connecting');
  const [others, setOthers] = useState<Record<string, PresenceEntry>>({});
  const [ended, setEnded] = useState<AccessEnded | null>(null);
  // Rises with every (re)connection, so this tab says where it is again to the new stream.
  const [connections, setConnections] = useState(0);
  const link = opts.link ?? null;
  const presence = opts.here !== undefined && opts.here !== null;

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      const params = new URLSearchParams({ since: String(sync.revision) });
      if (presence) params.set('tab', tabId);
      if (link) params.set('link', link);
      source = new EventSource(`/api/maps/${encodeURIComponent(sync.mapId)}/events?${params}`);
      source.onopen = () => {
        failures = 0;
        setState('live');
        setOthers({});
        setConnections((n) => n + 1);
        // Anything missed while the stream was being set up comes from the log.
        void sync.catchUp();
      };
      source.addEventListener('change', (e) => sync.receive(JSON.parse(e.data) as MapChange));
      source.addEventListener('reload', () => void sync.catchUp());
      source.addEventListener('presence', (e) => {
        const { entry } = JSON.parse(e.data) as { entry: PresenceEntry };
        if (entry.tabId !== tabId) setOthers((all) => ({ ...all, [entry.tabId]: entry }));
      });
      source.addEventListener('leave', (e) => {
        const { tabId: gone, userId } = JSON.parse(e.data) as { tabId: string; userId: string };
        setOthers((all) => {
          if (all[gone]?.userId !== userId) return all;
          const { [gone]: _gone, ...rest } = all;
          return rest;
        });
      });
      source.addEventListener('access', (e) => {
        // This person's access changed: the stream is over, and the page says why.
        stopped = true;
        source?.close();
        setState('offline');
        setOthers({});
        setEnded(JSON.parse(e.data) as AccessEnded);
      });
      source.onerror = () => {
        setState('connecting');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        // The server refused the stream (not a dropped connection): try again later.
        setState('offline');
        const wait = Math.min(30_000, 2000 * 2 ** failures++);
        retry = setTimeout(connect, wait);
      };
    };
    connect();
    const online = () => {
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        if (retry) clearTimeout(retry);
        connect();
      }
    };
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      source?.close();
      if (retry) clearTimeout(retry);
      window.removeEventListener('online', online);
    };
  }, [sync, tabId, link, presence]);

  // Says where this person is when it changes, and again now and then so they stay listed.
  const claimId = opts.here?.claimId ?? null;
  const editing = opts.here?.editing ?? false;
  const last = useRef('');
  useEffect(() => {
    if (!presence || ended) return;
    const send = (force: boolean) => {
      const body = JSON.stringify({ tabId, claimId, editing });
      if (!force && body === last.current) return;
      last.current = body;
      void fetch(`/api/maps/${encodeURIComponent(sync.mapId)}/presence`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        credentials: 'same-origin',
      }).catch(() => {});
    };
    const soon = setTimeout(() => send(false), 250);
    last.current = '';
    const again = setInterval(() => send(true), PRESENCE_EVERY_MS);
    return () => {
      clearTimeout(soon);
      clearInterval(again);
    };
  }, [presence, sync, tabId, claimId, editing, connections, ended]);

  const list = useMemo(() => Object.values(others), [others]);
  return { live: state, others: list, tabId, ended };
}
