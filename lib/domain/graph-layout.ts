import { flextree } from 'd3-flextree';
import type { Graph, GraphNode } from './graph';

/**
 * Where every box of the graph goes, and the path of every arrow. A pro/con map is a pair of
 * trees, so each thesis gets a tidy tree (d3-flextree: linear time, variable box sizes), the
 * trees side by side in thesis order. Boxes of one depth share a row (as tall as its tallest
 * box), so between two rows runs an empty channel, and between two trees an empty column:
 * cross-links travel only along those, so an arrow never crosses a box's text. The same graph
 * always gets the same layout.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  /** Top-left corner of each box. */
  positions: Record<string, Point>;
  /** Each edge's path, from its source box to its target box. */
  routes: Record<string, Point[]>;
  bounds: Rect;
  /** Each thesis tree's extent (for showing one thesis at a time). */
  trees: Record<string, Rect>;
}

/** Space between rows (the channel arrows travel in) and between neighbouring boxes. */
export const ROW_GAP = 64;
export const SIBLING_GAP = 24;
export const COUSIN_GAP = 48;
/** Space between two thesis trees (the column cross-links travel in). */
export const TREE_GAP = 120;

interface Item {
  node: GraphNode;
  kids: Item[];
}

export function layoutGraph(graph: Graph): GraphLayout {
  const rowHeight: number[] = [];
  for (const n of graph.nodes) rowHeight[n.depth] = Math.max(rowHeight[n.depth] ?? 0, n.height);
  const rowTop: number[] = [];
  for (let d = 0, y = 0; d < rowHeight.length; d++) {
    rowTop[d] = y;
    y += (rowHeight[d] ?? 0) + ROW_GAP;
  }

  // The trees, from the boxes' parent ids (boxes come parent first).
  const items = new Map<string, Item>();
  const roots: Item[] = [];
  for (const node of graph.nodes) {
    const item: Item = { node, kids: [] };
    items.set(node.id, item);
    const parent = node.parentId ? items.get(node.parentId) : undefined;
    if (parent) parent.kids.push(item);
    else roots.push(item);
  }

  const layout = flextree<Item>({
    children: (d) => d.kids,
    nodeSize: (h) => [h.data.node.width, (rowHeight[h.data.node.depth] ?? 0) + ROW_GAP],
    spacing: (a, b) => (a.parent === b.parent ? SIBLING_GAP : COUSIN_GAP),
  });

  const positions: Record<string, Point> = {};
  const trees: Record<string, Rect> = {};
  const treeOf = new Map<string, number>();
  const columns: { left: number; right: number }[] = [];
  let offset = 0;
  roots.forEach((root, index) => {
    const tree = layout(layout.hierarchy(root));
    let left = Infinity;
    let right = -Infinity;
    tree.each((h) => {
      left = Math.min(left, h.x - h.data.node.width / 2);
      right = Math.max(right, h.x + h.data.node.width / 2);
    });
    let bottom = 0;
    tree.each((h) => {
      const { node } = h.data;
      const x = offset + h.x - node.width / 2 - left;
      const y = rowTop[node.depth] ?? 0;
      positions[node.id] = { x, y };
      treeOf.set(node.id, index);
      bottom = Math.max(bottom, y + node.height);
    });
    trees[root.node.id] = { x: offset, y: 0, width: right - left, height: bottom };
    columns.push({ left: offset, right: offset + right - left });
    offset += right - left + TREE_GAP;
  });

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const routes: Record<string, Point[]> = {};
  let lane = 0;
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const sp = positions[e.source];
    const tp = positions[e.target];
    if (!s || !t || !sp || !tp) continue;
    const from = { x: sp.x + s.width / 2, y: sp.y };
    const to = { x: tp.x + t.width / 2, y: tp.y + t.height };
    if (!e.cross) {
      routes[e.id] = [from, to];
      continue;
    }
    // Up into the channel above the source's row, along it to the column between the trees,
    // along that to the channel below the target's row, along it, and up into the target.
    const k = lane++;
    const st = treeOf.get(e.source) ?? 0;
    const tt = treeOf.get(e.target) ?? 0;
    const gapAfter = Math.min(Math.max(st, tt), columns.length - 1) - (st === tt ? 0 : 1);
    const gap = columns[gapAfter] ? columns[gapAfter].right : (columns[0]?.left ?? 0) - TREE_GAP;
    const x = gap + TREE_GAP / 2 + ((k % 11) - 5) * 8;
    const shift = ((k % 7) - 3) * 4;
    const above = (rowTop[s.depth] ?? 0) - ROW_GAP / 2 + shift;
    const below = (rowTop[t.depth] ?? 0) + (rowHeight[t.depth] ?? 0) + ROW_GAP / 2 + shift;
    const sx = from.x + 40;
    const tx = to.x + 40;
    routes[e.id] = [
      { x: sx, y: from.y },
      { x: sx, y: above },
      { x, y: above },
      { x, y: below },
      { x: tx, y: below },
      { x: tx, y: to.y },
    ];
  }

  const height = rowTop.length
    ? (rowTop[rowTop.length - 1] ?? 0) + (rowHeight[rowHeight.length - 1] ?? 0)
    : 0;
  return {
    positions,
    routes,
    bounds: { x: 0, y: 0, width: Math.max(0, offset - TREE_GAP), height },
    trees,
  };
}

/** A box's rectangle in the layout. */
export function boxRect(
  layout: GraphLayout,
  node: Pick<GraphNode, 'id' | 'width' | 'height'>,
): Rect {
  const p = layout.positions[node.id] ?? { x: 0, y: 0 };
  return { x: p.x, y: p.y, width: node.width, height: node.height };
}

export const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The boxes to draw for a part of the layout: those in `view`, their parents (their arrows end
 * there), and the far ends of their cross-links. A map of 10,000 claims draws a few dozen.
 */
export function boxesInView(graph: Graph, layout: GraphLayout, view: Rect): Set<string> {
  const ids = new Set<string>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of graph.nodes) {
    if (!intersects(boxRect(layout, n), view)) continue;
    ids.add(n.id);
    if (n.parentId) ids.add(n.parentId);
  }
  for (const e of graph.edges) {
    if (!e.cross) continue;
    if (ids.has(e.source) && byId.has(e.target)) ids.add(e.target);
    else if (ids.has(e.target) && byId.has(e.source)) ids.add(e.source);
  }
  return ids;
}

/** The smallest rectangle holding the given boxes. */
export function boundsOf(graph: Graph, layout: GraphLayout, ids: ReadonlySet<string>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of graph.nodes) {
    if (!ids.has(n.id)) continue;
    const r = boxRect(layout, n);
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
