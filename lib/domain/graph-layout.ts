import type { Graph, GraphEdge, GraphNode } from './graph';

/**
 * Where every box of the graph goes, and the path of every arrow. A pro/con map is a pair of
 * trees, so each thesis gets a tidy tree, the trees side by side in thesis order: each subtree
 * has a slot as wide as its box or its children's slots side by side, and a box sits at the left
 * of its slot, above its first reply, so a tree reads left to right like the outline, and an
 * edit moves only what is to its right (two linear passes, no recursion). Boxes of one depth
 * share a row (as tall as its tallest box), so between two rows runs an empty channel, and between two trees an empty column:
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

export function layoutGraph(graph: Graph): GraphLayout {
  const rowHeight: number[] = [];
  for (const n of graph.nodes) rowHeight[n.depth] = Math.max(rowHeight[n.depth] ?? 0, n.height);
  const rowTop: number[] = [];
  for (let d = 0, y = 0; d < rowHeight.length; d++) {
    rowTop[d] = y;
    y += (rowHeight[d] ?? 0) + ROW_GAP;
  }

  // Boxes come parent first (buildGraph's order), so children are collected in one pass and
  // subtree widths in one pass backwards: linear time, no recursion (a deep thread is safe).
  const count = graph.nodes.length;
  const index = new Map<string, number>();
  const parent = new Int32Array(count).fill(-1);
  const kids: number[][] = Array.from({ length: count }, () => []);
  graph.nodes.forEach((n, i) => {
    index.set(n.id, i);
    const p = n.parentId ? index.get(n.parentId) : undefined;
    if (p !== undefined) {
      parent[i] = p;
      kids[p]!.push(i);
    }
  });
  // A subtree's slot: as wide as its box, or its children's slots side by side if wider.
  const slot = new Float64Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const list = kids[i]!;
    let w = 0;
    for (const k of list) w += slot[k]!;
    w += Math.max(0, list.length - 1) * SIBLING_GAP;
    slot[i] = Math.max(graph.nodes[i]!.width, w);
  }

  // Each subtree in its slot, its box at the left above its first reply, the trees side by side.
  const left = new Float64Array(count);
  const positions: Record<string, Point> = {};
  const trees: Record<string, Rect> = {};
  const treeOf = new Int32Array(count);
  const columns: { left: number; right: number }[] = [];
  let offset = 0;
  graph.nodes.forEach((n, i) => {
    if (parent[i] === -1) {
      left[i] = offset;
      treeOf[i] = columns.length;
      columns.push({ left: offset, right: offset + slot[i]! });
      trees[n.id] = { x: offset, y: 0, width: slot[i]!, height: 0 };
      offset += slot[i]! + (n.kind === 'thesis' ? TREE_GAP : COUSIN_GAP);
    } else treeOf[i] = treeOf[parent[i]!]!;
    let x = left[i]!;
    for (const k of kids[i]!) {
      left[k] = x;
      x += slot[k]! + SIBLING_GAP;
    }
    positions[n.id] = { x: left[i]!, y: rowTop[n.depth] ?? 0 };
  });
  for (const n of graph.nodes) {
    const t = trees[n.thesisId];
    if (t) t.height = Math.max(t.height, (positions[n.id]?.y ?? 0) + n.height);
  }
  const treeIndex = (id: string) => treeOf[index.get(id) ?? 0] ?? 0;

  const nodeOf = (id: string) => {
    const i = index.get(id);
    return i === undefined ? undefined : graph.nodes[i];
  };
  const routes: Record<string, Point[]> = {};
  let lane = 0;
  for (const e of graph.edges) {
    const s = nodeOf(e.source);
    const t = nodeOf(e.target);
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
    const st = treeIndex(e.source);
    const tt = treeIndex(e.target);
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
    bounds: { x: 0, y: 0, width: columns.at(-1)?.right ?? 0, height },
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

/** How an arrow looks, on screen and in the picture: the colour of its stance, solid for a
 * support, dashed for an attack, dotted for a link to the other side. */
export const ARROW_COLOUR = { pro: '#047857', con: '#be123c' } as const;
export function arrowDash(edge: Pick<GraphEdge, 'stance' | 'cross'>): string | undefined {
  return edge.cross ? '2 5' : edge.stance === 'con' ? '7 5' : undefined;
}

/** An arrow's SVG path along its route: a tree edge an S-curve, a cross-link straight segments. */
export function routePath(points: readonly Point[], cross: boolean): string {
  if (!cross && points.length === 2) {
    const [a, b] = points as [Point, Point];
    const mid = (a.y + b.y) / 2;
    return `M ${a.x} ${a.y} C ${a.x} ${mid}, ${b.x} ${mid}, ${b.x} ${b.y}`;
  }
  return points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
}
