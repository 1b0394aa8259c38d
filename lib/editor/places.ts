import { outline, siblingIndex, subtreeIds } from '@/lib/domain/argument-tree';
import { helpsThesis, roles } from '@/lib/domain/dialectic';
import { truncate } from '@/lib/domain/text';
import type { ClaimView } from '@/lib/domain/views';
import type { ComposerTarget } from './screen';

/** A claim's text as a label, a list entry or a message quotes it: its first 60 characters. */
export const inLabel = (text: string) => truncate(text, 60);

export type ComposeKind = 'pro' | 'con' | 'sibling';

/**
 * Where the new-claim form opens and what it adds: under the thesis (no claim), as a reply to a
 * claim (pro or con, first among its replies), or as the claim's next sibling with its stance.
 */
export function composerFor(
  claims: ClaimView[],
  thesisId: string,
  claim: ClaimView | null,
  kind: ComposeKind,
): ComposerTarget {
  if (!claim) {
    const stance = kind === 'con' ? 'con' : 'pro';
    return {
      place: { thesisId, parentId: null },
      stance,
      afterClaimId: null,
      depth: 0,
      label: `New ${stance} for the thesis`,
    };
  }
  const rows = outline(claims, thesisId);
  const at = rows.findIndex((r) => r.claim.id === claim.id);
  const depth = rows[at]?.depth ?? 0;
  const quoted = inLabel(claim.text);
  if (kind === 'sibling') {
    // After the claim's last reply, so the form sits where the new claim will.
    let last = at;
    while (rows[last + 1] && rows[last + 1]!.depth > depth) last++;
    return {
      place: { thesisId, parentId: claim.parentId },
      stance: claim.stance,
      index: siblingIndex(claims, claim.id) + 1,
      afterClaimId: rows[last]?.claim.id ?? claim.id,
      depth,
      label: `New claim after “${quoted}”`,
    };
  }
  return {
    place: { thesisId, parentId: claim.id },
    stance: kind,
    index: 0,
    afterClaimId: claim.id,
    depth: depth + 1,
    label: `New ${kind} reply to “${quoted}”`,
  };
}

/** Reading orders already worked out, by the claims array they were made from (never mutated). */
const orders = new WeakMap<
  readonly ClaimView[],
  { theses: string; order: ClaimView[]; at: Map<string, number> }
>();

/**
 * Every claim in reading order: down the first thesis's outline, then the second's, with each
 * claim's place in it. Worked out once per version of the map, so walking a 10,000-claim map with
 * the arrow keys does not sort it again at every step.
 */
export function readingOrder(claims: readonly ClaimView[], thesisIds: readonly string[]) {
  const theses = thesisIds.join(' ');
  const known = orders.get(claims);
  if (known?.theses === theses) return known;
  const order = thesisIds.flatMap((t) => outline(claims, t).map((r) => r.claim));
  const made = { theses, order, at: new Map(order.map((c, i) => [c.id, i])) };
  orders.set(claims, made);
  return made;
}

/**
 * The claim before or after one in reading order: down the first thesis's outline, then the
 * second's. Null at either end.
 */
export function neighbour(
  claims: ClaimView[],
  thesisIds: string[],
  id: string,
  delta: 1 | -1,
): ClaimView | null {
  const { order, at } = readingOrder(claims, thesisIds);
  const i = at.get(id);
  if (i === undefined) return null;
  return order[i + delta] ?? null;
}

/** The first or last claim in reading order under a claim's thesis (Home and End in its tree). */
export function edgeOf(
  claims: ClaimView[],
  claimId: string,
  which: 'first' | 'last',
): ClaimView | null {
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) return null;
  const rows = outline(claims, claim.thesisId);
  return (which === 'first' ? rows[0] : rows[rows.length - 1])?.claim ?? null;
}

/**
 * Where the keyboard goes when a claim is deleted: its parent, else the claim before it under
 * the same thesis, else the one after it (past its own replies), else nowhere.
 */
export function focusAfterDelete(
  claims: ClaimView[],
  thesisIds: string[],
  claimId: string,
): string | null {
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) return null;
  if (claim.parentId) return claim.parentId;
  const gone = subtreeIds(claims, claimId);
  let after = neighbour(claims, thesisIds, claimId, 1);
  while (after && gone.has(after.id)) after = neighbour(claims, thesisIds, after.id, 1);
  const before = neighbour(claims, thesisIds, claimId, -1);
  return [before, after].find((c) => c && c.thesisId === claim.thesisId)?.id ?? null;
}

export interface PlaceOption {
  /** `thesis:<id>` for the thesis itself, else the claim's id. */
  value: string;
  label: string;
  thesisId: string;
  parentId: string | null;
  /** Whether the claim helps its thesis (its colour); null for the thesis itself. */
  helps: boolean | null;
}

/**
 * A thesis and its claims as choices in a list (where to move a claim, what to link it to),
 * indented by depth, stance as + or −; the claims in `leaveOut` are not offered.
 */
export function placeOptions(
  claims: ClaimView[],
  thesis: { id: string; label: string },
  leaveOut: ReadonlySet<string> = new Set(),
): PlaceOption[] {
  const role = roles(claims);
  return [
    {
      value: `thesis:${thesis.id}`,
      label: `Thesis: ${thesis.label}`,
      thesisId: thesis.id,
      parentId: null,
      helps: null,
    },
    ...outline(claims, thesis.id)
      .filter((r) => !leaveOut.has(r.claim.id))
      .map((r) => ({
        value: r.claim.id,
        label: `${'  '.repeat(r.depth + 1)}${r.claim.stance === 'pro' ? '+' : '−'} ${inLabel(r.claim.text)}`,
        thesisId: thesis.id,
        parentId: r.claim.id as string | null,
        helps: helpsThesis(role.get(r.claim.id) ?? 'support'),
      })),
  ];
}
