import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Sibling order as fractional keys (Figma's and Linear's scheme, via the fractional-indexing
 * package): a claim's place among its siblings is a string that sorts between its neighbours', so
 * inserting or moving one claim writes that one claim, and two people inserting at once never
 * renumber each other's claims. Keys compare as plain strings (code-unit order). A new key ends in
 * a few characters of its claim's id, so two people inserting at the same spot while apart still
 * get different keys (see keyAt); keys that are equal all the same (written before that) are
 * ordered by claim id, so everyone sees the same order.
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
 * Where the neighbours share a key (left by versions before keys were made unique), the item goes
 * after all of them: a key cannot fall between two equal keys.
 *
 * `salt` (the item's own id) makes the key unique: two people inserting at the same spot while
 * apart compute the same key between the same neighbours, so a few characters of each item's id
 * are appended to it. Their keys then differ (and still sort between the neighbours), so every
 * later insert or move can fall between them.
 */
export function keyAt(siblings: readonly Ordered[], index: number, salt?: string): string {
  const lower = index > 0 ? (siblings[index - 1]?.order ?? null) : null;
  const upper = siblings.slice(index).find((s) => lower === null || s.order > lower);
  const key = keyBetween(lower, upper?.order ?? null);
  return salt === undefined ? key : salted(key, upper?.order ?? null, salt);
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 32-bit FNV-1a of a string, from `seed`. */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * Seven base-62 digits from a hash of the whole id (any two ids almost surely differ in them),
 * never ending in "0", which no key may.
 */
function saltDigits(id: string): string {
  let out = '';
  for (const seed of [2166136261, 3323198485]) {
    let h = fnv(id, seed);
    for (let i = 0; i < 4; i++, h = Math.floor(h / 62)) out += DIGITS[h % 62];
  }
  return `${out.slice(0, 6)}${DIGITS[1 + (fnv(id, 97) % 61)]}`;
}

/**
 * `key` (below `upper`) with the salt appended, still below `upper`. Appending keeps a key above
 * the one it extends; it stays below `upper` unless `key` is a prefix of it, so then the key is
 * first moved closer to `upper` until it is not (at most `upper.length` steps).
 */
function salted(key: string, upper: string | null, salt: string): string {
  let base = key;
  while (upper !== null && upper.startsWith(base)) base = keyBetween(base, upper);
  return base + saltDigits(salt);
}
