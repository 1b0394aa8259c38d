import { createStore, get, update, type UseStore } from 'idb-keyval';
import type { Op } from '@/lib/schemas/ops';
import type { OutboxStore } from './map-sync';

/**
 * The outbox in IndexedDB (through idb-keyval): one list of operations per map, so a tab that is
 * closed, reloaded or crashes before the server answered sends them when the map is opened
 * again. Each change runs in one IndexedDB transaction (idb-keyval's update), so two tabs of the
 * same map do not overwrite each other's entries.
 */
export function idbOutbox(store: UseStore = createStore('counterpoint', 'outbox')): OutboxStore {
  const key = (mapId: string) => `map:${mapId}`;
  return {
    async list(mapId) {
      return (await get<Op[]>(key(mapId), store)) ?? [];
    },
    add(mapId, op) {
      return update<Op[]>(
        key(mapId),
        (ops = []) => [...ops.filter((o) => o.id !== op.id), op],
        store,
      );
    },
    remove(mapId, ids) {
      const gone = new Set(ids);
      return update<Op[]>(key(mapId), (ops = []) => ops.filter((o) => !gone.has(o.id)), store);
    },
  };
}
