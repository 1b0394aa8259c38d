import type { Stance } from './argument-tree';
import type { CrossLink } from './cross-links';
import type { ClaimView, ThesisView } from './views';
import { byOrder } from './order-keys';

/** A box in the graph view: a thesis or a claim. */
export interface GraphNode {
  id: string;
  kind: 'thesis' | 'claim';
  text: string;
  stance: Stance | null;
  /** How many replies are hidden under it because it is collapsed. */
  hiddenReplies: number;
  childCount: number;
  width: number;
  height: number;
}

/** An arrow: from a claim to what it supports or attacks; `cross` for links to the other side. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  stance: Stance;
  cross: boolean;
}

export const NODE_WIDTH = 240;

/** A box tall enough for its text at about 30 characters a line (at most 7 lines show). */
export function nodeHeight(text: string, kind: GraphNode['kind']): number {
  const lines = Math.min(7, Math.ceil(Math.max(1, text.length) / 30));
  return 44 + lines * 18 + (kind === 'thesis' ? 18 : 0);
}

/**
 * The graph view of a map: both theses and every claim that is not inside a collapsed claim,
 * with tree edges and cross-links. With `focusId`, only that claim, what it answers up to its
 * thesis, and everything beneath it.
 */
export function buildGraph(
  theses: readonly ThesisView[],
  claims: readonly ClaimView[],
  links: readonly CrossLink[],
  opts: { collapsed?: ReadonlySet<string>; focusId?: string | null } = {},
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const collapsed = opts.collapsed ?? new Set<string>();
  const children = new Map<string, ClaimView[]>();
  for (const c of claims) {
    const key = c.parentId ?? c.thesisId;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  for (const list of children.values()) list.sort(byOrder);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const count = (id: string): number =>
    (children.get(id) ?? []).reduce((n, c) => n + 1 + count(c.id), 0);

  let allowed: Set<string> | null = null;
  if (opts.focusId && byId.has(opts.focusId)) {
    allowed = new Set<string>();
    for (let c = byId.get(opts.focusId); c; c = c.parentId ? byId.get(c.parentId) : undefined)
      allowed.add(c.id);
    const stack = [opts.focusId];
    while (stack.length) {
      const id = stack.pop()!;
      allowed.add(id);
      stack.push(...(children.get(id) ?? []).map((c) => c.id));
    }
  }

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const visible = new Set<string>();
  for (const t of theses) {
    const text = `${t.label}: ${t.text}`;
    nodes.push({
      id: t.id,
      kind: 'thesis',
      text,
      stance: null,
      hiddenReplies: 0,
      childCount: (children.get(t.id) ?? []).length,
      width: NODE_WIDTH,
      height: nodeHeight(text, 'thesis'),
    });
    visible.add(t.id);
    const walk = (parentKey: string) => {
      for (const c of children.get(parentKey) ?? []) {
        if (allowed && !allowed.has(c.id)) continue;
        const folded = collapsed.has(c.id);
        nodes.push({
          id: c.id,
          kind: 'claim',
          text: c.text,
          stance: c.stance,
          hiddenReplies: folded ? count(c.id) : 0,
          childCount: (children.get(c.id) ?? []).length,
          width: NODE_WIDTH,
          height: nodeHeight(c.text, 'claim'),
        });
        visible.add(c.id);
        edges.push({
          id: `tree:${c.id}`,
          source: c.id,
          target: c.parentId ?? c.thesisId,
          stance: c.stance,
          cross: false,
        });
        if (!folded) walk(c.id);
      }
    };
    walk(t.id);
  }
  for (const l of links) {
    const target = l.toClaimId ?? l.toThesisId;
    if (target && visible.has(l.fromClaimId) && visible.has(target)) {
      edges.push({
        id: `link:${l.id}`,
        source: l.fromClaimId,
        target,
        stance: l.stance,
        cross: true,
      });
    }
  }
  return { nodes, edges };
}

/**
 * ELK's input: one layered, top-down layout per thesis (parents above their replies), to be
 * placed side by side in thesis order. Cross-links are left out of the layout.
 */
export function elkGraph(graph: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const tree = graph.edges.filter((e) => !e.cross);
  const parentOf = new Map(tree.map((e) => [e.source, e.target]));
  const rootOf = (id: string): string => (parentOf.has(id) ? rootOf(parentOf.get(id)!) : id);
  const roots = graph.nodes.filter((n) => n.kind === 'thesis').map((n) => n.id);
  return roots.map((root) => {
    const members = graph.nodes.filter((n) => rootOf(n.id) === root);
    const ids = new Set(members.map((n) => n.id));
    return {
      id: `layout:${root}`,
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.layered.spacing.nodeNodeBetweenLayers': '56',
        'elk.spacing.nodeNode': '28',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      },
      children: members.map((n) => ({ id: n.id, width: n.width, height: n.height })),
      // Drawn from a claim up to its parent, laid out from the parent down.
      edges: tree
        .filter((e) => ids.has(e.source))
        .map((e) => ({ id: e.id, sources: [e.target], targets: [e.source] })),
    };
  });
}

/**
 * What a layout depends on: the boxes in order, their heights, and the tree edges (cross-links
 * are not laid out). Graphs with equal keys have equal layouts, so a layout can be reused.
 */
export function layoutKey(graph: { nodes: GraphNode[]; edges: GraphEdge[] }): string {
  const boxes = graph.nodes.map((n) => `${n.id}:${n.height}`).join('|');
  const tree = graph.edges
    .filter((e) => !e.cross)
    .map((e) => `${e.source}>${e.target}`)
    .join('|');
  return `${boxes}#${tree}`;
}
