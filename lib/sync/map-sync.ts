import { applyAck, applyOp, type ApplyEnv, type MapState } from '@/lib/domain/apply-op';
import type { MapAuthors } from '@/lib/domain/views';
import type { ChangesResponse, MapChange } from '@/lib/schemas/live';
import { OPS_PER_REQUEST, type Op, type OpsResponse } from '@/lib/schemas/ops';

/**
 * The editor's save path, as plain TypeScript (no React, no browser APIs): an outbox of
 * operations that is kept in durable storage, sent in order, retried with backoff until the
 * server answers, and rebased on the server's state (tldraw's sync client works the same way).
 *
 * - `confirmed` is the map as the server has it (as far as this tab knows); `pending` are this
 *   tab's operations not yet answered. The screen shows pending applied on top of confirmed.
 * - An operation is stored before it is sent, so a closed or crashed tab sends it when the map
 *   is opened again. Each has an id; the server applies an id once, so resending is safe.
 * - A network failure, a busy or full server, or an expired session keep every operation and
 *   retry; only a refusal (the change is not allowed, or no longer fits) drops an operation, and
 *   then the person is told why, and the map is reloaded from the server.
 * - Everyone's changes, this tab's included, are numbered by the map's revision. `confirmed` is
 *   the map at `revision`; changes that arrive out of order (an answer before the live stream's
 *   copy of an earlier change) wait in `ahead` until the gap is filled, and are shown meanwhile.
 *   A gap that does not fill soon is fetched from the server's log; too far behind, the tab
 *   loads the whole map again. So every tab applies the same changes in the same order.
 */

/** Where unsent operations are kept (IndexedDB in the browser; memory in tests). */
export interface OutboxStore {
  list(mapId: string): Promise<Op[]>;
  add(mapId: string, op: Op): Promise<void>;
  remove(mapId: string, ids: string[]): Promise<void>;
}

export type FailureKind = 'offline' | 'unavailable' | 'signed-out' | 'server';

/** A request that did not get an answer about its operations: they are all kept and retried. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The map as the server sends it: its contents at a revision (and who wrote its claims). */
export type Snapshot = Omit<MapState, 'trash'> & { revision: number; authors?: MapAuthors };

export interface SyncTransport {
  /** Sends operations in order; throws TransportError when there is no answer about them. */
  send(mapId: string, ops: Op[]): Promise<OpsResponse>;
  /** The map as the server has it now. */
  load(mapId: string): Promise<Snapshot>;
  /** The changes after a revision, from the server's log (or "reload" when too far behind). */
  changes(mapId: string, since: number): Promise<ChangesResponse>;
}

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SyncStatus =
  | { kind: 'saved' }
  | { kind: 'saving'; pending: number }
  | { kind: 'waiting'; pending: number; failure: FailureKind; reason: string; retryInMs: number };

/** An operation the server refused: it is not in the map, and the person is told why. */
export interface Refusal {
  op: Op;
  code: string;
  message: string;
  /** For a conflicting edit: what is saved now. */
  current?: { text?: string; note?: string };
}

/** Waits between retries: 1 s, 2 s, 4 s … up to 30 s, with jitter so tabs do not retry in step. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

const defaultClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** How long a gap in revisions may stay open before the missing changes are fetched. */
export const GAP_WAIT_MS = 1000;
/** At most this many changes wait for a gap to fill; more, and the tab loads the map again. */
export const AHEAD_MAX = 1000;

export interface MapSyncOptions {
  mapId: string;
  snapshot: Snapshot;
  transport: SyncTransport;
  store: OutboxStore;
  env: ApplyEnv;
  clock?: Clock;
  random?: () => number;
  onRefusal?: (refusal: Refusal) => void;
  /** Each change as `confirmed` takes it in, in order (this tab's own answered ones: no actorId). */
  onConfirmed?: (change: MapChange) => void;
  /** The map as loaded again from the server (after a refusal, or too far behind). */
  onLoaded?: (snapshot: Snapshot) => void;
}

export class MapSync {
  readonly mapId: string;
  #confirmed: MapState;
  #revision: number;
  #ahead = new Map<number, MapChange>();
  #gapTimer: unknown = null;
  #pending: Op[] = [];
  #view: MapState;
  // Until start() has looked for changes an earlier visit left unsent, nothing is "saved" yet.
  #status: SyncStatus = { kind: 'saving', pending: 0 };
  #listeners = new Set<() => void>();
  #opts: MapSyncOptions;
  #clock: Clock;
  #sending = false;
  #retryTimer: unknown = null;
  #attempt = 0;
  #stored: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(opts: MapSyncOptions) {
    this.#opts = opts;
    this.mapId = opts.mapId;
    this.#clock = opts.clock ?? defaultClock;
    const { revision, ...contents } = opts.snapshot;
    this.#confirmed = { ...contents, trash: {} };
    this.#revision = revision;
    this.#view = this.#confirmed;
  }

  /** The revision `confirmed` is at: every change up to it has been applied, in order. */
  get revision(): number {
    return this.#revision;
  }

  /**
   * Takes in a change from the live stream (anyone's, this tab's included). A change this tab
   * already has is ignored; one of this tab's own operations whose answer has not come yet
   * counts as answered.
   */
  receive(change: MapChange): void {
    if (this.#disposed || change.revision <= this.#revision) return;
    const mine = this.#pending.findIndex((op) => op.id === change.op.id);
    if (mine >= 0) {
      this.#pending.splice(mine, 1);
      void this.#opts.store.remove(this.mapId, [change.op.id]).catch(() => {});
    }
    this.#ahead.set(change.revision, change);
    if (this.#ahead.size > AHEAD_MAX) {
      // Far behind with a gap that does not fill: start again from the server's map.
      this.#ahead.clear();
      void this.#reload();
    }
    this.#integrate();
    if (mine >= 0) this.#kick();
  }

  /** Asks the server for every change after this tab's revision (after a reconnect, or a gap). */
  async catchUp(): Promise<void> {
    if (this.#disposed) return;
    try {
      const answer = await this.#opts.transport.changes(this.mapId, this.#revision);
      if ('reload' in answer) return await this.#reload();
      for (const change of answer.changes) this.receive(change);
    } catch {
      // Not reachable now: try again while a gap is open (the stream's reconnect asks too).
      if (this.#ahead.size > 0 && this.#gapTimer === null && !this.#disposed) {
        this.#gapTimer = this.#clock.setTimeout(() => {
          this.#gapTimer = null;
          void this.catchUp();
        }, GAP_WAIT_MS * 5);
      }
    }
  }

  /** The map as the screen should show it: confirmed plus this tab's pending operations. */
  get state(): MapState {
    return this.#view;
  }

  get status(): SyncStatus {
    return this.#status;
  }

  /** Operations not yet acknowledged by the server. */
  get pending(): readonly Op[] {
    return this.#pending;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Picks up operations a previous visit left unsent, shows them, and sends them. */
  async start(): Promise<void> {
    const stored = await this.#opts.store.list(this.mapId);
    const known = new Set(this.#pending.map((op) => op.id));
    const left = stored.filter((op) => !known.has(op.id));
    if (left.length > 0) {
      this.#pending = [...left, ...this.#pending];
      this.#rebase();
    }
    this.#kick();
  }

  /** Shows an operation at once and saves it: stored first, then sent in order. */
  submit(op: Op): void {
    if (this.#disposed) return;
    this.#pending.push(op);
    this.#stored = this.#stored.then(() =>
      this.#opts.store.add(this.mapId, op).catch(() => {
        // Storage can be unavailable (private mode, quota): the operation is still sent from memory.
      }),
    );
    this.#view = applyOp(this.#view, op, this.#opts.env);
    this.#kick();
  }

  /** Retries now instead of waiting for the timer (the browser is back online, or asked by hand). */
  retryNow(): void {
    if (this.#retryTimer !== null) {
      this.#clock.clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
    this.#kick();
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#retryTimer !== null) this.#clock.clearTimeout(this.#retryTimer);
    if (this.#gapTimer !== null) this.#clock.clearTimeout(this.#gapTimer);
    this.#listeners.clear();
  }

  /** Applies the waiting changes that are next in order; shows the rest; fetches a gap that stays. */
  #integrate() {
    let next: MapChange | undefined;
    while ((next = this.#ahead.get(this.#revision + 1))) {
      this.#ahead.delete(next.revision);
      this.#confirmed = applyAck(this.#confirmed, next.op, next.data, this.#opts.env);
      this.#revision = next.revision;
      this.#opts.onConfirmed?.(next);
    }
    for (const revision of this.#ahead.keys()) {
      if (revision <= this.#revision) this.#ahead.delete(revision);
    }
    if (this.#ahead.size === 0 && this.#gapTimer !== null) {
      this.#clock.clearTimeout(this.#gapTimer);
      this.#gapTimer = null;
    } else if (this.#ahead.size > 0 && this.#gapTimer === null) {
      this.#gapTimer = this.#clock.setTimeout(() => {
        this.#gapTimer = null;
        void this.catchUp();
      }, GAP_WAIT_MS);
    }
    this.#rebase();
    this.#emit();
  }

  #emit() {
    for (const listener of this.#listeners) listener();
  }

  #rebase() {
    const env = this.#opts.env;
    const ahead = [...this.#ahead.values()].sort((a, b) => a.revision - b.revision);
    const shown = ahead.reduce((s, c) => applyAck(s, c.op, c.data, env), this.#confirmed);
    this.#view = this.#pending.reduce((s, op) => applyOp(s, op, env), shown);
  }

  #setStatus(status: SyncStatus) {
    this.#status = status;
    this.#emit();
  }

  #kick() {
    if (this.#disposed) return;
    if (this.#pending.length === 0 && !this.#sending && this.#retryTimer !== null) {
      // Nothing left to retry (the live stream confirmed what was waiting).
      this.#clock.clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
    if (this.#sending || this.#retryTimer !== null) {
      // Already on its way, or waiting to retry: only the count changes.
      const status = this.#status;
      this.#setStatus(
        status.kind === 'waiting'
          ? { ...status, pending: this.#pending.length }
          : { kind: 'saving', pending: this.#pending.length },
      );
      return;
    }
    if (this.#pending.length === 0) {
      this.#setStatus({ kind: 'saved' });
      return;
    }
    this.#setStatus({ kind: 'saving', pending: this.#pending.length });
    void this.#flush();
  }

  async #flush(): Promise<void> {
    this.#sending = true;
    let wait: { failure: FailureKind; reason: string } | null = null;
    try {
      while (this.#pending.length > 0 && !this.#disposed) {
        await this.#stored;
        const batch = this.#pending.slice(0, OPS_PER_REQUEST);
        const response = await this.#opts.transport.send(this.mapId, batch);
        const outcome = this.#take(batch, response);
        if (outcome.refused) await this.#reload();
        if (outcome.retry) {
          wait = { failure: 'unavailable', reason: outcome.retry };
          break;
        }
        if (!outcome.progress) {
          wait = { failure: 'server', reason: 'The server did not answer for these changes.' };
          break;
        }
        this.#attempt = 0;
        if (this.#pending.length > 0)
          this.#setStatus({ kind: 'saving', pending: this.#pending.length });
      }
    } catch (error) {
      wait =
        error instanceof TransportError
          ? { failure: error.kind, reason: error.message }
          : { failure: 'server', reason: 'Something went wrong while saving.' };
    } finally {
      this.#sending = false;
    }
    if (this.#disposed) return;
    if (wait && this.#pending.length > 0) {
      const retryInMs = backoff(this.#attempt++, this.#opts.random);
      this.#retryTimer = this.#clock.setTimeout(() => {
        this.#retryTimer = null;
        this.#kick();
      }, retryInMs);
      this.#setStatus({ kind: 'waiting', pending: this.#pending.length, ...wait, retryInMs });
    } else {
      this.#kick();
    }
  }

  /** Takes in the answers for a batch, in order; stops at the first "try again later". */
  #take(batch: Op[], response: OpsResponse) {
    const answered = new Set<string>();
    let refused = false;
    let retry: string | null = null;
    for (const result of response.results) {
      const op = batch.find((o) => o.id === result.id);
      if (!op) continue;
      if (result.ok) {
        if (result.revision > this.#revision) {
          this.#ahead.set(result.revision, {
            revision: result.revision,
            actorId: '',
            op,
            data: result.data,
          });
        }
        answered.add(op.id);
      } else if (result.retry) {
        retry = result.message;
        break;
      } else {
        answered.add(op.id);
        refused = true;
        this.#opts.onRefusal?.({
          op,
          code: result.code,
          message: result.message,
          current: result.current,
        });
      }
    }
    if (answered.size > 0) {
      this.#pending = this.#pending.filter((op) => !answered.has(op.id));
      void this.#opts.store.remove(this.mapId, [...answered]).catch(() => {});
      this.#integrate();
    }
    return { refused, retry, progress: answered.size > 0 };
  }

  /** After a refusal, the tab's idea of the map may be wrong: take the server's. */
  async #reload() {
    try {
      const loaded = await this.#opts.transport.load(this.mapId);
      const { revision, ...fresh } = loaded;
      if (revision < this.#revision) return;
      this.#opts.onLoaded?.(loaded);
      this.#confirmed = { ...fresh, trash: this.#confirmed.trash };
      this.#revision = revision;
      this.#integrate();
    } catch {
      // Not reachable now: the next answer or the next visit brings it.
    }
  }
}
