import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph';
import { overview } from './graph-overview';
import { sampleMap } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';

describe('graph overview (icicle)', () => {
  it('gives each thesis a column and each claim a width by the claims beneath it', () => {
    const doc = sampleMap();
    const [first, second] = overview(buildGraph(doc.debate.theses, doc.claims, doc.links), 4, 0);
    expect(first!.thesis.id).toBe('thesis-1');
    expect(first!.cells.map((c) => [c.id, c.depth, c.size, c.x1 - c.x0])).toEqual([
      ['thesis-1', 0, 3, 1],
      ['c1', 1, 3, 1],
      ['c2', 2, 2, 1],
      ['c3', 3, 1, 1],
    ]);
    // c4 has one claim, c5 one: half each.
    expect(second!.cells.filter((c) => c.depth === 1).map((c) => c.x1 - c.x0)).toEqual([0.5, 0.5]);
  });

  it('merges cells too narrow to read, keeping the row whole and the counts right', () => {
    const doc = sampleMap();
    const big = syntheticMap(doc.debate, 3000, 3);
    const columns = overview(buildGraph(big.debate.theses, big.claims, big.links), 3, 0.04);
    for (const col of columns) {
      const top = col.cells.filter((c) => c.depth === 1);
      expect(top.reduce((s, c) => s + (c.x1 - c.x0), 0)).toBeCloseTo(1);
      expect(top.reduce((s, c) => s + c.size, 0)).toBe(col.cells[0]!.size);
      for (const c of col.cells) if (!c.merged) expect(c.x1 - c.x0).toBeGreaterThanOrEqual(0.04);
      expect(col.cells.some((c) => c.merged > 0)).toBe(true);
      expect(Math.max(...col.cells.map((c) => c.depth))).toBeLessThanOrEqual(3);
      // Few enough cells to read: a few dozen, not thousands.
      expect(col.cells.length).toBeLessThan(200);
    }
  });
});
