import { groupBy } from './group-by';
import { objectionsTo, polarities, roleFor, type Objection, type Role } from './dialectic';
import type { AnchorView, ClaimView, ThesisView } from './views';
import { citation, type MapDocument } from './exchange/document';
import { byOrder } from './order-keys';
import { isAnchored } from './reanchor';

/**
 * The debate brief for one side: what students debate from. It carries the whole map (every
 * claim at every depth of both trees, with notes, quotes and ratings), then the preparation lists
 * (objections to expect with our rebuttals, the gaps, our attacks), with quotes cited shortly
 * against one list of sources.
 */

/** A quoted piece of evidence: its words and the number of its source in `Brief.sources`. */
export interface BriefQuote {
  exact: string;
  source: number;
  /** True for a quote no longer in its article (lost in an edit of the article). */
  lost?: boolean;
}

export interface BriefSource {
  number: number;
  citation: string;
  url: string;
  /** How the quotes cite it: the publisher and the number, e.g. "The Conversation [1]". */
  short: string;
}

export interface BriefPoint {
  claim: ClaimView;
  quotes: BriefQuote[];
}

/** A claim in one of the two trees, with its replies. */
export interface BriefNode extends BriefPoint {
  role: Role;
  /** The side the claim helps: ours (the brief's thesis) or theirs. Colours follow this. */
  helps: 'us' | 'them';
  /** An objection to a case with no rebuttal yet. */
  gap: boolean;
  depth: number;
  children: BriefNode[];
}

export interface BriefObjection extends BriefPoint {
  /** What it objects to: the thesis or one of the case's claims. */
  target: string;
  rebuttals: BriefPoint[];
  /** True when no rebuttal is prepared: a gap to close before the debate. */
  gap: boolean;
  /** Raised from the other side's map (a cross-link) rather than under our own thesis. */
  fromOtherSide: boolean;
}

export interface Brief {
  title: string;
  motion: string;
  thesis: ThesisView;
  opponent: ThesisView;
  /** Everything under our thesis, every depth; each level strongest first (unrated last). */
  case: BriefNode[];
  /** Everything under the other thesis, likewise. */
  theirCase: BriefNode[];
  /** Objections to our case, at any depth and by cross-links, with their rebuttals. */
  objections: BriefObjection[];
  /**
   * Our objections to the other side: at any depth of its tree, and our claims that attack it
   * by a cross-link (lib/domain/dialectic.ts decides what counts).
   */
  attacks: (BriefPoint & { target: string; byLink: boolean })[];
  gaps: number;
  sources: BriefSource[];
  /** Claims in the map, and how many of them the two trees show (all, unless one is broken). */
  claimCount: number;
  shown: number;
}

const byStrength = (a: ClaimView, b: ClaimView) =>
  (b.strength ?? 0) - (a.strength ?? 0) || byOrder(a, b);

/** The debate brief for one side. */
export function buildBrief(doc: MapDocument, thesisId: string): Brief {
  const thesis = doc.debate.theses.find((t) => t.id === thesisId);
  const opponent = doc.debate.theses.find((t) => t.id !== thesisId);
  if (!thesis || !opponent) throw new Error('A brief needs a thesis of the map’s debate.');

  const sources: BriefSource[] = doc.debate.theses.map((t, i) => ({
    number: i + 1,
    citation: citation(t.source),
    url: t.source.url,
    short: `${t.source.publisher} [${i + 1}]`,
  }));
  const sourceNumber = new Map<string, number>(
    doc.debate.theses.map((t: ThesisView, i) => [t.source.id, i + 1]),
  );
  const sourceBlocks = new Map(doc.debate.theses.map((t) => [t.source.id, t.source.blocks]));
  const anchorsOf = groupBy(doc.anchors, (a: AnchorView) => a.claimId);
  const point = (claim: ClaimView): BriefPoint => ({
    claim,
    quotes: (anchorsOf.get(claim.id) ?? []).map((a) => {
      const blocks = sourceBlocks.get(a.sourceId);
      return {
        exact: a.exact,
        source: sourceNumber.get(a.sourceId) ?? 0,
        ...(blocks && !isAnchored(a, blocks) ? { lost: true } : {}),
      };
    }),
  });
  const claimById = new Map(doc.claims.map((c) => [c.id, c]));
  const polarity = polarities(doc.claims);
  const objections = objectionsTo(doc.claims, doc.links, thesis.id);
  const attackObjections = objectionsTo(doc.claims, doc.links, opponent.id);
  // Gaps are ours to close: objections in our own tree with no rebuttal yet.
  const gapIds = new Set(objections.filter((o) => o.gap && !o.viaLink).map((o) => o.claim.id));
  const childrenOf = groupBy(
    [...doc.claims].sort(byStrength),
    (c: ClaimView) => `${c.thesisId}/${c.parentId ?? ''}`,
  );

  let shown = 0;
  /** One thesis's tree, built without recursion so a 200-level map cannot overflow the stack. */
  const tree = (root: ThesisView): BriefNode[] => {
    const top: BriefNode[] = [];
    const stack: { claim: ClaimView; into: BriefNode[]; depth: number }[] = [];
    const push = (parentId: string | null, into: BriefNode[], depth: number) => {
      const kids = childrenOf.get(`${root.id}/${parentId ?? ''}`) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ claim: kids[i]!, into, depth });
    };
    push(null, top, 0);
    while (stack.length) {
      const { claim, into, depth } = stack.pop()!;
      const parentPolarity = claim.parentId ? (polarity.get(claim.parentId) ?? 1) : 1;
      const forRoot = polarity.get(claim.id) === 1;
      const node: BriefNode = {
        ...point(claim),
        role: roleFor(claim.stance, parentPolarity),
        helps: forRoot === (root.id === thesis.id) ? 'us' : 'them',
        gap: gapIds.has(claim.id),
        depth,
        children: [],
      };
      into.push(node);
      shown += 1;
      push(claim.id, node.children, depth + 1);
    }
    return top;
  };

  const depth = (c: ClaimView) => {
    let d = 0;
    for (let p = c.parentId; p && d < doc.claims.length; p = claimById.get(p)?.parentId ?? null)
      d++;
    return d;
  };
  const targetText = (id: string | null) =>
    id ? `“${claimById.get(id)?.text ?? ''}”` : 'the thesis';
  // Shallow objections first, then by the student's rating; the other side's cross-links last.
  const ordered = (list: Objection<ClaimView>[]) =>
    [...list].sort(
      (a, b) =>
        Number(a.viaLink) - Number(b.viaLink) ||
        depth(a.claim) - depth(b.claim) ||
        byStrength(a.claim, b.claim),
    );

  const briefObjections: BriefObjection[] = ordered(objections).map((o) => ({
    ...point(o.claim),
    target: targetText(o.targetId),
    rebuttals: [...o.rebuttals]
      .sort(
        (a, b) =>
          Number(a.thesisId !== o.claim.thesisId) - Number(b.thesisId !== o.claim.thesisId) ||
          byStrength(a, b),
      )
      .map(point),
    gap: o.gap,
    fromOtherSide: o.viaLink,
  }));
  const ours = tree(thesis);
  const theirs = tree(opponent);
  return {
    title: doc.title,
    motion: doc.debate.motion,
    thesis,
    opponent,
    case: ours,
    theirCase: theirs,
    objections: briefObjections,
    attacks: ordered(attackObjections).map((o) => ({
      ...point(o.claim),
      target: targetText(o.targetId),
      byLink: o.viaLink,
    })),
    gaps: briefObjections.filter((o) => o.gap).length,
    sources,
    claimCount: doc.claims.length,
    shown,
  };
}

/** Every node of a tree, in reading order (depth first), without recursion. */
export function flattenBrief(nodes: readonly BriefNode[]): BriefNode[] {
  const out: BriefNode[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** What a claim is, in the brief's words, seen from the side whose brief it is. */
export function roleLabel(node: BriefNode, ourTree: boolean): string {
  switch (node.role) {
    case 'support':
      return ourTree ? 'Support' : 'Their support';
    case 'objection':
      return ourTree ? 'Objection' : 'Our objection';
    case 'rebuttal':
      return ourTree ? 'Rebuttal' : 'Their rebuttal';
    case 'objection-support':
      return ourTree ? 'Backs the objection' : 'Backs our objection';
  }
}
