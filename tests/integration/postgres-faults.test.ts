import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MapChange } from '@/lib/schemas/live';
import type { OpResult } from '@/lib/schemas/ops';
import { createDbClient } from '@/lib/server/db-client';
import { postgresPubSub } from '@/lib/server/live/pg-pubsub';
import { pubsub, setPubSub, type PubSub } from '@/lib/server/live/pubsub';
import { openMapStream } from '@/lib/server/live/stream';
import { applyOps } from '@/lib/server/ops/apply-ops';
import type { Db } from '@/lib/server/db';
import { claim, db, userWithMap } from '../support/factories';
import { tcpProxy } from '../support/tcp-proxy';

// PostgreSQL failing under the app: a connection dropped in the middle of a transaction, a
// deadlock, a statement that takes too long, and the database going away and coming back while
// app servers run. Each time the change is refused as "try again" (the browser's outbox sends it
// again) or retried by the server itself, writes resume without a restart, and nothing
// acknowledged is lost. The database is failed through a proxy the test controls, or by ending
// the test's own connections: the PostgreSQL server itself is shared and never restarted.

const url = process.env.DATABASE_URL!;
const onPostgres = /^postgres(ql)?:/.test(url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const t0 = Date.now(); !(await check()); await sleep(25))
    if (Date.now() - t0 > ms) throw new Error('timed out');
};

const addOp = (thesisId: string, text: string) => ({
  id: crypto.randomUUID(),
  kind: 'claim.add' as const,
  claimId: crypto.randomUUID(),
  thesisId,
  parentId: null,
  stance: 'pro' as const,
  text,
  order: `a${crypto.randomBytes(4).toString('hex')}`,
});

/** An administrator's connection (the test's own), for locks and for ending connections. */
async function admin() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/**
 * The app's backend waiting for a lock `c` holds, once there is one. (Its query text is not a
 * guide: through Prisma's driver adapter it can still show the transaction's BEGIN.)
 */
async function waitingBackend(c: pg.Client) {
  let pid: number | undefined;
  await until(async () => {
    const { rows } = await c.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database()
         AND wait_event_type = 'Lock' AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
    );
    pid = rows[0]?.pid;
    return pid !== undefined;
  });
  return pid!;
}

/** What the browser's outbox does: sends an operation again until it has a final answer. */
async function sendUntilAnswered(client: Db, userId: string, mapId: string, op: object) {
  for (let attempt = 0; ; attempt++) {
    const { results } = await applyOps(client, { userId, mapId, ops: [op] });
    const result = results[0]!;
    if (result.ok || !result.retry || attempt > 200) return { result, attempts: attempt + 1 };
    await sleep(100);
  }
}

const clients: Db[] = [];
afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

describe.runIf(onPostgres)('PostgreSQL failing under the app', () => {
  const open: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.end().catch(() => {})));
  });

  it('refuses a change whose connection dropped mid-transaction as "try again", keeps nothing of it, and saves the resend', async () => {
    const { user, map, a } = await userWithMap();
    const c = await admin();
    open.push(c);
    // Another transaction holds the map's row, so the app's transaction stops half-way through.
    await c.query('BEGIN');
    await c.query('SELECT 1 FROM argument_map WHERE id = $1 FOR UPDATE', [map.id]);
    const op = addOp(a.id, 'Sent while the connection dropped');
    const answer = applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    const pid = await waitingBackend(c);
    await c.query('SELECT pg_terminate_backend($1)', [pid]);
    await c.query('ROLLBACK');
    const { results } = await answer;
    expect(results[0]).toMatchObject({ ok: false, code: 'UNAVAILABLE', retry: true });
    expect(await db.claim.count({ where: { id: op.claimId } })).toBe(0);
    expect(await db.mapOperation.count({ where: { id: op.id } })).toBe(0);
    // The pool replaced the dead connection: the resend is saved, once.
    const resent = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    expect(resent.results[0]).toMatchObject({ ok: true, revision: 1 });
    expect(await db.claim.count({ where: { id: op.claimId } })).toBe(1);
  }, 30_000);

  it('retries a change that lost a deadlock, and saves it', async () => {
    const { user, map, a } = await userWithMap();
    const target = await claim(user.id, map.id, a.id, null, 'pro', 'Contested');
    const c = await admin();
    open.push(c);
    // The other transaction holds the claim; the app's holds the map's row and waits for the
    // claim; then the other asks for the map's row: a deadlock, which PostgreSQL breaks by
    // failing the transaction that waited first, the app's.
    await c.query('BEGIN');
    await c.query(`UPDATE claim SET note = 'theirs' WHERE id = $1`, [target.id]);
    const op = {
      id: crypto.randomUUID(),
      kind: 'claim.update' as const,
      claimId: target.id,
      set: { text: 'Mine' },
      base: { text: 'Contested' },
    };
    const answer = applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    await waitingBackend(c);
    await sleep(300);
    await c.query(`UPDATE argument_map SET title = title WHERE id = $1`, [map.id]);
    await c.query('COMMIT');
    const { results } = await answer;
    expect(results[0]).toMatchObject({ ok: true });
    const saved = await db.claim.findUniqueOrThrow({ where: { id: target.id } });
    expect(saved).toMatchObject({ text: 'Mine', note: 'theirs' });
  }, 30_000);

  it('answers a statement that ran out of time as "try again", then saves the resend', async () => {
    const { user, map, a } = await userWithMap();
    const u = new URL(url);
    u.searchParams.set('options', '-c statement_timeout=500');
    const client = createDbClient(u.toString());
    clients.push(client);
    const c = await admin();
    open.push(c);
    await c.query('BEGIN');
    await c.query('SELECT 1 FROM argument_map WHERE id = $1 FOR UPDATE', [map.id]);
    const op = addOp(a.id, 'Slow');
    const { results } = await applyOps(client, { userId: user.id, mapId: map.id, ops: [op] });
    expect(results[0]).toMatchObject({
      ok: false,
      code: 'UNAVAILABLE',
      retry: true,
      message: expect.stringMatching(/too long/),
    });
    await c.query('ROLLBACK');
    const resent = await applyOps(client, { userId: user.id, mapId: map.id, ops: [op] });
    expect(resent.results[0]).toMatchObject({ ok: true });
  }, 30_000);
});

describe.runIf(onPostgres)('the database going away while two app servers run', () => {
  let previous: PubSub;
  beforeAll(() => void (previous = pubsub()));
  afterAll(() => setPubSub(previous));

  it('resumes writes by themselves, loses nothing acknowledged, and live pages catch up', async () => {
    const { user, map, a } = await userWithMap();
    const { hostname: host, port } = new URL(url);
    const proxy = await tcpProxy({ host, port: Number(port || 5432) });
    // Server 1 reaches the database through the proxy; server 2 directly.
    const server1 = createDbClient(proxy.url(url));
    clients.push(server1);
    const channel = `faults_${crypto.randomBytes(4).toString('hex')}`;
    const logs: string[] = [];
    const bus1 = postgresPubSub(proxy.url(url), { channel, log: (m) => logs.push(m) });
    const bus2 = postgresPubSub(url, { channel, log: () => {} });
    const abort = new AbortController();
    try {
      await Promise.all([bus1.ready(), bus2.ready()]);
      // A page open on server 1: its stream listens on server 1's bus.
      setPubSub(bus1);
      const response = openMapStream(server1, {
        mapId: map.id,
        reader: { kind: 'user', userId: user.id, name: 'Owner' },
        since: 0,
        tabId: null,
        signal: abort.signal,
      })!;
      const revisions: number[] = [];
      void (async () => {
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = '';
        for (;;) {
          const { value, done } = await reader
            .read()
            .catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += decoder.decode(value);
          const events = text.split('\n\n');
          text = events.pop()!;
          for (const e of events.filter((x) => x.includes('event: change')))
            revisions.push((JSON.parse(e.split('data: ')[1]!) as MapChange).revision);
        }
      })();
      await sleep(300);
      // Changes are written on both servers from now on and published on server 2's bus…
      setPubSub(bus2);
      const acknowledged: OpResult[] = [];
      const first = await sendUntilAnswered(db, user.id, map.id, addOp(a.id, 'Before'));
      acknowledged.push(first.result);
      await until(() => revisions.length === 1);

      // …then the database goes away for server 1 (its connections cut, new ones refused).
      proxy.cut();
      const during = [1, 2, 3].map((i) => addOp(a.id, `From server 1 during the outage ${i}`));
      const sending = Promise.all(
        during.map((op) => sendUntilAnswered(server1, user.id, map.id, op)),
      );
      for (const i of [1, 2]) {
        const r = await sendUntilAnswered(db, user.id, map.id, addOp(a.id, `Server 2 ${i}`));
        acknowledged.push(r.result);
      }
      await sleep(1500);
      proxy.resume();
      const sent = await sending;
      acknowledged.push(...sent.map((s) => s.result));

      // Every change was saved, some only after being refused and sent again.
      expect(acknowledged.every((r) => r.ok)).toBe(true);
      expect(sent.some((s) => s.attempts > 1)).toBe(true);
      const ids = [...during.map((op) => op.claimId)];
      expect(await db.claim.count({ where: { id: { in: ids } } })).toBe(3);
      const saved = await db.claim.count({ where: { mapId: map.id } });
      expect(saved).toBe(6);
      // The bus of server 1 listens again, and the page caught up from the log: every change
      // once, in order, including those written on server 2 while server 1 heard nothing.
      await until(() => revisions.length >= 6);
      expect(revisions).toEqual([1, 2, 3, 4, 5, 6]);
      expect(logs.some((l) => /lost the connection/.test(l))).toBe(true);
      const after = await applyOps(server1, {
        userId: user.id,
        mapId: map.id,
        ops: [addOp(a.id, 'After')],
      });
      expect(after.results[0]).toMatchObject({ ok: true, revision: 7 });
    } finally {
      abort.abort();
      await Promise.all([bus1.close(), bus2.close()]);
      await proxy.close();
    }
  }, 60_000);
});
