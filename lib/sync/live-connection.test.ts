import { describe, expect, it } from 'vitest';
import { FakeStream, ManualClock } from '@/tests/support/editor-session';
import type { MapChange } from '@/lib/schemas/live';
import { LiveConnection, PRESENCE_EVERY_MS, type LiveEvent } from './live-connection';

function setup({ presence = true } = {}) {
  const clock = new ManualClock();
  let marks = 0;
  const streams: FakeStream[] = [];
  const posted: string[] = [];
  const received: MapChange[] = [];
  let catchUps = 0;
  const sync = {
    revision: 7,
    receive: (c: MapChange) => void received.push(c),
    catchUp: async () => void catchUps++,
  };
  const live = new LiveConnection({
    mapId: 'map 1',
    sync,
    presence,
    tabId: 'tab1',
    clock,
    open: (url) => {
      const s = new FakeStream(url);
      streams.push(s);
      return s;
    },
    postPresence: (_url, body) => void posted.push(body),
    onMarks: () => void marks++,
  });
  const last = () => streams.at(-1)!;
  /** The server refuses the stream (signed out, say): the browser closes it. */
  const refuse = () => {
    last().readyState = 2;
    last().onerror?.();
  };
  return {
    live,
    clock,
    streams,
    posted,
    received,
    last,
    refuse,
    catchUps: () => catchUps,
    marks: () => marks,
  };
}

describe('the live stream (no browser)', () => {
  it('loads the marks for review again when they change, and after a reconnect', () => {
    const t = setup();
    t.live.start();
    t.last().onopen?.();
    expect(t.marks()).toBe(0); // the page brought them
    t.last().emit('marks', {});
    expect(t.marks()).toBe(1);
    t.last().onopen?.(); // the browser reconnected: what changed meanwhile is not in the log
    expect(t.marks()).toBe(2);
  });

  it('opens from the revision it has, and passes changes to the outbox', () => {
    const t = setup();
    t.live.start();
    expect(t.last().url).toBe('/api/maps/map%201/events?since=7&tab=tab1');
    t.last().onopen?.();
    expect(t.live.snapshot.state).toBe('live');
    expect(t.catchUps()).toBe(1);
    t.last().emit('change', { revision: 8, actorId: 'x', op: { kind: 'claim.delete' } });
    expect(t.received).toHaveLength(1);
  });

  it('passes votes on, and says so on every (re)connection, so missed votes are read again', () => {
    const t = setup();
    const events: LiveEvent[] = [];
    const stop = t.live.onEvent((e) => void events.push(e));
    t.live.start();
    t.last().onopen?.();
    t.last().emit('vote', { claimId: 'A', tally: { average: 3, count: 2 } });
    t.last().emit('votes', {});
    t.last().onopen?.(); // the browser reconnected
    expect(events).toEqual([
      { type: 'open' },
      { type: 'vote', claimId: 'A', tally: { average: 3, count: 2 } },
      { type: 'votes' },
      { type: 'open' },
    ]);
    stop();
    t.last().emit('vote', { claimId: 'B', tally: { average: 1, count: 1 }, mine: 1 });
    expect(events).toHaveLength(4);
  });

  it('tries a refused stream again after 2, 4, 8 s, at once when back online, and resets on success', () => {
    const t = setup();
    t.live.start();
    t.refuse();
    expect(t.live.snapshot.state).toBe('offline');
    t.clock.advance(1999);
    expect(t.streams).toHaveLength(1);
    t.clock.advance(1);
    expect(t.streams).toHaveLength(2);
    t.refuse();
    t.clock.advance(3999);
    expect(t.streams).toHaveLength(2);
    t.clock.advance(1);
    expect(t.streams).toHaveLength(3);
    t.refuse();
    t.live.online();
    expect(t.streams).toHaveLength(4);
    t.last().onopen?.();
    t.refuse();
    t.clock.advance(2000);
    expect(t.streams).toHaveLength(5); // back to 2 s after a stream that opened
  });

  it('leaves a dropped connection to the browser (it reconnects by itself)', () => {
    const t = setup();
    t.live.start();
    t.last().onopen?.();
    t.last().onerror?.(); // still CONNECTING: the browser retries
    expect(t.live.snapshot.state).toBe('connecting');
    t.clock.advance(60_000);
    expect(t.streams).toHaveLength(1);
  });

  it('ends for good when access ends, and says why', () => {
    const t = setup();
    t.live.start();
    t.last().onopen?.();
    t.last().emit('access', { reason: 'removed', lost: true });
    expect(t.live.snapshot).toMatchObject({ state: 'offline', ended: { reason: 'removed' } });
    t.live.online();
    t.clock.advance(120_000);
    expect(t.streams).toHaveLength(1);
    const said = t.posted.length;
    t.live.setHere({ claimId: 'A', editing: false });
    t.clock.advance(60_000);
    expect(t.posted).toHaveLength(said);
  });

  it('lists who else is here, not this tab, and forgets who leaves', () => {
    const t = setup();
    t.live.start();
    t.last().onopen?.();
    const entry = (tabId: string) => ({
      tabId,
      userId: `u-${tabId}`,
      name: 'B',
      claimId: null,
      editing: false,
    });
    t.last().emit('presence', { entry: entry('tab1') });
    t.last().emit('presence', { entry: entry('tab2') });
    expect(t.live.snapshot.others.map((o) => o.tabId)).toEqual(['tab2']);
    t.last().emit('leave', { tabId: 'tab2', userId: 'someone else' });
    expect(t.live.snapshot.others).toHaveLength(1);
    t.last().emit('leave', { tabId: 'tab2', userId: 'u-tab2' });
    expect(t.live.snapshot.others).toEqual([]);
  });

  it('says where this person is soon after it changes, and again every 20 s', () => {
    const t = setup();
    t.live.start();
    t.last().onopen?.();
    t.clock.advance(250);
    expect(t.posted).toEqual(['{"tabId":"tab1","claimId":null,"editing":false}']);
    t.live.setHere({ claimId: 'A', editing: true });
    t.live.setHere({ claimId: 'A', editing: true });
    t.clock.advance(250);
    expect(t.posted.at(-1)).toBe('{"tabId":"tab1","claimId":"A","editing":true}');
    expect(t.posted).toHaveLength(2);
    t.clock.advance(PRESENCE_EVERY_MS);
    expect(t.posted).toHaveLength(3);
  });

  it('says nothing of where a view link’s reader is', () => {
    const t = setup({ presence: false });
    t.live.start();
    t.last().onopen?.();
    t.live.setHere({ claimId: 'A', editing: false });
    t.clock.advance(60_000);
    expect(t.posted).toEqual([]);
    expect(t.last().url).not.toContain('tab=');
  });
});
