import { childrenAt } from './argument-tree';
import { objectionsTo, type Objection } from './dialectic';
import type { AnchorView, ClaimView, SourceView, ThesisView } from './views';
import { citation, type MapDocument } from './exchange/document';
import { byOrder } from './order-keys';

/** A quoted piece of evidence with where it comes from. */
export interface BriefQuote {
  exact: string;
  citation: string;
  url: string;
}

export interface BriefPoint {
  claim: ClaimView;
  quotes: BriefQuote[];
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
  /** Our supporting claims, strongest first (by the student's rating; unrated last). */
  case: (BriefPoint & { support: BriefPoint[] })[];
  objections: BriefObjection[];
  /**
   * Our objections to the other side: at any depth of its tree, and our claims that attack it
   * by a cross-link (lib/domain/dialectic.ts decides what counts).
   */
  attacks: (BriefPoint & { target: string; byLink: boolean })[];
  gaps: number;
}

const byStrength = (a: ClaimView, b: ClaimView) =>
  (b.strength ?? 0) - (a.strength ?? 0) || byOrder(a, b);

/** The debate brief for one side: the case, the objections to expect with rebuttals, the gaps. */
export function buildBrief(doc: MapDocument, thesisId: string): Brief {
  const thesis = doc.debate.theses.find((t) => t.id === thesisId);
  const opponent = doc.debate.theses.find((t) => t.id !== thesisId);
  if (!thesis || !opponent) throw new Error('A brief needs a thesis of the map’s debate.');
  const sources = new Map<string, SourceView>(
    doc.debate.theses.map((t) => [t.source.id, t.source]),
  );
  const quotesOf = (claimId: string): BriefQuote[] =>
    doc.anchors
      .filter((a: AnchorView) => a.claimId === claimId)
      .map((a) => ({
        exact: a.exact,
        citation: citation(sources.get(a.sourceId)!),
        url: sources.get(a.sourceId)!.url,
      }));
  const point = (claim: ClaimView): BriefPoint => ({ claim, quotes: quotesOf(claim.id) });
  const under = (parentId: string | null, thesisOf: string) =>
    childrenAt(doc.claims, { thesisId: thesisOf, parentId }).sort(byStrength);
  const claimById = new Map(doc.claims.map((c) => [c.id, c]));
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

  const casePoints = under(null, thesis.id).filter((c) => c.stance === 'pro');
  const objections: BriefObjection[] = ordered(objectionsTo(doc.claims, doc.links, thesis.id)).map(
    (o) => ({
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
    }),
  );
  return {
    title: doc.title,
    motion: doc.debate.motion,
    thesis,
    opponent,
    case: casePoints.map((c) => ({
      ...point(c),
      support: under(c.id, thesis.id)
        .filter((s) => s.stance === 'pro')
        .map(point),
    })),
    objections,
    attacks: ordered(objectionsTo(doc.claims, doc.links, opponent.id)).map((o) => ({
      ...point(o.claim),
      target: targetText(o.targetId),
      byLink: o.viaLink,
    })),
    gaps: objections.filter((o) => o.gap).length,
  };
}
