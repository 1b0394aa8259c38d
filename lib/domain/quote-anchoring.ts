import { clip, clipStart } from './text';

/**
 * Anchoring quotes to an article, after the W3C Web Annotation TextQuoteSelector: a quote is
 * stored as its exact text with a little context either side, so it can be found again even
 * when whitespace, quote marks or dashes differ, and when the same words occur twice.
 */

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a quote sits: the block (paragraph) index and character offsets within that block. */
export interface QuoteLocation {
  block: number;
  start: number;
  end: number;
}

/** How many characters of context a stored selector keeps either side of the quote. */
export const CONTEXT_LENGTH = 32;

const EQUIVALENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
};

interface Normalized {
  text: string;
  /** For each character of `text`, the index of the original character it came from. */
  origin: number[];
}

/** Folds typographic variants and runs of whitespace, remembering where each character came from. */
export function normalize(input: string): Normalized {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        origin.push(i);
      }
      continue;
    }
    const out = EQUIVALENTS[ch] ?? ch;
    for (const o of out) {
      text += o;
      origin.push(i);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

// An article's paragraphs are normalized again for every quote looked for in it: on the server,
// for every quote a class adds (about two thirds of a quote's cost). Kept, a few articles' worth.
const normalizedBlocks = new Map<string, Normalized>();

function normalizedBlock(text: string): Normalized {
  let norm = normalizedBlocks.get(text);
  if (!norm) {
    if (normalizedBlocks.size >= 2000) normalizedBlocks.clear();
    norm = normalize(text);
    normalizedBlocks.set(text, norm);
  }
  return norm;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds a quote in an article's blocks. Among several occurrences it prefers the one whose
 * surrounding text best matches the selector's prefix and suffix, then the hinted block.
 * Returns null when the quote is not in the article.
 */
export function locateQuote(
  blocks: readonly string[],
  selector: TextQuoteSelector,
  hintBlock?: number,
): QuoteLocation | null {
  const exact = normalize(selector.exact).text;
  if (!exact) return null;
  const prefix = normalize(selector.prefix).text;
  const suffix = normalize(selector.suffix).text;

  let best: { location: QuoteLocation; score: number } | null = null;
  blocks.forEach((blockText, block) => {
    const norm = normalizedBlock(blockText);
    for (let at = norm.text.indexOf(exact); at !== -1; at = norm.text.indexOf(exact, at + 1)) {
      const before = norm.text.slice(0, at).trimEnd();
      const after = norm.text.slice(at + exact.length).trimStart();
      const score =
        commonSuffixLength(before, prefix.trimEnd()) +
        commonPrefixLength(after, suffix.trimStart()) +
        (block === hintBlock ? 0.5 : 0);
      if (!best || score > best.score) {
        const start = norm.origin[at]!;
        const end = norm.origin[at + exact.length - 1]! + 1;
        best = { location: { block, start, end }, score };
      }
    }
  });
  return best ? (best as { location: QuoteLocation }).location : null;
}

/** The canonical selector for a located quote: the article's own text and context. */
export function selectorAt(
  blocks: readonly string[],
  location: QuoteLocation,
  context = CONTEXT_LENGTH,
): TextQuoteSelector {
  const text = blocks[location.block] ?? '';
  return {
    exact: text.slice(location.start, location.end),
    // Whole characters only: a cut through an emoji would leave half of it, ill-formed text.
    prefix: clipStart(
      text.slice(Math.max(0, location.start - 2 * context), location.start),
      context,
    ),
    suffix: clip(text.slice(location.end, location.end + 2 * context), context),
  };
}
