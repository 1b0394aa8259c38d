import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Sibling order as fractional keys (Figma's and Linear's scheme, via the fractional-indexing
 * package): a claim's place among its siblings is a string that sorts between its neighbours', so
 * inserting or moving one claim writes that one claim, and two people inserting at once never
 * renumber each other's claims. Keys compare as plain strings (code-unit order); equal keys (two
 * people inserting at the same spot while apart) are ordered by claim id, so everyone sees the
 * same order.
 */

export interface Ordered {
  id: string;
  order: string;
}

/** Compares two siblings: by key, then by id. */
export function byOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key that sorts after `before` and before `after` (either may be null: an open end). */
export function keyBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `n` ascending keys for a fresh list (imports, copies, seeds). */
export function initialKeys(n: number): string[] {
  return n === 0 ? [] : generateNKeysBetween(null, null, n);
}

/**
 * Hands out ascending keys per list, for building a map one claim at a time (imports, seeds):
 * `next(list)` is the key after the last one given for that list.
 */
export function keyCounter(): (list: string) => string {
  const last = new Map<string, string>();
  return (list) => {
    const key = keyBetween(last.get(list) ?? null, null);
    last.set(list, key);
    return key;
  };
}

/**
 * The key for a new item placed at `index` among `siblings` (sorted, without the item itself).
 * Where the neighbours share a key, the item goes after all of them: a key cannot fall between
 * two equal keys.
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const lower = index > 0 ? (siblings[index - 1]?.order ?? null) : null;
  const upper = siblings.slice(index).find((s) => lower === null || s.order > lower);
  return keyBetween(lower, upper?.order ?? null);
}
