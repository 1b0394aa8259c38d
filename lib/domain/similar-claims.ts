import { contentWords } from './evidence-finder';

/**
 * Whether a claim being written says what one already in the map says (Kialo Edu warns the same
 * way), so the student can go there instead of splitting the debate in two. Claims are compared
 * by their content words (stemmed, stop words dropped, lib/domain/evidence-finder.ts): the Dice
 * coefficient 2|A∩B| / (|A| + |B|) of the two sets; at 0.6 and above they count as similar.
 */

export const SIMILAR_AT = 0.6;

interface Claimish {
  id: string;
  text: string;
}

// Each claim's words, worked out once per version of the claim (claims are immutable objects).
const wordsOf = new WeakMap<object, Set<string>>();
const words = (c: Claimish) => {
  let set = wordsOf.get(c);
  if (!set) wordsOf.set(c, (set = new Set(contentWords(c.text))));
  return set;
};

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The existing claim most like `text`, if any is similar enough (at least two content words). */
export function mostSimilar<T extends Claimish>(
  claims: readonly T[],
  text: string,
  except?: string,
): { claim: T; score: number } | null {
  const mine = new Set(contentWords(text));
  if (mine.size < 2) return null;
  let best: { claim: T; score: number } | null = null;
  for (const c of claims) {
    if (c.id === except) continue;
    const score = similarity(mine, words(c));
    if (score >= SIMILAR_AT && (!best || score > best.score)) best = { claim: c, score };
  }
  return best;
}
