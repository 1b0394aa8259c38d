import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { Op } from '@/lib/schemas/ops';
import { idbOutbox } from './idb-outbox';

const op = (id: string): Op => ({ id, kind: 'anchor.remove', anchorId: `a-${id}` });

describe('the outbox in IndexedDB', () => {
  it('keeps operations per map, in order, across store instances (a reloaded tab)', async () => {
    const name = `test-${Math.random()}`;
    const first = idbOutbox(createStore(name, 'outbox'));
    await first.add('m1', op('1'));
    await first.add('m1', op('2'));
    await first.add('m2', op('3'));
    const reopened = idbOutbox(createStore(name, 'outbox'));
    expect((await reopened.list('m1')).map((o) => o.id)).toEqual(['1', '2']);
    expect((await reopened.list('m2')).map((o) => o.id)).toEqual(['3']);
  });

  it('removes only the acknowledged operations, even when writes overlap', async () => {
    const store = idbOutbox(createStore(`test-${Math.random()}`, 'outbox'));
    await Promise.all([store.add('m', op('1')), store.add('m', op('2')), store.add('m', op('3'))]);
    await Promise.all([
      store.remove('m', ['1']),
      store.add('m', op('4')),
      store.remove('m', ['3']),
    ]);
    expect((await store.list('m')).map((o) => o.id)).toEqual(['2', '4']);
  });
});
