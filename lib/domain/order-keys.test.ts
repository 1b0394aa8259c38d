import fc from 'fast-check';
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

  it('gives two people inserting at the same spot while apart different keys, both in place', () => {
    const base = initialKeys(2).map((order, i) => ({ id: `c${i}`, order }));
    const mine = { id: 'b-mine', order: keyAt(base, 1, 'b-mine') };
    const theirs = { id: 'a-theirs', order: keyAt(base, 1, 'a-theirs') };
    expect(mine.order).not.toBe(theirs.order);
    const merged = [...base, mine, theirs].sort(byOrder);
    expect(
      merged
        .map((i) => i.id)
        .slice(1, 3)
        .sort(),
    ).toEqual(['a-theirs', 'b-mine']);
    // "After the first of the two" now lands between them, and either can move above the other.
    const [first, second] = [merged[1]!, merged[2]!];
    const next = { id: 'z', order: keyAt(merged, 2, 'z') };
    expect(sorted([...merged, next])).toEqual(['c0', first.id, 'z', second.id, 'c1']);
    const up = { id: second.id, order: keyAt([merged[0]!, first, merged[3]!], 1, second.id) };
    expect(sorted([merged[0]!, first, up, merged[3]!])).toEqual(['c0', second.id, first.id, 'c1']);
  });

  it('three people inserting at once, seeing each other late, end with unique keys where they meant', () => {
    // Each client has its own copy of one list; an insert is placed in that copy at once and
    // reaches the others when the schedule delivers it (in any order, any time later).
    const step = fc.record({
      client: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('insert', 'insert', 'deliver'),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.uuid(), (steps, seed) => {
        const start = initialKeys(2).map((order, i) => ({ id: `start-${i}`, order }));
        const copies: Ordered[][] = [0, 1, 2].map(() => [...start]);
        const inbox: Ordered[][] = [[], [], []];
        const meant: { item: Ordered; before: string | null; after: string | null }[] = [];
        steps.forEach(({ client, kind, at }, n) => {
          if (kind === 'deliver') {
            copies[client]!.push(...inbox[client]!.splice(0));
            return;
          }
          const list = [...copies[client]!].sort(byOrder);
          const index = at % (list.length + 1);
          const id = `${seed.slice(0, 9)}${n.toString(16).padStart(4, '0')}-${client}`;
          const item = { id, order: keyAt(list, index, id) };
          meant.push({ item, before: list[index - 1]?.id ?? null, after: list[index]?.id ?? null });
          copies[client]!.push(item);
          for (const other of [0, 1, 2]) if (other !== client) inbox[other]!.push(item);
        });
        for (const c of [0, 1, 2]) copies[c]!.push(...inbox[c]!.splice(0));
        const orders = copies.map((list) => sorted(list));
        // Everyone sees the same list, with no two keys equal.
        expect(orders[1]).toEqual(orders[0]);
        expect(orders[2]).toEqual(orders[0]);
        expect(new Set(copies[0]!.map((i) => i.order)).size).toBe(copies[0]!.length);
        // Each insert sits between the neighbours its author saw, and its key is valid.
        const position = new Map(orders[0]!.map((id, i) => [id, i]));
        for (const { item, before, after } of meant) {
          const here = position.get(item.id)!;
          if (before !== null) expect(position.get(before)!).toBeLessThan(here);
          if (after !== null) expect(position.get(after)!).toBeGreaterThan(here);
          expect(item.order).toMatch(/^[a-zA-Z][0-9a-zA-Z]*[1-9a-zA-Z]$/);
          expect(item.order.length).toBeLessThan(200);
        }
      }),
      { numRuns: 300 },
    );
  });
});
