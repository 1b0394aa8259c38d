import { outline } from '../argument-tree';
import type { MapView, SourceView, ThesisView } from '../views';

/** What every export reads: a map with its debate (the owner is not part of the document). */
export type MapDocument = Pick<MapView, 'title' | 'debate' | 'claims' | 'anchors' | 'links'>;

export interface OrderedClaim {
  claim: MapView['claims'][number];
  depth: number;
  thesis: ThesisView;
  /** A stable label in reading order: C1, C2, … (thesis 1's claims first). */
  label: string;
}

/** Every claim in reading order (thesis by thesis, depth first), labelled C1, C2, … */
export function orderedClaims(doc: MapDocument): OrderedClaim[] {
  let n = 0;
  return doc.debate.theses.flatMap((thesis) =>
    outline(doc.claims, thesis.id).map((row) => ({
      claim: row.claim,
      depth: row.depth,
      thesis,
      label: `C${++n}`,
    })),
  );
}

/** Thesis labels used by the text formats: T1, T2. */
export const thesisLabel = (thesis: ThesisView) => `T${thesis.position + 1}`;

/**
 * What is said in place of an article's web address when it has none (an article pasted in from
 * print or a handout): the attribution, the brief and the exports say so rather than show an
 * empty link.
 */
export const NO_WEB_ADDRESS = 'no web address given';

/** A one-line citation: “Title”, Authors, Publisher (date). */
export function citation(source: SourceView): string {
  const date = source.publishedOn ? ` (${source.publishedOn.slice(0, 10)})` : '';
  return `“${source.title}”, ${source.authors}, ${source.publisher}${date}`;
}
