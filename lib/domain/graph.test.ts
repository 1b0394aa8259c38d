import { describe, expect, it } from 'vitest';
import { buildGraph, layoutKey, lineCount, nodeHeight } from './graph';
import { sampleMap } from '@/tests/support/maps/fixtures';

describe('graph view model', () => {
  const doc = sampleMap();
  const ids = (g: ReturnType<typeof buildGraph>) => g.nodes.map((n) => n.id);

  it('has both theses, every claim, tree edges with stance and cross-links marked', () => {
    const g = buildGraph(doc.debate.theses, doc.claims, doc.links);
    expect(ids(g)).toEqual(['thesis-1', 'c1', 'c2', 'c3', 'thesis-2', 'c4', 'c5']);
    expect(
      g.edges.filter((e) => !e.cross).map((e) => `${e.source}-${e.stance}->${e.target}`),
    ).toEqual([
      'c1-pro->thesis-1',
      'c2-con->c1',
      'c3-con->c2',
      'c4-pro->thesis-2',
      'c5-con->thesis-2',
    ]);
    expect(
      g.edges.filter((e) => e.cross).map((e) => `${e.source}-${e.stance}->${e.target}`),
    ).toEqual(['c5-con->c2', 'c4-con->thesis-1']);
  });

  it('hides the replies of a collapsed claim and counts them, with their cross-links', () => {
    const g = buildGraph(doc.debate.theses, doc.claims, doc.links, { collapsed: new Set(['c1']) });
    expect(ids(g)).toEqual(['thesis-1', 'c1', 'thesis-2', 'c4', 'c5']);
    expect(g.nodes.find((n) => n.id === 'c1')?.hiddenReplies).toBe(2);
    expect(g.edges.some((e) => e.target === 'c2')).toBe(false);
  });

  it('focuses on a claim: its ancestors and its subtree only', () => {
    const g = buildGraph(doc.debate.theses, doc.claims, doc.links, { focusId: 'c2' });
    expect(ids(g)).toEqual(['thesis-1', 'c1', 'c2', 'c3', 'thesis-2']);
  });

  it('gives each box its depth, parent, role, evidence markers and a height for its text', () => {
    const quotes = new Map([['c2', 3]]);
    const g = buildGraph(doc.debate.theses, doc.claims, doc.links, { quotes });
    const c3 = g.nodes.find((n) => n.id === 'c3')!;
    expect([c3.depth, c3.parentId, c3.thesisId, c3.role]).toEqual([
      3,
      'c2',
      'thesis-1',
      'rebuttal',
    ]);
    expect(g.nodes.find((n) => n.id === 'c2')!.quotes).toBe(3);
    expect(g.nodes.find((n) => n.id === 'thesis-1')!.depth).toBe(0);
    // Word wrap at about 30 characters a line, at most six lines shown.
    expect(lineCount('short')).toBe(1);
    expect(lineCount('word '.repeat(12))).toBe(2);
    expect(lineCount('x'.repeat(1000))).toBe(6);
    expect(nodeHeight('x'.repeat(1000), 'claim')).toBeGreaterThan(nodeHeight('short', 'claim'));
  });

  it('keys a layout by boxes, heights and tree edges: a move changes it, a cross-link does not', () => {
    const key = layoutKey(buildGraph(doc.debate.theses, doc.claims, doc.links));
    expect(layoutKey(buildGraph(doc.debate.theses, doc.claims, doc.links))).toBe(key);
    expect(layoutKey(buildGraph(doc.debate.theses, doc.claims, []))).toBe(key);
    // c5 (a top-level claim) becomes a reply to c4, on the same side: same boxes, other tree.
    const moved = doc.claims.map((c) =>
      c.id === 'c5' ? { ...c, parentId: 'c4', order: 'a0' } : c,
    );
    expect(layoutKey(buildGraph(doc.debate.theses, moved, doc.links))).not.toBe(key);
    const longer = doc.claims.map((c) =>
      c.id === 'c1' ? { ...c, text: `${c.text} `.repeat(20) } : c,
    );
    expect(layoutKey(buildGraph(doc.debate.theses, longer, doc.links))).not.toBe(key);
  });
});
