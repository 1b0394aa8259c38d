import 'server-only';
import type { DebateView } from '@/lib/domain/views';
import { listenForArticleEdits, onArticleEdits } from './article-cache';

/**
 * The parts of pages that are the same for every reader, kept in this process so a page does not
 * read and build them for every request: a debate as its view (motion, theses, both articles),
 * what the home page needs to find the featured debate, and the maps' contents per revision
 * (lib/server/map-snapshot.ts uses `remember` below).
 *
 * Nothing personal is ever kept here: a debate is the same for everyone who may read it (access
 * is checked by the caller, before or after, as before), and a map's contents are kept unredacted
 * and pass through the reader's lens on every request (seeMap).
 *
 * A debate changes only when its teacher edits it (lib/server/classroom/debate-edit.ts, which
 * calls articlesChanged after the commit): every entry here is forgotten at once in this process,
 * and on every other app server through the live pub/sub (lib/server/article-cache.ts), or by
 * the resync that follows a lost connection between servers. An entry is also never used for
 * longer than MAX_AGE_MS. A read that was under way when an edit arrived is not kept (the
 * generation below), so an old read cannot land after the forgetting.
 */

const MAX_AGE_MS = 10 * 60 * 1000;

/** Bumped whenever everything is forgotten: a read started before is not kept. */
let generation = 0;

const forgetAll = new Set<() => void>();
onArticleEdits(() => {
  generation++;
  for (const forget of forgetAll) forget();
});

/**
 * A store of entries that are forgotten with the articles (and after MAX_AGE_MS), oldest first
 * when full: at most `budget` in all, each weighing `weigh(value)` (1 by default). A value is
 * kept only when `keep(value)` says so (by default: when it is not null).
 *
 * Readers who miss while the same entry is being read wait for that read rather than read it
 * again (thirty students opening a map just edited read its contents once), unless everything
 * was forgotten since it started (it would be the old contents).
 */
export function sharedStore<T>(
  budget: number,
  weigh: (value: T) => number = () => 1,
  keep: (value: T) => boolean = (value) => value !== null,
) {
  const entries = new Map<string, { value: T; at: number; weight: number }>();
  const reading = new Map<string, { generation: number; value: Promise<T> }>();
  let total = 0;
  forgetAll.add(() => {
    entries.clear();
    total = 0;
  });
  const drop = (key: string) => {
    total -= entries.get(key)?.weight ?? 0;
    return entries.delete(key);
  };
  const store = (key: string, value: T) => {
    drop(key);
    const weight = weigh(value);
    while (entries.size && total + weight > budget) drop(entries.keys().next().value!);
    if (weight <= budget) {
      entries.set(key, { value, at: Date.now(), weight });
      total += weight;
    }
  };
  return {
    /**
     * The entry for `key` (when `usable` says it is), or else the read of it under way (when
     * usable), or else `read()`, kept in its place unless an edit arrived meanwhile. Whoever
     * waits for a read gets what it answers, a failure too.
     */
    async get(key: string, read: () => Promise<T>, usable?: (value: T) => boolean): Promise<T> {
      listenForArticleEdits();
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < MAX_AGE_MS && (!usable || usable(hit.value))) {
        // Most recently used last: the oldest unused entry goes first when the store is full.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const under = reading.get(key);
      if (under && under.generation === generation) {
        const value = await under.value;
        if (!usable || usable(value)) return value;
      }
      const flight = { generation, value: read().then(deepFreeze) };
      reading.set(key, flight);
      try {
        const value = await flight.value;
        if (flight.generation === generation && keep(value)) store(key, value);
        return value;
      } finally {
        if (reading.get(key) === flight) reading.delete(key);
      }
    },
    delete: drop,
  };
}

/**
 * Frozen, so a page that changed a shared object by mistake fails loudly instead of changing
 * what the next reader sees. Bytes (a kept page's) cannot be frozen: only copied from.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Debates as their views, by id. */
export const debateViews = sharedStore<DebateView | null>(100);
