import 'server-only';
import type { LiveMessage } from '@/lib/schemas/live';
import { databaseUrl } from '../config';
import { isPostgresUrl } from '../db-client';
import { postgresPubSub } from './pg-pubsub';

/**
 * Within one process only: "messages for this map may have been missed: read its log". Sent to a
 * map's listeners when the connection that carries messages between app servers was lost and is
 * back, and in place of a change too large to carry. Streams answer it by catching up from the
 * operation log from the last revision they sent (lib/server/live/stream.ts).
 */
export type Resync = { type: 'resync' };
/** Articles a teacher edited (lib/server/article-cache.ts): every server reads them again. */
export type ArticlesChanged = { type: 'articles'; sourceIds: string[] };
export type BusMessage = LiveMessage | Resync | ArticlesChanged;

/**
 * How live messages travel between the code that applies a change and the open event streams of
 * everyone watching that map. One topic per map. On SQLite (one app server) they stay in memory;
 * on PostgreSQL they also travel to the other app servers on the database (LISTEN/NOTIFY,
 * lib/server/live/pg-pubsub.ts), behind the same two calls. Delivery is best effort: a stream
 * that misses a message catches up from the operation log (on a gap, or on a Resync).
 */
export interface PubSub {
  publish(mapId: string, message: BusMessage): void;
  /** Calls `listener` for every message on the map's topic until the returned function is called. */
  subscribe(mapId: string, listener: (message: BusMessage) => void): () => void;
}

export type MemoryPubSub = PubSub & {
  listenerCount(mapId: string): number;
  /** The maps someone here listens to. */
  topics(): string[];
};

export function memoryPubSub(): MemoryPubSub {
  const topics = new Map<string, Set<(message: BusMessage) => void>>();
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
    topics: () => [...topics.keys()],
  };
}

// One per process (kept on globalThis so the dev server's module reloads share it).
const globalForLive = globalThis as unknown as { counterpointPubSub?: PubSub };

/**
 * The process's pub/sub, chosen by the database on first use: PostgreSQL carries messages between
 * the app servers that share it; otherwise they stay in this process.
 */
export function pubsub(): PubSub {
  if (!globalForLive.counterpointPubSub) {
    const url = databaseUrl();
    globalForLive.counterpointPubSub = isPostgresUrl(url) ? postgresPubSub(url) : memoryPubSub();
  }
  return globalForLive.counterpointPubSub;
}

/** Replaces the process's pub/sub (tests). */
export function setPubSub(next: PubSub) {
  globalForLive.counterpointPubSub = next;
}
