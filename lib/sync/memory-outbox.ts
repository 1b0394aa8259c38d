import type { Op } from '@/lib/schemas/ops';
import type { OutboxStore } from './map-sync';

/** An outbox kept in memory only: where the browser has no IndexedDB, and in tests. */
export function memoryOutbox(): OutboxStore {
  const lists = new Map<string, Op[]>();
  return {
    list: async (mapId) => [...(lists.get(mapId) ?? [])],
    add: async (mapId, op) => void lists.set(mapId, [...(lists.get(mapId) ?? []), op]),
    remove: async (mapId, ids) =>
      void lists.set(
        mapId,
        (lists.get(mapId) ?? []).filter((o) => !ids.includes(o.id)),
      ),
  };
}
