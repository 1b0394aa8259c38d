'use client';

import { useCallback, useEffect, useState } from 'react';
import type { HistoryPage } from '@/lib/domain/history';
import { appendOlder, mergeNewest } from './history-model';

export type HistoryLoad =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; log: HistoryPage; refreshError: string | null };

const PAGE = 200;

async function fetchPage(mapId: string, before?: number): Promise<HistoryPage> {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (before !== undefined) query.set('before', String(before));
  let response: Response;
  try {
    response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/history?${query}`, {
      cache: 'no-store',
    });
  } catch {
    throw new Error('The server cannot be reached. Check your connection, then try again.');
  }
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok)
    throw new Error(body?.message ?? 'The history could not be loaded. Try again in a moment.');
  return body as HistoryPage;
}

/**
 * The map's history, page by page, kept in step with the map the tab shows: whenever the tab's
 * revision passes the one the log was read at, the newest page is read again (one read at a time),
 * since the panel walks back from the map as shown and must know every change in it.
 */
/** The pause before the newest page is read again after the map moved on. */
const REFRESH_PAUSE_MS = 800;

export function useHistory(mapId: string, revision: number) {
  const [load, setLoad] = useState<HistoryLoad>({ kind: 'loading' });
  const [older, setOlder] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  const stale =
    load.kind === 'loading' ||
    (load.kind === 'ok' && load.refreshError === null && load.log.revision < revision);

  // Re-runs after each read (load changes), so a map that moved on meanwhile is read again.
  useEffect(() => {
    if (!stale) return;
    let live = true;
    // In a busy map the panel follows at most about once a second, not once per change.
    const wait = load.kind === 'ok' ? REFRESH_PAUSE_MS : 0;
    const timer = setTimeout(() => void read(), wait);
    const read = () =>
      fetchPage(mapId).then(
        (page) => {
          if (!live) return;
          setLoad((prev) => ({
            kind: 'ok',
            log: mergeNewest(prev.kind === 'ok' ? prev.log : null, page),
            refreshError: null,
          }));
        },
        (error: Error) => {
          if (!live) return;
          setLoad((prev) =>
            prev.kind === 'ok'
              ? { ...prev, refreshError: error.message }
              : { kind: 'error', message: error.message },
          );
        },
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [mapId, stale, load]);

  /** Reads again after a failure. */
  const retry = useCallback(
    () =>
      setLoad((prev) =>
        prev.kind === 'ok' ? { ...prev, refreshError: null } : { kind: 'loading' },
      ),
    [],
  );

  const nextBefore = load.kind === 'ok' ? load.log.nextBefore : null;
  const loadOlder = useCallback(async () => {
    if (nextBefore === null) return;
    setOlder({ busy: true, error: null });
    try {
      const page = await fetchPage(mapId, nextBefore);
      setLoad((prev) =>
        prev.kind === 'ok' && prev.log.nextBefore === nextBefore
          ? { ...prev, log: appendOlder(prev.log, page) }
          : prev,
      );
      setOlder({ busy: false, error: null });
    } catch (error) {
      setOlder({ busy: false, error: (error as Error).message });
    }
  }, [mapId, nextBefore]);

  return { load, retry, loadOlder, older };
}
