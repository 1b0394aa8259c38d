import 'server-only';
import type { PresenceEntry } from '@/lib/schemas/live';
import { pubsub } from './pubsub';

/** A tab that has not said it is here for this long is gone (tabs repeat themselves every 20 s). */
export const PRESENCE_TTL_MS = 60_000;

/**
 * Who has each map open, as far as this process has heard: filled from the map's live messages,
 * so on several app servers each one learns of the tabs connected to the others. Kept only for
 * maps with an open stream here, and bounded by them.
 */
const maps = new Map<
  string,
  { entries: Map<string, PresenceEntry & { at: number }>; streams: number; stop: () => void }
>();

/** At most this many tabs are remembered per map; the stalest go first. */
export const PRESENCE_MAX = 300;

/** Notes a tab's presence: a tab id stays with the person who first used it; the list is bounded. */
function remember(entries: Map<string, PresenceEntry & { at: number }>, entry: PresenceEntry) {
  const known = entries.get(entry.tabId);
  if (known && known.userId !== entry.userId) return;
  const now = Date.now();
  entries.delete(entry.tabId);
  entries.set(entry.tabId, { ...entry, at: now });
  for (const [tabId, e] of entries) {
    if (entries.size <= PRESENCE_MAX && now - e.at <= PRESENCE_TTL_MS) break;
    entries.delete(tabId);
  }
}

/** Starts listening for a map's presence (one call per open stream; `release` when it closes). */
export function trackPresence(mapId: string): () => void {
  let map = maps.get(mapId);
  if (!map) {
    const entries = new Map<string, PresenceEntry & { at: number }>();
    const stop = pubsub().subscribe(mapId, (message) => {
      if (message.type === 'presence') remember(entries, message.entry);
      // Only the tab's own person can say it left (a tab id is not a secret).
      if (message.type === 'leave' && entries.get(message.tabId)?.userId === message.userId)
        entries.delete(message.tabId);
    });
    maps.set(mapId, (map = { entries, streams: 0, stop }));
  }
  map.streams++;
  const tracked = map;
  return () => {
    tracked.streams--;
    if (tracked.streams === 0) {
      tracked.stop();
      maps.delete(mapId);
    }
  };
}

/** The tabs present in a map now. */
export function presentIn(mapId: string): PresenceEntry[] {
  const map = maps.get(mapId);
  if (!map) return [];
  const now = Date.now();
  const out: PresenceEntry[] = [];
  for (const [tabId, { at, ...entry }] of map.entries) {
    if (now - at > PRESENCE_TTL_MS) map.entries.delete(tabId);
    else out.push(entry);
  }
  return out;
}

/**
 * Presence is coalesced per person and map: the first message goes out at once, and for the rest
 * of this window only the latest of each of their tabs is kept, sent when it ends (so a tab that
 * pings a thousand times a second costs every watcher one or two events a second).
 */
export const PRESENCE_WINDOW_MS = 1000;
/** Tabs of one person whose latest presence waits for the window's end, at most. */
const PENDING_TABS_MAX = 10;

const throttled = new Map<string, Map<string, PresenceEntry>>();

export function announce(mapId: string, entry: PresenceEntry) {
  const key = `${mapId}\n${entry.userId}`;
  const pending = throttled.get(key);
  if (pending) {
    pending.delete(entry.tabId);
    pending.set(entry.tabId, entry);
    if (pending.size > PENDING_TABS_MAX) pending.delete(pending.keys().next().value!);
    return;
  }
  pubsub().publish(mapId, { type: 'presence', entry });
  const waiting = new Map<string, PresenceEntry>();
  throttled.set(key, waiting);
  const flush = () => {
    if (waiting.size === 0) return void throttled.delete(key);
    const entries = [...waiting.values()];
    waiting.clear();
    for (const e of entries) pubsub().publish(mapId, { type: 'presence', entry: e });
    setTimeout(flush, PRESENCE_WINDOW_MS).unref?.();
  };
  setTimeout(flush, PRESENCE_WINDOW_MS).unref?.();
}

export function leave(mapId: string, tabId: string, userId: string) {
  // A presence still waiting would bring the tab back after it left.
  throttled.get(`${mapId}\n${userId}`)?.delete(tabId);
  pubsub().publish(mapId, { type: 'leave', tabId, userId });
}
