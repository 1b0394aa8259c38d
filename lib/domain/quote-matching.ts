import search from 'approx-string-match';
import type { QuoteLocation } from './quote-anchoring';

/**
 * Finding a typed or pasted quote in the articles the way Hypothesis anchors annotations: the
 * words have to be there, not every comma. Both sides are folded (case, punctuation, quote marks,
 * dashes, "U.S."/"US", runs of spaces), "..." joins pieces of one paragraph, and a few typing
 * slips are allowed (approx-string-match, the Myers bit-parallel search Hypothesis uses). What a
 * match returns is the article's own text, so that is what gets stored and shown.
 */

export interface Article {
  sourceId: string;
  blocks: readonly string[];
}

export interface FoundQuote {
  sourceId: string;
  location: QuoteLocation;
  /** The article's own words for the passage. */
  exact: string;
  /** Typing slips allowed for (0: the same words, whatever the punctuation and case). */
  errors: number;
}

export type QuoteMatch =
  | ({ kind: 'found' } & FoundQuote)
  /** Nothing close enough: the nearest passage, if any is near at all, to offer instead. */
  | { kind: 'none'; suggestion: FoundQuote | null };

interface Folded {
  text: string;
  /** For each character of `text`, the index in the original of the character it came from. */
  origin: number[];
}

const DASH = /[\p{Pd}\u2212]/u;
const KEEP = /[\p{L}\p{N}]/u;

/**
 * Lower-case letters and digits; whitespace and dashes become one space; all other punctuation
 * (commas, full stops, quote marks, apostrophes) is dropped, so "U.S." and "US" fold alike.
 */
export function fold(input: string): Folded {
  let text = '';
  const origin: number[] = [];
  const space = (i: number) => {
    if (text.length > 0 && !text.endsWith(' ')) {
      text += ' ';
      origin.push(i);
    }
  };
  for (let i = 0; i < input.length; i++) {
    const code = input.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (/\s/u.test(ch) || DASH.test(ch)) space(i);
    else if (KEEP.test(ch))
      for (const out of ch.toLowerCase()) {
        text += out;
        origin.push(i);
      }
    if (code > 0xffff) i++;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

/** How many slips a piece of this folded length may have: none in short ones, then one in 12. */
const allowance = (length: number, loose: boolean) =>
  loose ? Math.floor(length * 0.35) : length < 16 ? 0 : Math.min(12, Math.floor(length / 12));

/** The pieces of a typed quote: "..." or "…" marks words left out. */
export const quotePieces = (typed: string) =>
  typed
    .split(/\.{3,}|…/u)
    .map((p) => fold(p))
    .filter((p) => p.text.length > 0);

/** The best place of every piece in order within one block, or null. */
function inBlock(
  block: Folded,
  pieces: Folded[],
  loose: boolean,
): { start: number; end: number; errors: number } | null {
  let from = 0;
  let start = -1;
  let end = 0;
  let errors = 0;
  for (const piece of pieces) {
    const rest = block.text.slice(from);
    const matches = search(rest, piece.text, allowance(piece.text.length, loose));
    if (!matches.length) return null;
    const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
    if (start < 0) start = from + best.start;
    end = from + best.end;
    errors += best.errors;
    from = end;
  }
  return start < 0 ? null : { start, end, errors };
}

function best(articles: readonly Article[], pieces: Folded[], loose: boolean) {
  let found: FoundQuote | null = null;
  for (const article of articles) {
    article.blocks.forEach((text, block) => {
      const folded = fold(text);
      const at = inBlock(folded, pieces, loose);
      if (!at || (found && found.errors <= at.errors)) return;
      // Back to the article's characters: from the first matched one to the last.
      let first = at.start;
      let last = at.end - 1;
      while (folded.text[first] === ' ' && first < last) first++;
      while (folded.text[last] === ' ' && last > first) last--;
      const start = folded.origin[first]!;
      const lastChar = folded.origin[last]!;
      const end = lastChar + (text.codePointAt(lastChar)! > 0xffff ? 2 : 1);
      found = {
        sourceId: article.sourceId,
        location: { block, start, end },
        exact: text.slice(start, end),
        errors: at.errors,
      };
    });
  }
  return found as FoundQuote | null;
}

/**
 * Finds a typed quote in the articles, the preferred one first (on equal terms it wins). Returns
 * the article's own words, or the nearest passage to offer when nothing is close enough.
 */
export function matchQuote(
  articles: readonly Article[],
  typed: string,
  preferredSourceId?: string,
): QuoteMatch {
  const ordered = [...articles].sort(
    (a, b) => Number(b.sourceId === preferredSourceId) - Number(a.sourceId === preferredSourceId),
  );
  const pieces = quotePieces(typed);
  if (!pieces.length) return { kind: 'none', suggestion: null };
  const found = best(ordered, pieces, false);
  if (found) return { kind: 'found', ...found };
  return { kind: 'none', suggestion: nearestSentence(ordered, pieces) };
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

/**
 * The part of a sentence the typed words quote: from the first typed word found in it to the
 * last one, in the order typed (the rest of a long sentence is not offered as if it were typed).
 * The whole sentence, trimmed, when they cannot be told apart.
 */
function typedSpan(sentence: string, pieces: Folded[]): [number, number] {
  const words = [...sentence.matchAll(WORD)].map((m) => ({
    word: fold(m[0]).text,
    from: m.index,
    to: m.index + m[0].length,
  }));
  const typed = pieces.flatMap((p) => p.text.split(' ')).filter((w) => w.length >= 3);
  const at = (word: string, after: number) =>
    words.findIndex((w, i) => i >= after && w.word === word);
  const first = typed.map((w) => at(w, 0)).find((i) => i >= 0) ?? -1;
  if (first < 0) {
    const trimmed = sentence.trim();
    const from = sentence.indexOf(trimmed);
    return [from, from + trimmed.length];
  }
  // The word found at `first` is found again from there: there is always a last one.
  const last = typed
    .toReversed()
    .map((w) => at(w, first))
    .find((i) => i >= 0)!;
  return [words[first]!.from, words[last]!.to];
}
const wordsOf = (folded: string) => new Set(folded.split(' ').filter((w) => w.length >= 3));

/**
 * The sentence sharing most of the typed words (at least half of them, and three), for "Did you
 * mean …": a paraphrase or a passage typed from memory is far from the words in edits but near
 * in vocabulary.
 */
function nearestSentence(articles: readonly Article[], pieces: Folded[]): FoundQuote | null {
  const typed = wordsOf(pieces.map((p) => p.text).join(' '));
  let best: { found: FoundQuote; score: number } | null = null;
  for (const article of articles)
    article.blocks.forEach((text, block) => {
      for (const s of sentences.segment(text)) {
        const words = wordsOf(fold(s.segment).text);
        let shared = 0;
        for (const w of typed) if (words.has(w)) shared++;
        const score = shared / Math.max(1, typed.size);
        if (shared < 3 || score < 0.5 || (best && best.score >= score)) continue;
        const [from, to] = typedSpan(s.segment, pieces);
        const exact = s.segment.slice(from, to);
        const start = s.index + from;
        best = {
          found: {
            sourceId: article.sourceId,
            location: { block, start, end: start + exact.length },
            exact,
            errors: typed.size - shared,
          },
          score,
        };
      }
    });
  return (best as { found: FoundQuote } | null)?.found ?? null;
}
