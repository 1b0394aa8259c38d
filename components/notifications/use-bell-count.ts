'use client';

import { useEffect, useRef, useState } from 'react';
import type { BellCount } from '@/lib/domain/notifications';

const STREAM = '/api/notifications/events';

/**
 * The unread count, live, with one stream per browser rather than per tab: a browser opens at
 * most six connections to a site, and every open map already holds one for its own live stream,
 * so a second per tab would soon leave none for saving. The tabs of one person elect one of them
 * (a Web Lock, released when that tab closes) to hold the stream; it tells the others each count
 * over a BroadcastChannel. Where the browser has neither, each tab holds its own.
 * `onCount` runs in every tab for every count (the open panel reloads its list).
 */
export function useBellCount(
  userKey: string,
  initial: number,
  onCount: (unread: number) => void,
): [number, (unread: number) => void] {
  const [unread, setUnread] = useState(initial);
  const onCountNow = useRef(onCount);
  useEffect(() => {
    onCountNow.current = onCount;
  });

  useEffect(() => {
    const name = `counterpoint-bell:${userKey}`;
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    const heard = (n: number) => {
      setUnread(n);
      onCountNow.current(n);
    };
    if (channel) {
      channel.onmessage = (e: MessageEvent<BellCount>) => heard(e.data.unread);
    }
    /** Follows the stream until `stop` aborts (or the session ends). */
    const follow = (stop: AbortSignal) =>
      new Promise<void>((done) => {
        const source = new EventSource(STREAM);
        const end = () => {
          source.close();
          done();
        };
        source.addEventListener('count', (e) => {
          const count = JSON.parse((e as MessageEvent<string>).data) as BellCount;
          heard(count.unread);
          channel?.postMessage(count);
        });
        // The session ended (signed out everywhere): nothing to follow any more.
        source.addEventListener('ended', end);
        stop.addEventListener('abort', end);
      });
    const stop = new AbortController();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks && channel) {
      locks
        .request(name, { signal: stop.signal }, () => follow(stop.signal))
        .catch(() => {
          // Aborted while waiting for another tab to let go: this tab is leaving.
        });
    } else void follow(stop.signal);
    return () => {
      stop.abort();
      channel?.close();
    };
  }, [userKey]);

  return [unread, setUnread];
}
