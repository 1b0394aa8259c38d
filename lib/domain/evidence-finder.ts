import MiniSearch from 'minisearch';
import type { QuoteLocation } from './quote-anchoring';
import type { Article } from './quote-matching';

/**
 * The evidence finder: the sentences of both articles most related to a claim, so a student
 * picks a passage instead of hunting for it. A lexical ranking, no model and no network: every
 * sentence of every paragraph is a document in a MiniSearch index (BM25+ over its words), the
 * claim's words are the query (stop words dropped, a light English stemmer on both sides, a
 * little fuzziness for typos, prefix matches for the last word being typed). Ties keep reading
 * order. lib/domain/evidence-finder.test.ts measures how often the passage a claim was written
 * from comes back in the top three on the seed articles.
 */

export interface Passage {
  sourceId: string;
  location: QuoteLocation;
  /** The sentence as the article has it. */
  text: string;
}

export interface FoundPassage extends Passage {
  score: number;
}

const STOP = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i ' +
    'if in into is it its may might more most no not of on or our out over she so some such than ' +
    'that the their them then there these they this those to too under up very was we were what ' +
    'when where which while who why will with would you your also just only even much many'
  ).split(' '),
);

/** A light stemmer: enough for "sanctions"/"sanctioned"/"sanctioning" to meet. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/[’']s$/u, '');
  for (const [suffix, min] of [
    ['ations', 4],
    ['ation', 4],
    ['ments', 4],
    ['ment', 4],
    ['ings', 3],
    ['ing', 3],
    ['ies', 3],
    ['ied', 3],
    ['ed', 3],
    ['es', 4],
    ['s', 3],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) return w.slice(0, -suffix.length);
  }
  return w;
}

/** A text's content words, stemmed, stop words dropped (what the finder and the similar-claim check compare). */
export function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((t) => processTerm(t) ?? []);
}

const processTerm = (term: string) => {
  const w = term.toLowerCase();
  return w.length < 2 || STOP.has(w) ? null : stem(w);
};

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Every sentence of every paragraph of the articles, with where it is. */
export function articleSentences(articles: readonly Article[]): Passage[] {
  const out: Passage[] = [];
  for (const article of articles)
    article.blocks.forEach((text, block) => {
      for (const s of sentences.segment(text)) {
        const trimmed = s.segment.trim();
        if (trimmed.split(/\s+/).length < 4) continue;
        const start = s.index + s.segment.indexOf(trimmed);
        out.push({
          sourceId: article.sourceId,
          location: { block, start, end: start + trimmed.length },
          text: trimmed,
        });
      }
    });
  return out;
}

/** An index of the articles' sentences, built once per map view. */
export class EvidenceIndex {
  private readonly passages: Passage[];
  private readonly search: MiniSearch<{ id: number; text: string }>;

  constructor(articles: readonly Article[]) {
    this.passages = articleSentences(articles);
    this.search = new MiniSearch({ fields: ['text'], idField: 'id', processTerm });
    this.search.addAll(this.passages.map((p, id) => ({ id, text: p.text })));
  }

  /** The `limit` passages most related to `text`, best first; none for a text of no words. */
  find(text: string, limit = 3): FoundPassage[] {
    if (!text.trim()) return [];
    return this.search
      .search(text, { fuzzy: 0.15, prefix: (_term, i, terms) => i === terms.length - 1 })
      .slice(0, limit)
      .map((r) => ({ ...this.passages[r.id as number]!, score: r.score }));
  }
}
