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

/** The article as one text: its blocks joined by blank lines (what TextPositionSelector counts in). */
export function articleText(source: SourceView): string {
  return source.blocks.map((b) => b.text).join('\n\n');
}

/** The offset in articleText() where a block starts. */
export function blockOffset(source: SourceView, block: number): number {
  let offset = 0;
  for (let i = 0; i < block; i++) offset += (source.blocks[i]?.text.length ?? 0) + 2;
  return offset;
}

/** A one-line citation: “Title”, Authors, Publisher (date). */
export function citation(source: SourceView): string {
  const date = source.publishedOn ? ` (${source.publishedOn.slice(0, 10)})` : '';
  return `“${source.title}”, ${source.authors}, ${source.publisher}${date}`;
}

/** Items grouped by a key, each group in the items' order (built once per export). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
