import { outline, type TreeNode } from './argument-tree';

/**
 * "Find a claim": the claims whose text holds what was typed, ignoring case, accents and the kind
 * of quote mark or dash, in reading order (the first thesis's outline, then the second's). Every
 * word typed must appear in the claim, in any order ("talks korea" finds "Korea's talks").
 * Plain substring matching: predictable for a student looking for their own words, and fast
 * enough for 10,000 claims on every key press once the texts are folded (searchIndex).
 */

/** Text folded for matching: lower case, no accents, one kind of quote and dash, single spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Searchable extends TreeNode {
  text: string;
}

export interface SearchEntry<T> {
  claim: T;
  /** Which thesis (0 or 1, in the order given) the claim is under. */
  side: number;
  folded: string;
}

/** Folded texts by claim: a claim unchanged since the last search is not folded again. */
const folds = new WeakMap<object, string>();
const folded = (claim: Searchable) => {
  let text = folds.get(claim);
  if (text === undefined) folds.set(claim, (text = foldForSearch(claim.text)));
  return text;
};

/** The claims of a map in reading order with their folded text: built once per change to the map. */
export function searchIndex<T extends Searchable>(
  claims: readonly T[],
  thesisIds: readonly string[],
): SearchEntry<T>[] {
  return thesisIds.flatMap((thesisId, side) =>
    outline(claims, thesisId).map((r) => ({ claim: r.claim, side, folded: folded(r.claim) })),
  );
}

export interface SearchResult<T> {
  /** The first `limit` matches, in reading order. */
  matches: SearchEntry<T>[];
  /** How many claims match in all. */
  total: number;
}

/** The claims whose text holds every word of `query` (folded); none for an empty query. */
export function findClaims<T>(
  index: readonly SearchEntry<T>[],
  query: string,
  limit = 20,
): SearchResult<T> {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const matches: SearchEntry<T>[] = [];
  let total = 0;
  if (words.length === 0) return { matches, total };
  for (const entry of index) {
    if (!words.every((w) => entry.folded.includes(w))) continue;
    total += 1;
    if (matches.length < limit) matches.push(entry);
  }
  return { matches, total };
}
