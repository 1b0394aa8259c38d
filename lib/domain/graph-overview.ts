import type { Graph, GraphNode } from './graph';

/**
 * The overview of a big map: an icicle per thesis. The thesis is the top row; under it each
 * claim's cell is as wide as its share of the claims beneath the thesis (itself and its
 * replies), so the big branches are the wide cells, at a glance; siblings go biggest first.
 * Cells too narrow to read are merged into one "N more" cell per parent, at the end.
 */
export interface OverviewCell {
  /** The claim (or thesis) it opens; for a merged cell, the parent whose replies it holds. */
  id: string;
  depth: number;
  /** Left and right edge as a fraction of the thesis column (0..1). */
  x0: number;
  x1: number;
  /** Claims in it (itself and everything beneath; for a merged cell, all of its claims). */
  size: number;
  node: GraphNode | null;
  /** How many claims a merged cell stands for (0 for a claim's own cell). */
  merged: number;
}

export interface OverviewColumn {
  thesis: GraphNode;
  cells: OverviewCell[];
  rows: number;
}

/**
 * Cells down to `maxDepth` rows below the thesis; a cell narrower than `minFraction` of the
 * column is merged with its narrow neighbours.
 */
export function overview(graph: Graph, maxDepth = 4, minFraction = 0.04): OverviewColumn[] {
  const kids = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    if (!n.parentId) continue;
    const list = kids.get(n.parentId);
    if (list) list.push(n);
    else kids.set(n.parentId, [n]);
  }
  // Subtree sizes, children before parents (nodes come parent first).
  const size = new Map<string, number>();
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const n = graph.nodes[i]!;
    const own = n.kind === 'claim' ? 1 + n.hiddenReplies : 0;
    size.set(n.id, own + (kids.get(n.id) ?? []).reduce((s, k) => s + (size.get(k.id) ?? 0), 0));
  }

  return graph.nodes
    .filter((n) => n.kind === 'thesis')
    .map((thesis) => {
      const total = size.get(thesis.id) ?? 0;
      const cells: OverviewCell[] = [
        { id: thesis.id, depth: 0, x0: 0, x1: 1, size: total, node: thesis, merged: 0 },
      ];
      let rows = 0;
      const place = (parent: GraphNode, x0: number, x1: number, depth: number) => {
        if (depth > maxDepth) return;
        const list = [...(kids.get(parent.id) ?? [])].sort(
          (a, b) => (size.get(b.id) ?? 0) - (size.get(a.id) ?? 0),
        );
        const parentSize = list.reduce((s, k) => s + (size.get(k.id) ?? 0), 0);
        if (!parentSize) return;
        rows = Math.max(rows, depth);
        let x = x0;
        let pending: { x0: number; size: number; count: number } | null = null;
        const flush = () => {
          if (!pending) return;
          cells.push({
            id: parent.id,
            depth,
            x0: pending.x0,
            x1: x,
            size: pending.size,
            node: null,
            merged: pending.count,
          });
          pending = null;
        };
        for (const k of list) {
          const s = size.get(k.id) ?? 0;
          const w = ((x1 - x0) * s) / parentSize;
          if (w < minFraction) {
            pending ??= { x0: x, size: 0, count: 0 };
            pending.size += s;
            pending.count += 1;
            x += w;
            continue;
          }
          flush();
          cells.push({ id: k.id, depth, x0: x, x1: x + w, size: s, node: k, merged: 0 });
          place(k, x, x + w, depth + 1);
          x += w;
        }
        flush();
      };
      place(thesis, 0, 1, 1);
      return { thesis, cells, rows };
    });
}
