import { describe, expect, it, vi } from 'vitest';
import type { MapChange } from '@/lib/schemas/live';
import type { ClaimView } from '@/lib/domain/views';
import type { Op, OpResult, OpsResponse } from '@/lib/schemas/ops';
import {
  backoff,
  MapSync,
  TransportError,
  type Clock,
  type OutboxStore,
  type Refusal,
  type Snapshot,
  type SyncTransport,
} from './map-sync';

// A fake server that applies ops the way the real one does where it matters here: once per id,
// in order, refusing what it is told to refuse; and a transport that can drop requests or
// answers, to play outages and lost answers.

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const addOp = (text: string, parentId: string | null = null): Op => ({
  id: uuid(),
  kind: 'claim.add',
  claimId: uuid(),
  thesisId: 't1',
  parentId,
  stance: 'pro',
  text,
  order: `a${n % 10}`,
});

class FakeServer {
  applied: Op[] = [];
  seen = new Map<string, OpResult>();
  refuse = new Set<string>();
  busy = 0;
  revision = 0;
  log: MapChange[] = [];
  tooFar = false;
  /** Someone else's change, as the live stream would bring it. */
  remote(op: Op): MapChange {
    this.applied.push(op);
    const change = { revision: ++this.revision, actorId: 'other', op };
    this.log.push(change);
    return change;
  }
  changesSince(since: number): MapChange[] {
    return this.log.filter((c) => c.revision > since);
  }
  apply(ops: Op[]): OpsResponse {
    const results: OpResult[] = [];
    for (const op of ops) {
      const done = this.seen.get(op.id);
      if (done) {
        results.push(done);
        continue;
      }
      if (this.busy > 0) {
        this.busy--;
        results.push({ id: op.id, ok: false, code: 'UNAVAILABLE', message: 'Busy.', retry: true });
        break;
      }
      const result: OpResult = this.refuse.has(op.id)
        ? { id: op.id, ok: false, code: 'CONFLICT', message: 'No.', retry: false }
        : { id: op.id, ok: true, revision: ++this.revision };
      if (result.ok) this.applied.push(op);
      if (result.ok) this.log.push({ revision: result.revision, actorId: 'me', op });
      this.seen.set(op.id, result);
      results.push(result);
    }
    return { revision: this.revision, results };
  }
  claims(): ClaimView[] {
    return this.applied.flatMap((op) =>
      op.kind === 'claim.add'
        ? [
            {
              id: op.claimId,
              thesisId: op.thesisId,
              parentId: op.parentId,
              stance: op.stance,
              order: op.order,
              text: op.text,
              note: '',
              strength: null,
              version: 1,
            },
          ]
        : [],
    );
  }
}

type Mode = 'up' | 'down' | 'lose-answer';

function harness(opts: { stored?: Op[] } = {}) {
  const server = new FakeServer();
  let mode: Mode = 'up';
  const requests: Op[][] = [];
  const transport: SyncTransport = {
    async send(_mapId, ops) {
      requests.push(ops);
      if (mode === 'down') throw new TransportError('The server cannot be reached.', 'offline');
      const response = server.apply(ops);
      if (mode === 'lose-answer') {
        mode = 'up';
        throw new TransportError('The answer was lost.', 'offline');
      }
      return response;
    },
    async load() {
      return {
        claims: server.claims(),
        anchors: [],
        links: [],
        comments: [],
        revision: server.revision,
      };
    },
    async changes(_mapId, since) {
      if (server.tooFar) return { reload: true };
      return { revision: server.revision, changes: server.changesSince(since) };
    },
  };
  const lists = new Map<string, Op[]>([['m1', opts.stored ?? []]]);
  const store: OutboxStore = {
    list: async (id) => [...(lists.get(id) ?? [])],
    add: async (id, op) => void lists.set(id, [...(lists.get(id) ?? []), op]),
    remove: async (id, ids) =>
      void lists.set(
        id,
        (lists.get(id) ?? []).filter((o) => !ids.includes(o.id)),
      ),
  };
  const timers: { fn: () => void; ms: number }[] = [];
  const clock: Clock = {
    setTimeout: (fn, ms) => {
      const t = { fn, ms };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const refusals: Refusal[] = [];
  const snapshot: Snapshot = { claims: [], anchors: [], links: [], comments: [], revision: 0 };
  const sync = new MapSync({
    mapId: 'm1',
    snapshot,
    transport,
    store,
    env: { blocksOf: () => undefined },
    clock,
    random: () => 0.5,
    onRefusal: (r) => refusals.push(r),
  });
  const settle = () => vi.waitFor(() => expect(sync.status.kind).not.toBe('saving'));
  const fireTimer = async () => {
    const t = timers.shift();
    expect(t, 'a retry is scheduled').toBeDefined();
    t!.fn();
    await settle();
  };
  return {
    sync,
    server,
    requests,
    refusals,
    timers,
    stored: () => lists.get('m1') ?? [],
    setMode: (m: Mode) => (mode = m),
    settle,
    fireTimer,
  };
}

const texts = (claims: ClaimView[]) => claims.map((c) => c.text);

describe('the outbox', () => {
  it('shows a change at once and saves changes in the order they were made', async () => {
    const h = harness();
    const a = addOp('First');
    const b = addOp('Second', a.kind === 'claim.add' ? a.claimId : null);
    h.sync.submit(a);
    h.sync.submit(b);
    expect(texts(h.sync.state.claims)).toEqual(['First', 'Second']);
    await h.settle();
    expect(h.server.applied.map((o) => o.id)).toEqual([a.id, b.id]);
    expect(h.sync.status).toEqual({ kind: 'saved' });
    expect(h.stored()).toEqual([]);
  });

  it('keeps every change through an outage and sends them when the server is back', async () => {
    const h = harness();
    h.setMode('down');
    h.sync.submit(addOp('Typed while offline 1'));
    await h.settle();
    h.sync.submit(addOp('Typed while offline 2'));
    await h.settle();
    expect(h.sync.status).toMatchObject({ kind: 'waiting', failure: 'offline', pending: 2 });
    expect(h.stored()).toHaveLength(2);
    expect(texts(h.sync.state.claims)).toHaveLength(2);
    h.setMode('up');
    await h.fireTimer();
    expect(texts(h.server.claims())).toEqual(['Typed while offline 1', 'Typed while offline 2']);
    expect(h.sync.status).toEqual({ kind: 'saved' });
    expect(h.stored()).toEqual([]);
  });

  it('backs off between retries, and retries at once when asked', async () => {
    const h = harness();
    h.setMode('down');
    h.sync.submit(addOp('x'));
    await h.settle();
    expect(h.timers.map((t) => t.ms)).toEqual([backoff(0, () => 0.5)]);
    await h.fireTimer();
    expect(h.timers.map((t) => t.ms)).toEqual([backoff(1, () => 0.5)]);
    expect(backoff(1, () => 0.5)).toBeGreaterThan(backoff(0, () => 0.5));
    expect(backoff(50, () => 0.5)).toBe(30_000);
    h.setMode('up');
    h.sync.retryNow();
    await h.settle();
    expect(h.timers).toEqual([]);
    expect(h.server.applied).toHaveLength(1);
  });

  it('applies a change once when its answer was lost and it is sent again', async () => {
    const h = harness();
    h.setMode('lose-answer');
    const op = addOp('Once');
    h.sync.submit(op);
    await h.settle();
    expect(h.sync.status.kind).toBe('waiting');
    await h.fireTimer();
    expect(h.requests.map((r) => r.map((o) => o.id))).toEqual([[op.id], [op.id]]);
    expect(texts(h.server.claims())).toEqual(['Once']);
    expect(h.sync.status).toEqual({ kind: 'saved' });
  });

  it('does not let a refused change block the ones after it, and says why it was refused', async () => {
    const h = harness();
    const bad = addOp('Refused');
    const good = addOp('Saved after');
    h.server.refuse.add(bad.id);
    h.sync.submit(bad);
    h.sync.submit(good);
    await h.settle();
    expect(texts(h.server.claims())).toEqual(['Saved after']);
    expect(h.refusals.map((r) => r.op.id)).toEqual([bad.id]);
    expect(h.refusals[0]!.message).toBe('No.');
    // The screen shows the server's map: the refused claim is gone, the other is there.
    expect(texts(h.sync.state.claims)).toEqual(['Saved after']);
    expect(h.sync.status).toEqual({ kind: 'saved' });
  });

  it('stops at a "try again later" and keeps that change and every later one, in order', async () => {
    const h = harness();
    h.server.busy = 1;
    const a = addOp('A');
    const b = addOp('B');
    h.sync.submit(a);
    h.sync.submit(b);
    await h.settle();
    expect(h.sync.status).toMatchObject({ kind: 'waiting', failure: 'unavailable', pending: 2 });
    expect(h.server.applied).toEqual([]);
    await h.fireTimer();
    expect(h.server.applied.map((o) => o.id)).toEqual([a.id, b.id]);
  });

  it('sends, after a reload, the changes a closed tab left unsent, and shows them meanwhile', async () => {
    const left = [addOp('Left behind 1'), addOp('Left behind 2')];
    const h = harness({ stored: left });
    // Before it has looked, it does not claim that everything is saved.
    expect(h.sync.status.kind).not.toBe('saved');
    await h.sync.start();
    expect(texts(h.sync.state.claims)).toEqual(['Left behind 1', 'Left behind 2']);
    await h.settle();
    expect(texts(h.server.claims())).toEqual(['Left behind 1', 'Left behind 2']);
    expect(h.stored()).toEqual([]);
  });

  it('stores a change before sending it', async () => {
    const h = harness();
    h.setMode('down');
    const op = addOp('Stored first');
    h.sync.submit(op);
    await h.settle();
    expect(h.stored().map((o) => o.id)).toEqual([op.id]);
    expect(h.requests.flat().map((o) => o.id)).toEqual([op.id]);
  });

  it('sends a long queue in batches of at most 50', async () => {
    const h = harness();
    h.setMode('down');
    for (let i = 0; i < 120; i++) h.sync.submit(addOp(`c${i}`));
    await h.settle();
    h.setMode('up');
    await h.fireTimer();
    expect(h.requests.slice(1).map((r) => r.length)).toEqual([50, 50, 20]);
    expect(h.server.applied).toHaveLength(120);
  });
});

describe('typed text the server did not take', () => {
  it('keeps both versions of a conflicting edit, and the text of a refused claim', async () => {
    const { unsavedTextOf } = await import('./unsaved-text');
    const update: Op = {
      id: uuid(),
      kind: 'claim.update',
      claimId: 'c1',
      set: { text: 'Mine', strength: 3 },
      base: { text: 'Old' },
    };
    expect(
      unsavedTextOf({ op: update, code: 'CONFLICT', message: 'm', current: { text: 'Theirs' } }),
    ).toEqual([{ claimId: 'c1', field: 'text', mine: 'Mine', theirs: 'Theirs', reason: 'm' }]);
    const add = addOp('A new claim');
    expect(unsavedTextOf({ op: add, code: 'NOT_FOUND', message: 'Parent gone.' })).toEqual([
      {
        claimId: add.kind === 'claim.add' ? add.claimId : '',
        field: 'text',
        mine: 'A new claim',
        theirs: null,
        reason: 'Parent gone.',
      },
    ]);
    const strength: Op = { ...update, set: { strength: 2 } };
    expect(unsavedTextOf({ op: strength, code: 'NOT_FOUND', message: 'Gone.' })).toEqual([]);
  });
});

describe('live changes from other people', () => {
  const update = (claimId: string, set: Record<string, unknown>, base = {}): Op => ({
    id: uuid(),
    kind: 'claim.update',
    claimId,
    set,
    base,
  });

  it('applies everyone’s changes in revision order, whatever order they arrive in', async () => {
    const h = harness();
    const a = addOp('From Ana');
    const b = addOp('From Ben');
    const first = h.server.remote(a);
    const second = h.server.remote(b);
    h.sync.receive(second);
    // Shown at once, but not yet confirmed: revision 1 is missing.
    expect(texts(h.sync.state.claims)).toEqual(['From Ben']);
    expect(h.sync.revision).toBe(0);
    h.sync.receive(first);
    expect(h.sync.revision).toBe(2);
    expect(texts(h.sync.state.claims).sort()).toEqual(['From Ana', 'From Ben']);
    // A change heard twice (stream and catch-up) is applied once.
    h.sync.receive(first);
    expect(h.sync.state.claims).toHaveLength(2);
  });

  it('rebases this tab’s unsent edits on a remote change to another field of the same claim', async () => {
    const h = harness();
    const add = addOp('Shared claim');
    const claimId = add.kind === 'claim.add' ? add.claimId : '';
    h.sync.receive(h.server.remote(add));
    h.setMode('down');
    h.sync.submit(update(claimId, { text: 'My wording' }, { text: 'Shared claim' }));
    h.sync.receive(h.server.remote(update(claimId, { note: 'Their note' })));
    const shown = h.sync.state.claims.find((c) => c.id === claimId)!;
    expect(shown).toMatchObject({ text: 'My wording', note: 'Their note' });
    await h.settle();
    h.setMode('up');
    await h.fireTimer();
    expect(h.sync.status).toEqual({ kind: 'saved' });
    expect(h.sync.revision).toBe(3);
    expect(h.sync.state.claims.find((c) => c.id === claimId)).toMatchObject({
      text: 'My wording',
      note: 'Their note',
    });
  });

  it('fetches a gap that the live stream does not fill', async () => {
    const h = harness();
    const missed = h.server.remote(addOp('Missed while reconnecting'));
    void missed;
    h.sync.receive(h.server.remote(addOp('Heard live')));
    expect(h.sync.revision).toBe(0);
    const gap = h.timers.shift();
    expect(gap?.ms).toBe(1000);
    gap!.fn();
    await vi.waitFor(() => expect(h.sync.revision).toBe(2));
    expect(texts(h.sync.state.claims).sort()).toEqual(['Heard live', 'Missed while reconnecting']);
  });

  it('counts its own change as saved when the stream brings it before the answer', async () => {
    const h = harness();
    h.setMode('down');
    const op = addOp('Answer lost');
    h.sync.submit(op);
    await h.settle();
    // The server did apply it (the answer was lost); the stream says so.
    h.sync.receive(h.server.remote(op));
    expect(h.sync.pending).toHaveLength(0);
    expect(h.stored()).toEqual([]);
    expect(h.sync.status.kind).toBe('saved');
    expect(texts(h.sync.state.claims)).toEqual(['Answer lost']);
  });

  it('waits for an earlier remote change before confirming its own answered change', async () => {
    const h = harness();
    const theirs = h.server.remote(addOp('Theirs, revision 1'));
    h.sync.submit(addOp('Mine, revision 2'));
    await h.settle();
    // The answer (revision 2) came before the stream's revision 1: both shown, neither lost.
    expect(h.sync.revision).toBe(0);
    expect(texts(h.sync.state.claims)).toEqual(['Mine, revision 2']);
    h.sync.receive(theirs);
    expect(h.sync.revision).toBe(2);
    expect(texts(h.sync.state.claims)).toEqual(['Theirs, revision 1', 'Mine, revision 2']);
  });

  it('loads the whole map again when too far behind', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) h.server.remote(addOp(`Remote ${i}`));
    h.server.tooFar = true;
    await h.sync.catchUp();
    expect(h.sync.revision).toBe(3);
    expect(h.sync.state.claims).toHaveLength(3);
  });
});
