import type { Stance } from './argument-tree';
import type { CrossLink } from './cross-links';
import { helpsThesis, roles, type Role } from './dialectic';
import { groupBy } from './group-by';
import { byOrder } from './order-keys';
import type { ClaimView, ThesisView } from './views';

/** A box in the graph view: a thesis or a claim. */
export interface GraphNode {
  id: string;
  kind: 'thesis' | 'claim';
  /** The thesis box's tree it belongs to. */
  thesisId: string;
  /** Its parent box (a claim or the thesis); null for a thesis. */
  parentId: string | null;
  /** 0 for a thesis, 1 for the claims that answer it, and so on. */
  depth: number;
  text: string;
  stance: Stance | null;
  /** What it is in the debate (null for a thesis); its colour is the side it helps. */
  role: Role | null;
  strength: number | null;
  quotes: number;
  hasNote: boolean;
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

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Box geometry. Claim text is 14 px: at the graph's smallest zoom (READABLE_ZOOM) it is 12 px. */
export const NODE_WIDTH = 264;
export const TEXT_PX = 14;
export const LINE_PX = 20;
/** Lines of text a box shows (the panel beside the graph shows all of it). */
export const MAX_LINES = 6;
/** Characters a line holds at 14 px in a 264 px box, counted low so text never overflows. */
const LINE_CHARS = 30;

/** A text wrapped word by word at LINE_CHARS a line (a longer word is cut), all lines. */
export function wrapLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length <= LINE_CHARS) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (word.length > LINE_CHARS) {
      lines.push(word.slice(0, LINE_CHARS));
      word = word.slice(LINE_CHARS);
    }
    line = word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Lines a box shows of a text (at most MAX_LINES; a thesis, the debate's own words, 8). */
export function lineCount(text: string, max = MAX_LINES): number {
  return Math.min(max, wrapLines(text).length);
}

export const THESIS_LINES = 8;

/** A box's height: its label row, its text, and (for a claim) the row of evidence markers. */
export function nodeHeight(text: string, kind: GraphNode['kind']): number {
  return kind === 'thesis'
    ? lineCount(text, THESIS_LINES) * LINE_PX + 52
    : lineCount(text) * LINE_PX + 76;
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
  opts: {
    collapsed?: ReadonlySet<string>;
    focusId?: string | null;
    /** Quotes per claim id. */
    quotes?: ReadonlyMap<string, number>;
  } = {},
): Graph {
  const collapsed = opts.collapsed ?? new Set<string>();
  const children = groupBy(claims, (c) => c.parentId ?? c.thesisId);
  for (const list of children.values()) list.sort(byOrder);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const roleOf = roles(claims);
  const count = (id: string): number => {
    let n = 0;
    const stack = [id];
    while (stack.length) {
      for (const c of children.get(stack.pop()!) ?? []) {
        n += 1;
        stack.push(c.id);
      }
    }
    return n;
  };

  let allowed: Set<string> | null = null;
  if (opts.focusId && byId.has(opts.focusId)) {
    allowed = new Set<string>();
    for (let c = byId.get(opts.focusId); c; c = c.parentId ? byId.get(c.parentId) : undefined)
      allowed.add(c.id);
    const stack = [opts.focusId];
    while (stack.length) {
      const id = stack.pop()!;
      allowed.add(id);
      for (const c of children.get(id) ?? []) stack.push(c.id);
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
      thesisId: t.id,
      parentId: null,
      depth: 0,
      text,
      stance: null,
      role: null,
      strength: null,
      quotes: 0,
      hasNote: false,
      hiddenReplies: 0,
      childCount: (children.get(t.id) ?? []).length,
      width: NODE_WIDTH,
      height: nodeHeight(text, 'thesis'),
    });
    visible.add(t.id);
    // Depth first, iteratively (a deep thread must not overflow the stack), in reading order.
    const stack: { claim: ClaimView; depth: number }[] = (children.get(t.id) ?? [])
      .map((claim) => ({ claim, depth: 1 }))
      .reverse();
    while (stack.length) {
      const { claim: c, depth } = stack.pop()!;
      if (allowed && !allowed.has(c.id)) continue;
      const folded = collapsed.has(c.id);
      const parentId = c.parentId ?? c.thesisId;
      nodes.push({
        id: c.id,
        kind: 'claim',
        thesisId: t.id,
        parentId,
        depth,
        text: c.text,
        stance: c.stance,
        role: roleOf.get(c.id) ?? 'support',
        strength: c.strength,
        quotes: opts.quotes?.get(c.id) ?? 0,
        hasNote: c.note.trim() !== '',
        hiddenReplies: folded ? count(c.id) : 0,
        childCount: (children.get(c.id) ?? []).length,
        width: NODE_WIDTH,
        height: nodeHeight(c.text, 'claim'),
      });
      visible.add(c.id);
      edges.push({
        id: `tree:${c.id}`,
        source: c.id,
        target: parentId,
        stance: c.stance,
        cross: false,
      });
      if (!folded) {
        const kids = children.get(c.id) ?? [];
        for (let i = kids.length - 1; i >= 0; i--)
          stack.push({ claim: kids[i]!, depth: depth + 1 });
      }
    }
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

/** Whether a box is coloured as helping its thesis (a thesis counts as helping itself). */
export const boxHelps = (node: Pick<GraphNode, 'role'>) =>
  node.role === null || helpsThesis(node.role);

/**
 * What a layout depends on: the boxes in order, their heights, and the tree edges (cross-links
 * are routed after). Graphs with equal keys have equal layouts, so a layout can be reused.
 */
export function layoutKey(graph: Graph): string {
  return graph.nodes.map((n) => `${n.id}:${n.parentId ?? ''}:${n.height}`).join('|');
}

/** How many quotes each claim has. */
export function quoteCounts(anchors: readonly { claimId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of anchors) counts.set(a.claimId, (counts.get(a.claimId) ?? 0) + 1);
  return counts;
}
