/**
 * The live part of the load test: people watching one map while someone writes in it. Each
 * watcher holds the map's event stream open (GET /api/maps/:id/events, server-sent events, as the
 * editor does) and notes when each change arrives; the writer notes when it sent each change.
 * Latency is from the writer sending the change to a watcher receiving it (one process, one
 * clock), for every watcher and every acknowledged change.
 */
import { performance } from 'node:perf_hooks';

export interface WatchResult {
  watchers: number;
  /** Changes the writer had acknowledged. */
  changes: number;
  /** Change × watcher pairs that arrived, and their latencies. */
  latencies: number[];
  /** Acknowledged changes a watcher never received before the end. */
  missing: number;
}

interface Watcher {
  received: Map<number, number>;
  stop: () => void;
  ready: Promise<void>;
}

/** Opens one watcher's stream and records each change's revision and arrival time. */
function openWatcher(base: string, mapId: string, cookie: string, since: number): Watcher {
  const received = new Map<number, number>();
  const controller = new AbortController();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    try {
      const res = await fetch(`${base}/api/maps/${mapId}/events?since=${since}`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (res.status !== 200 || !res.body) throw new Error(`events answered ${res.status}`);
      markReady();
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!/^event: change$/m.test(block)) continue;
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (id) received.set(Number(id), performance.now());
        }
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') console.error('watcher:', (e as Error).message);
      markReady();
    }
  })();
  return { received, ready, stop: () => controller.abort() };
}

export async function watchMap(opts: {
  /** The server each watcher connects to. */
  bases: string[];
  mapId: string;
  since: number;
  watcherCookies: string[];
  seconds: number;
  think: () => number;
  /** Sends one change; resolves with its revision when acknowledged, or null. */
  write: () => Promise<number | null>;
}): Promise<WatchResult> {
  const watchers = opts.watcherCookies.map((c, i) =>
    openWatcher(opts.bases[i]!, opts.mapId, c, opts.since),
  );
  await Promise.all(watchers.map((w) => w.ready));
  const sentAt = new Map<number, number>();
  const deadline = performance.now() + opts.seconds * 1000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    const revision = await opts.write();
    if (revision !== null) sentAt.set(revision, t0);
    await new Promise((r) => setTimeout(r, opts.think()));
  }
  // Give the last change a moment to arrive everywhere.
  await new Promise((r) => setTimeout(r, 1000));
  watchers.forEach((w) => w.stop());
  const latencies: number[] = [];
  let missing = 0;
  for (const w of watchers) {
    for (const [revision, t0] of sentAt) {
      const at = w.received.get(revision);
      if (at === undefined) missing++;
      else latencies.push(at - t0);
    }
  }
  return { watchers: watchers.length, changes: sentAt.size, latencies, missing };
}
