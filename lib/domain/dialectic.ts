import type { TreeNode } from './argument-tree';
import type { CrossLink } from './cross-links';

/**
 * The one place that decides what an objection, a rebuttal and a gap are. The thesis card, the
 * outline's badges, the graph, the brief and the exports all ask here.
 *
 * Every claim argues for its thesis or against it: its *polarity* is the product of the stances
 * on its path to the thesis (pro +1, con −1). Then:
 * - a **support** is a pro claim under something that argues for the thesis;
 * - an **objection** is a con claim under something that argues for the thesis (the thesis itself,
 *   a support, a rebuttal), or a claim of the other side that attacks such a thing by a con
 *   cross-link;
 * - a **rebuttal** answers an objection: a con reply to it, or a claim that attacks it by a con
 *   cross-link (an objection to a rebuttal is an objection again, one level down);
 * - a **gap** is an objection with no rebuttal yet.
 */

export type Role = 'support' | 'objection' | 'rebuttal' | 'objection-support';
export type Polarity = 1 | -1;

// Maps are never changed in place (every edit makes a new claims array), so the answers for an
// array are kept for as long as the array lives: the outline, the counts, the graph and the quote
// bar all ask after each edit, and at 10,000 claims each answer costs several milliseconds.
const polarityCache = new WeakMap<readonly TreeNode[], ReadonlyMap<string, Polarity>>();
const roleCache = new WeakMap<readonly TreeNode[], ReadonlyMap<string, Role>>();

/** Each claim's polarity: +1 argues for its thesis, −1 against it (remembered per array). */
export function polarities(claims: readonly TreeNode[]): ReadonlyMap<string, Polarity> {
  let known = polarityCache.get(claims);
  if (!known) polarityCache.set(claims, (known = computePolarities(claims)));
  return known;
}

/** Iterative: no recursion. */
function computePolarities(claims: readonly TreeNode[]): Map<string, Polarity> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const out = new Map<string, Polarity>();
  for (const start of claims) {
    const path: TreeNode[] = [];
    let at: TreeNode | undefined = start;
    while (at && !out.has(at.id) && path.length <= claims.length) {
      path.push(at);
      at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    let polarity: Polarity = (at && out.get(at.id)) || 1;
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i]!;
      polarity = (node.stance === 'pro' ? polarity : -polarity) as Polarity;
      out.set(node.id, polarity);
    }
  }
  return out;
}

/** What a claim is in the debate, given the polarity of what it answers (+1 for the thesis). */
export function roleFor(stance: TreeNode['stance'], parentPolarity: Polarity): Role {
  if (parentPolarity === 1) return stance === 'pro' ? 'support' : 'objection';
  return stance === 'con' ? 'rebuttal' : 'objection-support';
}

/** Whether a claim helps its thesis (a support, a rebuttal) or argues against it: its colour. */
export const helpsThesis = (role: Role): boolean => role === 'support' || role === 'rebuttal';

/** Every claim's role (remembered per array, like polarities). */
export function roles(claims: readonly TreeNode[]): ReadonlyMap<string, Role> {
  let known = roleCache.get(claims);
  if (known) return known;
  const polarity = polarities(claims);
  known = new Map(
    claims.map((c) => [c.id, roleFor(c.stance, c.parentId ? (polarity.get(c.parentId) ?? 1) : 1)]),
  );
  roleCache.set(claims, known);
  return known;
}

export interface Objection<T extends TreeNode> {
  /** The objecting claim (on this side, or the other side's when it attacks by a cross-link). */
  claim: T;
  /** What it objects to: a claim of this thesis, or null for the thesis itself. */
  targetId: string | null;
  /** True when it is the other side's claim, attacking by a cross-link. */
  viaLink: boolean;
  /** Its rebuttals: con replies to it and claims that attack it by a cross-link. */
  rebuttals: T[];
  gap: boolean;
}

/** The objections to one thesis's case, at every depth and by cross-links, with their rebuttals. */
export function objectionsTo<T extends TreeNode>(
  claims: readonly T[],
  links: readonly CrossLink[],
  thesisId: string,
): Objection<T>[] {
  const polarity = polarities(claims);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const answers = new Map<string, T[]>();
  const answer = (objectionId: string, by: T | undefined) => {
    if (!by) return;
    const list = answers.get(objectionId);
    if (list) list.push(by);
    else answers.set(objectionId, [by]);
  };
  for (const c of claims) if (c.stance === 'con' && c.parentId) answer(c.parentId, c);
  for (const l of links)
    if (l.stance === 'con' && l.toClaimId) answer(l.toClaimId, byId.get(l.fromClaimId));

  const make = (claim: T, targetId: string | null, viaLink: boolean): Objection<T> => {
    const rebuttals = answers.get(claim.id) ?? [];
    return { claim, targetId, viaLink, rebuttals, gap: rebuttals.length === 0 };
  };
  const inTree = claims
    .filter(
      (c) =>
        c.thesisId === thesisId &&
        c.stance === 'con' &&
        (c.parentId ? polarity.get(c.parentId) : 1) === 1,
    )
    .map((c) => make(c, c.parentId, false));
  const byLink = links.flatMap((l) => {
    const from = byId.get(l.fromClaimId);
    if (l.stance !== 'con' || !from || from.thesisId === thesisId) return [];
    if (l.toThesisId === thesisId) return [make(from, null, true)];
    const to = l.toClaimId ? byId.get(l.toClaimId) : undefined;
    if (to && to.thesisId === thesisId && polarity.get(to.id) === 1)
      return [make(from, to.id, true)];
    return [];
  });
  return [...inTree, ...byLink];
}

export interface ThesisCounts {
  /** Claims of this thesis that argue for it (supports and rebuttals). */
  pros: number;
  /** Claims of this thesis that argue against it (objections and what supports them). */
  cons: number;
  /** Objections to this thesis's case, including the other side's cross-link attacks. */
  objections: number;
  /** Objections with no rebuttal yet: the gaps. */
  unanswered: number;
}

/** Live counts for one thesis, as the thesis card shows them. */
export function thesisCounts(
  claims: readonly TreeNode[],
  links: readonly CrossLink[],
  thesisId: string,
): ThesisCounts {
  const polarity = polarities(claims);
  const counts: ThesisCounts = { pros: 0, cons: 0, objections: 0, unanswered: 0 };
  for (const c of claims) {
    if (c.thesisId !== thesisId) continue;
    if (polarity.get(c.id) === 1) counts.pros += 1;
    else counts.cons += 1;
  }
  for (const o of objectionsTo(claims, links, thesisId)) {
    counts.objections += 1;
    if (o.gap) counts.unanswered += 1;
  }
  return counts;
}
