import 'server-only';
import type { LiveMessage } from '@/lib/schemas/live';

/**
 * How live messages travel between the code that applies a change and the open event streams of
 * everyone watching that map. One topic per map. This process's implementation is in memory; a
 * deployment with several app servers swaps in one that carries messages between them (PostgreSQL
 * LISTEN/NOTIFY), behind the same two calls. Delivery is best effort: a stream that misses a
 * message notices the gap in revisions and catches up from the operation log.
 */
export interface PubSub {
  publish(mapId: string, message: LiveMessage): void;
  /** Calls `listener` for every message on the map's topic until the returned function is called. */
  subscribe(mapId: string, listener: (message: LiveMessage) => void): () => void;
}

export function memoryPubSub(): PubSub & { listenerCount(mapId: string): number } {
  const topics = new Map<string, Set<(message: LiveMessage) => void>>();
  return {
    publish(mapId, message) {
      for (const listener of topics.get(mapId) ?? []) {
        try {
          listener(message);
        } catch (error) {
          console.error(error);
        }
      }
    },
    subscribe(mapId, listener) {
      let set = topics.get(mapId);
      if (!set) topics.set(mapId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) topics.delete(mapId);
      };
    },
    listenerCount: (mapId) => topics.get(mapId)?.size ?? 0,
  };
}

// One per process (kept on globalThis so the dev server's module reloads share it).
const globalForLive = globalThis as unknown as { counterpointPubSub?: PubSub };

export function pubsub(): PubSub {
  return (globalForLive.counterpointPubSub ??= memoryPubSub());
}

/** Replaces the process's pub/sub (tests; a multi-server deployment at start-up). */
export function setPubSub(next: PubSub) {
  globalForLive.counterpointPubSub = next;
}
