import { childrenAt } from './argument-tree';
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
  /** Our objections to the other side's thesis. */
  attacks: BriefPoint[];
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
  const rebuttalsOf = (objection: ClaimView): BriefPoint[] => [
    ...under(objection.id, objection.thesisId)
      .filter((c) => c.stance === 'con')
      .map(point),
    ...doc.links
      .filter((l) => l.toClaimId === objection.id && l.stance === 'con')
      .map((l) => point(claimById.get(l.fromClaimId)!)),
  ];
  const objection = (claim: ClaimView, target: string, fromOtherSide: boolean): BriefObjection => {
    const rebuttals = rebuttalsOf(claim);
    return { ...point(claim), target, rebuttals, gap: rebuttals.length === 0, fromOtherSide };
  };

  const casePoints = under(null, thesis.id).filter((c) => c.stance === 'pro');
  const objections: BriefObjection[] = [
    ...under(null, thesis.id)
      .filter((c) => c.stance === 'con')
      .map((c) => objection(c, 'the thesis', false)),
    ...casePoints.flatMap((p) =>
      under(p.id, thesis.id)
        .filter((c) => c.stance === 'con')
        .map((c) => objection(c, `“${p.text}”`, false)),
    ),
    ...doc.links
      .filter(
        (l) =>
          l.stance === 'con' &&
          (l.toThesisId === thesis.id || casePoints.some((p) => p.id === l.toClaimId)),
      )
      .map((l) =>
        objection(
          claimById.get(l.fromClaimId)!,
          l.toThesisId ? 'the thesis' : `“${claimById.get(l.toClaimId!)!.text}”`,
          true,
        ),
      ),
  ];
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
    attacks: under(null, opponent.id)
      .filter((c) => c.stance === 'con')
      .map(point),
    gaps: objections.filter((o) => o.gap).length,
  };
}
