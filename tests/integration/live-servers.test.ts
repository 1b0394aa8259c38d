import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMapStream } from '@/lib/server/live/stream';
import { postgresPubSub } from '@/lib/server/live/pg-pubsub';
import {
  memoryPubSub,
  pubsub,
  setPubSub,
  type BusMessage,
  type PubSub,
} from '@/lib/server/live/pubsub';
import type { MapChange } from '@/lib/schemas/live';
import { claim, db, userWithMap } from '../support/factories';

// Live changes between app servers: the PostgreSQL pub/sub (two of them stand for two servers),
// and an event stream catching up from the log when told that it may have missed something.

const url = process.env.DATABASE_URL!;
const onPostgres = /^postgres(ql)?:/.test(url);
const until = async (check: () => boolean, ms = 10_000) => {
  for (const t0 = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() - t0 > ms) throw new Error('timed out');
};
const change = (revision: number, text = 'x'): BusMessage => ({
  type: 'change',
  revision,
  actorId: 'someone',
  op: { id: crypto.randomUUID(), kind: 'comment.delete', commentId: text },
});

describe.runIf(onPostgres)('live messages between servers (PostgreSQL LISTEN/NOTIFY)', () => {
  const channel = `live_test_${crypto.randomBytes(4).toString('hex')}`;
  const logs: string[] = [];
  const [a, b] = [0, 1].map(() => postgresPubSub(url, { channel, log: (m) => logs.push(m) }));
  afterAll(() => Promise.all([a!.close(), b!.close()]));

  it('carries a change to the other server once, and back to none twice', async () => {
    await Promise.all([a!.ready(), b!.ready()]);
    const onA: BusMessage[] = [];
    const onB: BusMessage[] = [];
    const stops = [a!.subscribe('m1', (m) => onA.push(m)), b!.subscribe('m1', (m) => onB.push(m))];
    a!.publish('m1', change(1));
    a!.publish('m1', change(2));
    await until(() => onB.length === 2);
    expect(onB.map((m) => m.type === 'change' && m.revision)).toEqual([1, 2]);
    expect(onA.map((m) => m.type === 'change' && m.revision)).toEqual([1, 2]);
    await new Promise((r) => setTimeout(r, 200));
    expect(onA).toHaveLength(2);
    stops.forEach((stop) => stop());
  });

  it('sends a change too large for a notification as a resync', async () => {
    const onB: BusMessage[] = [];
    const stop = b!.subscribe('m2', (m) => onB.push(m));
    a!.publish('m2', { ...change(3), data: 'é'.repeat(5000) } as BusMessage);
    await until(() => onB.length === 1);
    expect(onB).toEqual([{ type: 'resync' }]);
    stop();
  });

  it('reconnects after the connection is cut, and tells the streams here and there to catch up', async () => {
    const onA: BusMessage[] = [];
    const onB: BusMessage[] = [];
    const stops = [a!.subscribe('m3', (m) => onA.push(m)), b!.subscribe('m3', (m) => onB.push(m))];
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [b!.backendPid()]);
    await admin.end();
    await until(() => onB.some((m) => m.type === 'resync'));
    await until(() => onA.some((m) => m.type === 'resync'));
    expect(logs.some((l) => /lost the connection/.test(l))).toBe(true);
    // And it carries messages again.
    a!.publish('m3', change(9));
    await until(() => onB.some((m) => m.type === 'change'));
    stops.forEach((stop) => stop());
  }, 20_000);
});

/** Reads server-sent events from a stream until `enough` says stop. */
async function readEvents(body: ReadableStream<Uint8Array>, enough: (events: string[]) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events = () => text.split('\n\n').filter((e) => e.includes('event: '));
  while (!enough(events())) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return events();
}

describe('an event stream told to resync', () => {
  let previous: PubSub;
  beforeAll(() => void (previous = pubsub()));
  afterAll(() => setPubSub(previous));

  it('reads what it missed from the log, in order, once', async () => {
    const { user, map, a } = await userWithMap();
    const bus = memoryPubSub();
    setPubSub(bus);
    const abort = new AbortController();
    const response = openMapStream(db, {
      mapId: map.id,
      reader: { kind: 'user', userId: user.id, name: 'Owner' },
      since: 0,
      tabId: null,
      signal: abort.signal,
    })!;
    const reading = readEvents(
      response.body!,
      (e) => e.filter((x) => x.includes('event: change')).length >= 2,
    );
    await until(() => bus.listenerCount(map.id) > 0);
    // Two changes whose messages never arrive (a dropped connection between servers)…
    setPubSub({ publish: () => {}, subscribe: () => () => {} });
    await claim(user.id, map.id, a.id, null, 'pro', 'Missed one');
    await claim(user.id, map.id, a.id, null, 'pro', 'Missed two');
    setPubSub(bus);
    // …then the resync the pub/sub sends when it is connected again.
    bus.publish(map.id, { type: 'resync' });
    const changes = (await reading)
      .filter((e) => e.includes('event: change'))
      .map((e) => JSON.parse(e.split('data: ')[1]!) as MapChange);
    abort.abort();
    expect(changes.map((c) => c.revision)).toEqual([1, 2]);
    expect(changes.map((c) => (c.op as { text?: string }).text)).toEqual([
      'Missed one',
      'Missed two',
    ]);
  });
});
