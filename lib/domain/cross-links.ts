import { appError } from '../error-words';
import type { Stance, TreeNode } from './argument-tree';

/** A cross-link: a claim that also supports or attacks a claim or the thesis on the other side. */
export interface CrossLink {
  id: string;
  fromClaimId: string;
  /** Exactly one of toClaimId and toThesisId is set. */
  toClaimId: string | null;
  toThesisId: string | null;
  stance: Stance;
}

export type LinkTarget = { claimId: string } | { thesisId: string };

/**
 * Checks a new cross-link: both ends exist, the target is on the other side (the articles argue
 * with each other; links within one side are what the tree is for), and it is not a duplicate.
 * Returns the link's target as stored.
 */
export function checkCrossLink(
  claims: readonly TreeNode[],
  links: readonly CrossLink[],
  fromClaimId: string,
  target: LinkTarget,
): { toClaimId: string | null; toThesisId: string | null } {
  const from = claims.find((c) => c.id === fromClaimId);
  if (!from) throw appError('claim.gone');
  const to =
    'claimId' in target
      ? { toClaimId: target.claimId, toThesisId: null }
      : { toClaimId: null, toThesisId: target.thesisId };
  const targetThesis =
    'claimId' in target ? claims.find((c) => c.id === target.claimId)?.thesisId : target.thesisId;
  if (!targetThesis) throw appError('link.targetGone');
  if (targetThesis === from.thesisId) throw appError('link.sameSide');
  if (
    links.some(
      (l) =>
        l.fromClaimId === fromClaimId &&
        l.toClaimId === to.toClaimId &&
        l.toThesisId === to.toThesisId,
    )
  ) {
    throw appError('link.duplicate');
  }
  return to;
}

/** The links whose two ends are both in the map as it is (none deleted). */
export function liveLinks<T extends CrossLink>(
  claims: readonly TreeNode[],
  links: readonly T[],
): T[] {
  const ids = new Set(claims.map((c) => c.id));
  return links.filter(
    (l) => ids.has(l.fromClaimId) && (l.toClaimId === null || ids.has(l.toClaimId)),
  );
}

/** One end of a cross-link as the claim at the other end shows it. */
export interface LinkEnd {
  id: string;
  stance: Stance;
  /** The claim at the other end, or null when it is a thesis. */
  otherClaimId: string | null;
  otherText: string;
}

/**
 * Every claim's cross-links, both ways, keyed by claim id: `out` what it supports or attacks on
 * the other side, `into` what supports or attacks it. Computed once for the whole map.
 */
export function linkEndsByClaim(
  claims: readonly { id: string; text: string }[],
  links: readonly CrossLink[],
  theses: readonly { id: string; label: string }[],
): { out: Map<string, LinkEnd[]>; into: Map<string, LinkEnd[]> } {
  const text = new Map(claims.map((c) => [c.id, c.text]));
  const end = (l: CrossLink, otherClaimId: string | null, otherThesisId: string | null) => ({
    id: l.id,
    stance: l.stance,
    otherClaimId,
    otherText: otherClaimId
      ? (text.get(otherClaimId) ?? '')
      : (theses.find((t) => t.id === otherThesisId)?.label ?? ''),
  });
  const out = new Map<string, LinkEnd[]>();
  const into = new Map<string, LinkEnd[]>();
  const add = (map: Map<string, LinkEnd[]>, key: string, item: LinkEnd) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const l of links) {
    add(out, l.fromClaimId, end(l, l.toClaimId, l.toThesisId));
    if (l.toClaimId) add(into, l.toClaimId, end(l, l.fromClaimId, null));
  }
  return { out, into };
}
