import { appError } from '../error-words';
import { byOrder, keyAt } from './order-keys';

/**
 * The argument tree: every map has one root per thesis; under a thesis or a claim sit claims
 * that support it (pro) or object to it (con). An objection to an objection is a rebuttal.
 * These functions are data in, data out: they never mutate their input.
 */

export const STANCES = ['pro', 'con'] as const;
export type Stance = (typeof STANCES)[number];

export interface TreeNode {
  id: string;
  thesisId: string;
  /** null: the claim answers its thesis directly. */
  parentId: string | null;
  stance: Stance;
  /** Order among siblings: a fractional key (see order-keys.ts), ties broken by id. */
  order: string;
}

/** Where a claim sits: under a thesis directly (parentId null) or under a claim of that thesis. */
export interface Place {
  thesisId: string;
  parentId: string | null;
}

const sameParent = (node: TreeNode, place: Place) =>
  node.parentId === place.parentId && (place.parentId !== null || node.thesisId === place.thesisId);

/** The claims directly under a place, in order. */
export function childrenAt<T extends TreeNode>(claims: readonly T[], place: Place): T[] {
  return claims.filter((c) => sameParent(c, place)).sort(byOrder);
}

/** A claim's index among its siblings (0-based). */
export function siblingIndex(claims: readonly TreeNode[], id: string): number {
  const node = find(claims, id);
  return childrenAt(claims, placeOf(node)).findIndex((c) => c.id === id);
}

/** The place a claim sits in. */
export function placeOf(node: TreeNode): Place {
  return { thesisId: node.thesisId, parentId: node.parentId };
}

/** The ids of a claim and every claim beneath it. */
export function subtreeIds(claims: readonly TreeNode[], id: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const c of claims) {
    if (c.parentId) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c.id]);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(kids.get(next) ?? []));
  }
  return out;
}

function find<T extends TreeNode>(claims: readonly T[], id: string): T {
  const node = claims.find((c) => c.id === id);
  if (!node) throw appError('claim.gone');
  return node;
}

/** Checks that a place exists in this map and returns it with its thesis made consistent. */
export function resolvePlace(claims: readonly TreeNode[], place: Place): Place {
  if (place.parentId === null) return place;
  const parent = claims.find((c) => c.id === place.parentId);
  if (!parent) throw appError('claim.parentGone');
  return { thesisId: parent.thesisId, parentId: parent.id };
}

const clampIndex = (index: number | undefined, length: number) =>
  index === undefined ? length : Math.max(0, Math.min(length, Math.trunc(index)));

/**
 * Adds a claim at a place, at `index` among its siblings (default: last). Only the new claim gets
 * a key; no sibling changes.
 */
export function insertClaim<T extends TreeNode>(
  claims: readonly T[],
  claim: T,
  index?: number,
): T[] {
  if (claims.some((c) => c.id === claim.id)) throw appError('change.idTaken', { what: 'claim' });
  const place = resolvePlace(claims, placeOf(claim));
  const siblings = childrenAt(claims, place);
  const order = keyAt(siblings, clampIndex(index, siblings.length), claim.id);
  return [...claims, { ...claim, ...place, order }];
}

/**
 * Moves a claim (with everything under it) to `index` at another place or the same one.
 * Refuses to move a claim under itself or under one of its own replies.
 */
export function moveClaim<T extends TreeNode>(
  claims: readonly T[],
  id: string,
  target: Place,
  index?: number,
): T[] {
  find(claims, id);
  const place = resolvePlace(claims, target);
  const subtree = subtreeIds(claims, id);
  if (place.parentId !== null && subtree.has(place.parentId)) {
    throw appError('claim.underItself');
  }
  const siblings = childrenAt(
    claims.filter((c) => c.id !== id),
    place,
  );
  const order = keyAt(siblings, clampIndex(index, siblings.length), id);
  return claims.map((c) =>
    c.id === id
      ? { ...c, ...place, order }
      : subtree.has(c.id) && c.thesisId !== place.thesisId
        ? { ...c, thesisId: place.thesisId }
        : c,
  );
}

/** Removes a claim and everything under it; returns what is left and what was removed. */
export function removeSubtree<T extends TreeNode>(
  claims: readonly T[],
  id: string,
): { claims: T[]; removed: T[] } {
  find(claims, id);
  const gone = subtreeIds(claims, id);
  return {
    claims: claims.filter((c) => !gone.has(c.id)),
    removed: claims.filter((c) => gone.has(c.id)),
  };
}

/** Makes a claim the last reply of the sibling above it. Returns null when there is none. */
export function indentClaim<T extends TreeNode>(claims: readonly T[], id: string): T[] | null {
  const node = find(claims, id);
  const siblings = childrenAt(claims, placeOf(node));
  const above = siblings[siblings.findIndex((c) => c.id === id) - 1];
  if (!above) return null;
  return moveClaim(claims, id, { thesisId: above.thesisId, parentId: above.id });
}

/** Moves a claim out one level, just after its parent. Returns null when it is already at the top. */
export function outdentClaim<T extends TreeNode>(claims: readonly T[], id: string): T[] | null {
  const node = find(claims, id);
  if (node.parentId === null) return null;
  const parent = find(claims, node.parentId);
  return moveClaim(claims, id, placeOf(parent), siblingIndex(claims, parent.id) + 1);
}

/** Moves a claim up (-1) or down (+1) among its siblings. Returns null at either end. */
export function shiftClaim<T extends TreeNode>(
  claims: readonly T[],
  id: string,
  delta: -1 | 1,
): T[] | null {
  const node = find(claims, id);
  const siblings = childrenAt(claims, placeOf(node));
  const from = siblings.findIndex((c) => c.id === id);
  const to = from + delta;
  if (to < 0 || to >= siblings.length) return null;
  return moveClaim(claims, id, placeOf(node), to);
}

export interface OutlineRow<T> {
  claim: T;
  depth: number;
  childCount: number;
  /** Its place among its siblings (0-based), and how many siblings there are, itself included. */
  index: number;
  siblings: number;
}

/**
 * The claims under one thesis in reading order (depth first), with their depth and their place
 * among their siblings (what a screen reader says of a tree item: level, "3 of 5").
 */
export function outline<T extends TreeNode>(
  claims: readonly T[],
  thesisId: string,
): OutlineRow<T>[] {
  const byParent = new Map<string, T[]>();
  const key = (place: Place) => place.parentId ?? `thesis:${place.thesisId}`;
  for (const c of claims) {
    const k = key(c);
    const list = byParent.get(k);
    if (list) list.push(c);
    else byParent.set(k, [c]);
  }
  for (const list of byParent.values()) list.sort(byOrder);
  const rows: OutlineRow<T>[] = [];
  const walk = (k: string, depth: number) => {
    const kids = byParent.get(k) ?? [];
    kids.forEach((c, index) => {
      const childCount = byParent.get(c.id)?.length ?? 0;
      rows.push({ claim: c, depth, childCount, index, siblings: kids.length });
      walk(c.id, depth + 1);
    });
  };
  walk(`thesis:${thesisId}`, 0);
  return rows;
}

/** The claims whose place or position differ between two versions of a map. */
export function structuralChanges<T extends TreeNode>(
  before: readonly T[],
  after: readonly T[],
): T[] {
  const old = new Map(before.map((c) => [c.id, c]));
  return after.filter((c) => {
    const o = old.get(c.id);
    return !o || o.parentId !== c.parentId || o.thesisId !== c.thesisId || o.order !== c.order;
  });
}
