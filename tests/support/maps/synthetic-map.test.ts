import { describe, expect, it } from 'vitest';
import { outline } from '@/lib/domain/argument-tree';
import { locateQuote } from '@/lib/domain/quote-anchoring';
import { seededDebate } from './fixtures';
import { syntheticMap } from './synthetic-map';

describe('syntheticMap (benchmark data)', () => {
  const debate = seededDebate();
  const map = syntheticMap(debate, 1000);

  it('has the size asked for, split over both theses, every claim reachable from its thesis', () => {
    expect(map.claims).toHaveLength(1000);
    const reachable = debate.theses.flatMap((t) => outline(map.claims, t.id));
    expect(reachable).toHaveLength(1000);
    expect(Math.max(...reachable.map((r) => r.depth))).toBeGreaterThan(3);
  });

  it('quotes passages that are really in the articles, and links only across sides', () => {
    expect(map.anchors.length).toBeGreaterThan(50);
    for (const a of map.anchors) {
      const source = debate.theses.find((t) => t.source.id === a.sourceId)!.source;
      expect(
        locateQuote(
          source.blocks.map((b) => b.text),
          a,
        ),
      ).not.toBeNull();
    }
    const thesisOf = new Map(map.claims.map((c) => [c.id, c.thesisId]));
    expect(map.links.length).toBeGreaterThan(0);
    for (const l of map.links) {
      const to = l.toClaimId ? thesisOf.get(l.toClaimId) : l.toThesisId;
      expect(to).not.toBe(thesisOf.get(l.fromClaimId));
    }
  });

  it('is the same map for the same seed', () => {
    expect(syntheticMap(debate, 200, 7)).toEqual(syntheticMap(debate, 200, 7));
    expect(syntheticMap(debate, 200, 7)).not.toEqual(syntheticMap(debate, 200, 8));
  });
});
