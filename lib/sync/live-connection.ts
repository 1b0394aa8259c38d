import type { AccessEnded } from '@/lib/domain/access-ended';
import type { MapChange, PresenceEntry, VoteEvent } from '@/lib/schemas/live';
import type { Clock } from './map-sync';

/**
 * Keeps a map live in one tab, as plain TypeScript: everyone's changes arrive over server-sent
 * events and go to the outbox (lib/sync/map-sync.ts), which applies them in revision order; who
 * else is here (and which claim they have selected or are editing) is kept in `others`.
 *
 * - A dropped connection is reopened by the browser itself, and the server sends what was
 *   missed since the last change heard. A refused stream (signed out, access removed) is tried
 *   again after 2 s, 4 s, 8 s … up to 30 s, and at once when the browser is back online.
 * - When this person's access changes while the page is open, the server ends the stream saying
 *   why (`ended`); nothing reconnects after that.
 * - Where this person is (`setHere`) is sent shortly after it changes, again every 20 s (the
 *   server forgets a tab after a minute), and again on every new connection.
 */

export type LiveState = 'connecting' | 'live' | 'offline';

/** The parts of the browser's EventSource this uses (a fake one in tests). */
export interface EventStream {
  readonly readyState: number;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  addEventListener(type: string, listener: (e: { data: string }) => void): void;
  close(): void;
}

/** EventSource.CLOSED. */
export const STREAM_CLOSED = 2;

export interface LiveOptions {
  mapId: string;
  /** The outbox: where the stream's changes go, and the revision to resume from. */
  sync: { readonly revision: number; receive(change: MapChange): void; catchUp(): Promise<void> };
  /** A view link's token, on its read-only page. */
  link?: string | null;
  /**
   * What the page was rendered for (lib/domain/page-standing.ts): the server ends the stream at
   * once, saying why, if the reader's standing changed before the stream could tell them.
   */
  seen?: string | null;
  /** Whether this tab shows up for others (signed-in people only). */
  presence: boolean;
  tabId: string;
  open(url: string): EventStream;
  /** Posts where this person is; failures are ignored (the next one says it again). */
  postPresence(url: string, body: string): void;
  /** The map's suggestions that this person sees changed (lib/editor/suggestions.ts). */
  onSuggestions?: () => void;
  clock?: Clock;
  /**
   * The map's marks for review changed, or may have while the stream was down (a reconnect):
   * load them again. Only readers who may see marks are told (the server decides).
   */
  onMarks?: () => void;
}

export interface LiveSnapshot {
  state: LiveState;
  /** Whether the stream has been open once (before that, "connecting" is no news to show). */
  connectedOnce: boolean;
  others: PresenceEntry[];
  ended: AccessEnded | null;
}

/**
 * What the stream carries beside the map's changes, for whoever shows it (the class's votes):
 * `open` on every (re)connection, when what was missed should be read again; `vote`, a claim's
 * new tally; `votes`, votes may have been missed (read them again); `debate`, the debate's
 * motion, theses or articles were edited since the page was loaded.
 */
export type LiveEvent =
  { type: 'open' } | { type: 'votes' } | ({ type: 'vote' } & VoteEvent) | { type: 'debate' };

/** How often an open tab repeats where it is (the server forgets a tab after a minute). */
export const PRESENCE_EVERY_MS = 20_000;
/** How soon after a change of place it is said. */
export const PRESENCE_DELAY_MS = 250;

const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LiveConnection {
  #opts: LiveOptions;
  #clock: Clock;
  #source: EventStream | null = null;
  #timers = new Map<'retry' | 'soon' | 'again', unknown>();
  #failures = 0;
  #stopped = true;
  #others: Record<string, PresenceEntry> = {};
  #snapshot: LiveSnapshot = { state: 'connecting', connectedOnce: false, others: [], ended: null };
  #listeners = new Set<() => void>();
  #events = new Set<(event: LiveEvent) => void>();
  #here = { claimId: null as string | null, editing: false };
  #lastSaid = '';

  constructor(opts: LiveOptions) {
    this.#opts = opts;
    this.#clock = opts.clock ?? realClock;
  }

  get snapshot(): LiveSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with every LiveEvent until the returned function is called. */
  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  #emit(event: LiveEvent) {
    for (const l of this.#events) l(event);
  }

  start(): void {
    if (!this.#stopped || this.#snapshot.ended) return;
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#source?.close();
    this.#source = null;
    this.#cancel('retry');
    this.#stopPresence();
  }

  /** The browser is back online: a refused stream is tried again now, not after its pause. */
  online(): void {
    if (this.#stopped || this.#source?.readyState !== STREAM_CLOSED) return;
    this.#cancel('retry');
    this.#connect();
  }

  /** Where this person is: said to the others soon, and repeated while the tab is open. */
  setHere(here: { claimId: string | null; editing: boolean }): void {
    if (here.claimId === this.#here.claimId && here.editing === this.#here.editing) return;
    this.#here = here;
    this.#schedulePresence();
  }

  #connect() {
    const { sync, mapId, link, seen, presence, tabId } = this.#opts;
    const params = new URLSearchParams({ since: String(sync.revision) });
    if (presence) params.set('tab', tabId);
    if (link) params.set('link', link);
    if (seen) params.set('seen', seen);
    const source = this.#opts.open(`/api/maps/${encodeURIComponent(mapId)}/events?${params}`);
    this.#source = source;
    source.onopen = () => {
      this.#failures = 0;
      this.#others = {};
      // Marks are not in the log: whatever changed while the stream was down is loaded now.
      if (this.#snapshot.connectedOnce) this.#opts.onMarks?.();
      this.#set({ state: 'live', connectedOnce: true });
      // Anything missed while the stream was being set up comes from the log.
      void sync.catchUp();
      this.#lastSaid = '';
      this.#schedulePresence();
      this.#emit({ type: 'open' });
    };
    source.addEventListener('change', (e) => sync.receive(JSON.parse(e.data) as MapChange));
    source.addEventListener('reload', () => void sync.catchUp());
    source.addEventListener('marks', () => this.#opts.onMarks?.());
    source.addEventListener('suggestions', () => this.#opts.onSuggestions?.());
    source.addEventListener('vote', (e) =>
      this.#emit({ type: 'vote', ...(JSON.parse(e.data) as VoteEvent) }),
    );
    source.addEventListener('votes', () => this.#emit({ type: 'votes' }));
    source.addEventListener('debate', () => this.#emit({ type: 'debate' }));
    source.addEventListener('presence', (e) => {
      const { entry } = JSON.parse(e.data) as { entry: PresenceEntry };
      if (entry.tabId === tabId) return;
      this.#others = { ...this.#others, [entry.tabId]: entry };
      this.#set({});
    });
    source.addEventListener('leave', (e) => {
      const { tabId: gone, userId } = JSON.parse(e.data) as { tabId: string; userId: string };
      if (this.#others[gone]?.userId !== userId) return;
      const { [gone]: _gone, ...rest } = this.#others;
      this.#others = rest;
      this.#set({});
    });
    source.addEventListener('access', (e) => {
      // This person's access changed: the stream is over, and the page says why.
      this.stop();
      this.#others = {};
      this.#set({ state: 'offline', ended: JSON.parse(e.data) as AccessEnded });
    });
    source.onerror = () => {
      if (this.#stopped) return;
      if (source.readyState !== STREAM_CLOSED) return this.#set({ state: 'connecting' });
      // The server refused the stream (not a dropped connection): try again later.
      this.#set({ state: 'offline' });
      const wait = Math.min(30_000, 2000 * 2 ** this.#failures++);
      this.#after('retry', wait, () => this.#connect());
    };
  }

  #schedulePresence() {
    if (!this.#opts.presence || this.#stopped) return;
    this.#stopPresence();
    this.#after('soon', PRESENCE_DELAY_MS, () => this.#sayWhere(false));
    const repeat = () => {
      this.#sayWhere(true);
      this.#after('again', PRESENCE_EVERY_MS, repeat);
    };
    this.#after('again', PRESENCE_EVERY_MS, repeat);
  }

  #sayWhere(force: boolean) {
    const body = JSON.stringify({ tabId: this.#opts.tabId, ...this.#here });
    if (!force && body === this.#lastSaid) return;
    this.#lastSaid = body;
    this.#opts.postPresence(`/api/maps/${encodeURIComponent(this.#opts.mapId)}/presence`, body);
  }

  #stopPresence() {
    this.#cancel('soon');
    this.#cancel('again');
  }

  #after(name: 'retry' | 'soon' | 'again', ms: number, fn: () => void) {
    this.#cancel(name);
    this.#timers.set(
      name,
      this.#clock.setTimeout(() => {
        this.#timers.delete(name);
        fn();
      }, ms),
    );
  }

  #cancel(name: 'retry' | 'soon' | 'again') {
    if (this.#timers.has(name)) this.#clock.clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  #set(change: Partial<LiveSnapshot>) {
    this.#snapshot = { ...this.#snapshot, ...change, others: Object.values(this.#others) };
    for (const l of this.#listeners) l();
  }
}
