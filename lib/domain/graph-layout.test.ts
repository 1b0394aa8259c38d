import { describe, expect, it } from 'vitest';
import { buildGraph, type Graph } from './graph';
import {
  boxRect,
  boxesInView,
  intersects,
  layoutGraph,
  type Point,
  type Rect,
} from './graph-layout';
import { sampleMap } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';

const doc = sampleMap();
const big = syntheticMap(doc.debate, 2000, 7);
const graphOf = (d = doc) => buildGraph(d.debate.theses, d.claims, d.links);

/** Whether segment a-b passes through the inside of r (touching its edge does not count). */
function crosses(a: Point, b: Point, r: Rect): boolean {
  const inner = { x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 };
  if (a.x === b.x) {
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return intersects({ x: a.x, y: y0, width: 0.001, height: y1 - y0 }, inner);
  }
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  return intersects({ x: x0, y: a.y, width: x1 - x0, height: 0.001 }, inner);
}

function overlaps(graph: Graph, layout: ReturnType<typeof layoutGraph>) {
  const rects = graph.nodes.map((n) => boxRect(layout, n)).sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length && rects[j]!.x < rects[i]!.x + rects[i]!.width; j++)
      if (intersects(rects[i]!, rects[j]!)) found.push(`${i}/${j}`);
  return found;
}

describe('graph layout', () => {
  it('puts parents above their replies, each thesis tree beside the other, no two boxes overlapping', () => {
    for (const d of [doc, big]) {
      const graph = graphOf(d);
      const layout = layoutGraph(graph);
      expect(overlaps(graph, layout)).toEqual([]);
      for (const n of graph.nodes) {
        if (!n.parentId) continue;
        const parent = graph.nodes.find((p) => p.id === n.parentId)!;
        expect(layout.positions[n.id]!.y).toBeGreaterThanOrEqual(
          layout.positions[parent.id]!.y + parent.height,
        );
      }
      const [a, b] = d.debate.theses.map((t) => layout.trees[t.id]!);
      expect(a!.x + a!.width).toBeLessThan(b!.x);
    }
  });

  it('lines up each depth in one row, so arrows run in empty channels between rows', () => {
    const graph = graphOf(big);
    const layout = layoutGraph(graph);
    const tops = new Map<number, Set<number>>();
    for (const n of graph.nodes)
      tops.set(n.depth, (tops.get(n.depth) ?? new Set()).add(layout.positions[n.id]!.y));
    for (const ys of tops.values()) expect(ys.size).toBe(1);
  });

  it('routes every cross-link around boxes: no segment passes through a box', () => {
    const graph = graphOf(big);
    const layout = layoutGraph(graph);
    const cross = graph.edges.filter((e) => e.cross);
    expect(cross.length).toBeGreaterThan(5);
    const rects = graph.nodes.map((n) => boxRect(layout, n));
    for (const e of cross) {
      const route = layout.routes[e.id]!;
      expect(route.length).toBe(6);
      for (let i = 0; i < route.length - 1; i++) {
        // The first and last segments enter their own boxes' edges, and only those.
        const hit = rects.filter((r) => crosses(route[i]!, route[i + 1]!, r));
        expect(hit).toEqual([]);
      }
    }
  });

  it('is the same for the same map, and a changed text moves nothing', () => {
    const first = layoutGraph(graphOf(big));
    expect(layoutGraph(graphOf(big))).toEqual(first);
    const edited = {
      ...big,
      claims: big.claims.map((c, i) => (i === 10 ? { ...c, text: `${c.text.slice(0, 20)}!` } : c)),
    };
    expect(layoutGraph(graphOf(edited)).positions).toEqual(first.positions);
  });

  it('after a new reply, nothing left of it moves, nor what it answers', () => {
    const before = layoutGraph(graphOf(big));
    const parent = big.claims[40]!;
    const reply = { ...parent, id: 'new-reply', parentId: parent.id, order: 'zzz', text: 'New' };
    const grown = { ...big, claims: [...big.claims, reply] };
    const after = layoutGraph(graphOf(grown));
    const x = before.positions[parent.id]!.x;
    let kept = 0;
    for (const [id, p] of Object.entries(before.positions)) {
      if (p.x >= x) continue;
      expect(after.positions[id]).toEqual(p);
      kept++;
    }
    expect(kept).toBeGreaterThan(10);
    for (
      let c: typeof parent | undefined = parent;
      c;
      c = big.claims.find((o) => o.id === c!.parentId)
    )
      expect(after.positions[c.id]).toEqual(before.positions[c.id]);
  });

  it('draws only the boxes in view, with their parents and cross-link ends', () => {
    const graph = graphOf(big);
    const layout = layoutGraph(graph);
    const thesis = big.debate.theses[0]!.id;
    const view = { x: layout.positions[thesis]!.x - 400, y: 0, width: 1200, height: 800 };
    const ids = boxesInView(graph, layout, view);
    expect(ids.has(thesis)).toBe(true);
    expect(ids.size).toBeLessThan(80);
    for (const id of ids) {
      const n = graph.nodes.find((x) => x.id === id)!;
      if (intersects(boxRect(layout, n), view) && n.parentId)
        expect(ids.has(n.parentId)).toBe(true);
    }
  });
});
