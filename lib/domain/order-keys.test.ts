import { describe, expect, it } from 'vitest';
import { byOrder, initialKeys, keyAt, keyCounter, type Ordered } from './order-keys';

const sorted = (items: Ordered[]) => [...items].sort(byOrder).map((i) => i.id);

describe('fractional order keys', () => {
  it('places a new item at any index with one new key, never touching the others', () => {
    let list: Ordered[] = initialKeys(3).map((order, i) => ({ id: `c${i}`, order }));
    const keysBefore = list.map((i) => i.order);
    for (const [id, index] of [
      ['first', 0],
      ['middle', 2],
      ['last', 5],
    ] as const) {
      const siblings = [...list].sort(byOrder);
      list = [...list, { id, order: keyAt(siblings, index) }];
    }
    expect(sorted(list)).toEqual(['first', 'c0', 'middle', 'c1', 'c2', 'last']);
    expect(list.slice(0, 3).map((i) => i.order)).toEqual(keysBefore);
  });

  it('keeps a stable order for everyone when two people insert at the same spot while apart', () => {
    const base = initialKeys(2).map((order, i) => ({ id: `c${i}`, order }));
    // Both tabs compute the same key between c0 and c1.
    const mine = { id: 'b-mine', order: keyAt(base, 1) };
    const theirs = { id: 'a-theirs', order: keyAt(base, 1) };
    expect(mine.order).toBe(theirs.order);
    const here = sorted([...base, mine, theirs]);
    const there = sorted([theirs, ...base, mine]);
    expect(here).toEqual(there);
    expect(here).toEqual(['c0', 'a-theirs', 'b-mine', 'c1']);
    // A later insert between the tied pair still lands after both (no key fits between equals).
    const next = { id: 'z', order: keyAt([...base, mine, theirs].sort(byOrder), 2) };
    expect(sorted([...base, mine, theirs, next])).toEqual(['c0', 'a-theirs', 'b-mine', 'z', 'c1']);
  });

  it('keeps keys short over many appends and many inserts at the front', () => {
    const next = keyCounter();
    let key = '';
    for (let i = 0; i < 1000; i++) key = next('list');
    expect(key.length).toBeLessThan(8);
    let list: Ordered[] = [];
    for (let i = 0; i < 200; i++) list = [{ id: `f${i}`, order: keyAt(list, 0) }, ...list];
    expect(sorted(list)[0]).toBe('f199');
    expect(Math.max(...list.map((i) => i.order.length))).toBeLessThan(200);
  });
});
