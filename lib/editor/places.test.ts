import { describe, expect, it } from 'vitest';
import { sampleClaims } from '@/tests/support/editor-session';
import { claim } from '@/tests/support/maps/sample-map';
import { edgeOf, neighbour, readingOrder } from './places';

describe('reading order', () => {
  it('runs down the first thesis, then the second, and is worked out once per map version', () => {
    const claims = sampleClaims();
    const first = readingOrder(claims, ['t1', 't2']);
    expect(first.order.map((c) => c.id)).toEqual(['A', 'A1', 'A2', 'B', 'C']);
    expect(readingOrder(claims, ['t1', 't2'])).toBe(first);
    expect(readingOrder(claims, ['t2', 't1']).order.map((c) => c.id)).toEqual([
      'C',
      'A',
      'A1',
      'A2',
      'B',
    ]);
    // A new version of the map (a new array) gets its own order.
    const more = [...claims, claim('A3', 't1', 'A', 'a2')];
    expect(neighbour(more, ['t1', 't2'], 'A2', 1)?.id).toBe('A3');
    expect(neighbour(claims, ['t1', 't2'], 'A2', 1)?.id).toBe('B');
    expect(neighbour(claims, ['t1', 't2'], 'B', 1)?.id).toBe('C');
    expect(neighbour(claims, ['t1', 't2'], 'C', 1)).toBeNull();
    expect(neighbour(claims, ['t1', 't2'], 'gone', 1)).toBeNull();
  });

  it('finds the first and last claim under a claim’s thesis', () => {
    const claims = sampleClaims();
    expect(edgeOf(claims, 'A2', 'first')?.id).toBe('A');
    expect(edgeOf(claims, 'A2', 'last')?.id).toBe('B');
    expect(edgeOf(claims, 'C', 'last')?.id).toBe('C');
    expect(edgeOf(claims, 'gone', 'first')).toBeNull();
  });
});
