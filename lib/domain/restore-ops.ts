import { applyOp, type ApplyEnv, type MapState } from './apply-op';
import { subtreeIds } from './argument-tree';
import { liveLinks, type CrossLink } from './cross-links';
import { batchRoot } from './undo';
import type { AnchorView, ClaimView } from './views';
import type { Op, OpDraft } from '../schemas/ops';

/**
 * Bringing part of a map's past back (see stateAt in history.ts for how the past is found): the
 * difference between the two versions as ordinary operations, so the server checks them like any
 * edit, others see them arrive, and the restore can itself be undone.
 */

export type RestoreScope =
  { kind: 'map' } | { kind: 'subtree'; claimId: string } | { kind: 'claim'; claimId: string };

/** Claim ops only touch claims, so the plan is simulated without the articles. */
const NO_ARTICLES: ApplyEnv = { blocksOf: () => undefined };
const simulate = (state: MapState, draft: OpDraft) =>
  applyOp(state, { ...draft, id: 'planned' } as Op, NO_ARTICLES);
const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

/** The claims a scope covers, in either version: a subtree as it was and as it is now. */
function scopeIds(scope: RestoreScope, past: MapState, now: MapState): Set<string> {
  if (scope.kind === 'claim') return new Set([scope.claimId]);
  if (scope.kind === 'map') return new Set([...past.claims, ...now.claims].map((c) => c.id));
  return new Set([
    ...subtreeIds(past.claims, scope.claimId),
    ...subtreeIds(now.claims, scope.claimId),
  ]);
}

/**
 * The deleted batches that bring `ids` back, each after the batch holding its root's parent
 * (which is added if needed: the server restores a batch only under a live claim). A claim in no
 * batch (its trash was emptied), or in a batch whose place is gone for good, is left out.
 */
function restorePlan(current: MapState, ids: string[]): OpDraft[] {
  const batchOf = new Map<string, string>();
  for (const [deletionId, { claims }] of Object.entries(current.trash))
    for (const c of claims) batchOf.set(c.id, deletionId);
  const rootParent = (deletionId: string) => batchRoot(current.trash[deletionId]!.claims)?.parentId;
  const wanted = new Set<string>();
  const want = (deletionId: string | undefined) => {
    if (!deletionId || wanted.has(deletionId)) return;
    wanted.add(deletionId);
    const parent = rootParent(deletionId);
    if (parent) want(batchOf.get(parent));
  };
  ids.forEach((id) => want(batchOf.get(id)));
  const alive = new Set(current.claims.map((c) => c.id));
  const placeable = (deletionId: string) => {
    const parent = rootParent(deletionId);
    return !parent || alive.has(parent);
  };
  const ops: OpDraft[] = [];
  let pending = [...wanted];
  for (let ready = pending.filter(placeable); ready.length; ready = pending.filter(placeable)) {
    for (const deletionId of ready) {
      current.trash[deletionId]!.claims.forEach((c) => alive.add(c.id));
      ops.push({ kind: 'claim.restore', deletionId });
    }
    pending = pending.filter((d) => !ready.includes(d));
  }
  return ops;
}

/** How deep each claim sits in a (well-formed) tree: 0 directly under a thesis. */
function depthsIn(claims: readonly ClaimView[]): Map<string, number> {
  const parentOf = new Map(claims.map((c) => [c.id, c.parentId]));
  const depth = new Map<string, number>();
  for (const c of claims) {
    let d = 0;
    for (let p = c.parentId; p && d <= claims.length; p = parentOf.get(p) ?? null) d++;
    depth.set(c.id, d);
  }
  return depth;
}

const placeDiffers = (now: ClaimView, past: ClaimView) =>
  now.parentId !== past.parentId ||
  (past.parentId === null && now.thesisId !== past.thesisId) ||
  now.order !== past.order;

/**
 * Moves back to the past places, parents before replies (as they were), so each target is in
 * place before something moves under it and nothing moves under its own reply. A move whose
 * target is not in the map, or that is still impossible (its scope leaves the tree half as it
 * was), is left out.
 */
function movePlan(state: MapState, past: Map<string, ClaimView>, scoped: Set<string>) {
  const depth = depthsIn([...past.values()]);
  const movers = state.claims
    .filter((c) => scoped.has(c.id) && past.has(c.id) && placeDiffers(c, past.get(c.id)!))
    .sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
  const ops: OpDraft[] = [];
  for (const { id } of movers) {
    const { thesisId, parentId, order } = past.get(id)!;
    const parent = parentId === null ? null : state.claims.find((c) => c.id === parentId);
    if (parent === undefined) continue;
    const draft: OpDraft = {
      kind: 'claim.move',
      claimId: id,
      thesisId: parent?.thesisId ?? thesisId,
      parentId,
      order,
    };
    const next = simulate(state, draft);
    if (next === state) continue;
    ops.push(draft);
    state = next;
  }
  return { ops, state };
}

function updatePlan(state: MapState, past: Map<string, ClaimView>, scoped: Set<string>) {
  const ops: OpDraft[] = [];
  for (const now of state.claims) {
    const then = past.get(now.id);
    if (!then || !scoped.has(now.id)) continue;
    const set = Object.fromEntries(
      (['text', 'note', 'stance', 'strength'] as const)
        .filter((k) => now[k] !== then[k])
        .map((k) => [k, then[k]]),
    );
    if (Object.keys(set).length === 0) continue;
    const base = {
      ...('text' in set && { text: now.text }),
      ...('note' in set && { note: now.note }),
    };
    ops.push({ kind: 'claim.update', claimId: now.id, set, base });
  }
  return ops;
}

const anchorKey = (a: AnchorView) => `${a.claimId} ${a.sourceId} ${a.block} ${a.start} ${a.end}`;
const linkKey = (l: CrossLink) => `${l.fromClaimId} ${l.toClaimId} ${l.toThesisId} ${l.stance}`;

/** What is in `a` and not in `b`, comparing by `key` (ids change when an undo re-adds). */
const missing = <T>(a: T[], b: T[], key: (x: T) => string) => {
  const keys = new Set(b.map(key));
  return a.filter((x) => !keys.has(key(x)));
};

/**
 * Quotes and links of the claims in scope that are in the map both then and now (and links only
 * to such claims). Those of restored claims come back with their batch as they were when
 * deleted: to settle them too, plan again once the restores are confirmed.
 */
function evidencePlan(
  current: MapState,
  past: MapState,
  scoped: Set<string>,
  newId: () => string,
): OpDraft[] {
  const then = new Set(past.claims.map((c) => c.id));
  const both = (id: string) => then.has(id) && current.claims.some((c) => c.id === id);
  const settled = new Set([...scoped].filter(both));
  const anchors = (s: MapState) => s.anchors.filter((a) => settled.has(a.claimId));
  const links = (s: MapState) =>
    liveLinks(s.claims, s.links).filter(
      (l) => settled.has(l.fromClaimId) && (l.toClaimId === null || both(l.toClaimId)),
    );
  const removes = [
    ...missing(anchors(current), anchors(past), anchorKey).map((a): OpDraft => ({
      kind: 'anchor.remove',
      anchorId: a.id,
    })),
    ...missing(links(current), links(past), linkKey).map((l): OpDraft => ({
      kind: 'link.remove',
      linkId: l.id,
    })),
  ];
  const adds = [
    ...missing(anchors(past), anchors(current), anchorKey).map(
      ({ claimId, sourceId, exact, prefix, suffix, block }): OpDraft => ({
        kind: 'anchor.add',
        anchorId: newId(),
        ...{ claimId, sourceId, exact, prefix, suffix, block },
      }),
    ),
    ...missing(links(past), links(current), linkKey).map((l): OpDraft => ({
      kind: 'link.add',
      linkId: newId(),
      fromClaimId: l.fromClaimId,
      target: l.toClaimId !== null ? { claimId: l.toClaimId } : { thesisId: l.toThesisId! },
      stance: l.stance,
    })),
  ];
  return [...removes, ...adds];
}

/** Deletes what the past did not have: only the topmost such claims, each with its replies now. */
function deletePlan(state: MapState, past: Map<string, ClaimView>, scoped: Set<string>) {
  const doomed = new Set(
    state.claims.filter((c) => scoped.has(c.id) && !past.has(c.id)).map((c) => c.id),
  );
  const taken = new Set<string>();
  const ops: OpDraft[] = [];
  for (const c of state.claims) {
    if (!doomed.has(c.id) || (c.parentId && doomed.has(c.parentId)) || taken.has(c.id)) continue;
    const seen = [...subtreeIds(state.claims, c.id)];
    seen.forEach((id) => taken.add(id));
    ops.push({ kind: 'claim.delete', claimId: c.id, seen });
  }
  return ops;
}

/**
 * The operations that make `current` look like `past` within `scope`, to send in order through
 * the normal pipeline: restores, moves, edits, quotes and links, then deletes. `current.trash`
 * must hold the deleted batches. A restore brings back its whole batch, which may be more than
 * the scope (and a batch under a deleted claim brings that claim's batch first); with the 'claim'
 * scope, deleting a claim the past did not have takes its replies too. The 'claim' scope covers
 * the claim's fields, place, quotes and links; 'subtree' the claim and its replies then and now.
 */
export function restoreOps(
  current: MapState,
  past: MapState,
  scope: RestoreScope,
  newId: () => string,
): OpDraft[] {
  const then = byId(past.claims);
  const now = byId(current.claims);
  const lost = [...scopeIds(scope, past, current)].filter((id) => then.has(id) && !now.has(id));
  const restores = restorePlan(current, lost);
  const restored = restores.reduce(simulate, current);
  const scoped = scopeIds(scope, past, restored);
  const moves = movePlan(restored, then, scoped);
  return [
    ...restores,
    ...moves.ops,
    ...updatePlan(moves.state, then, scoped),
    ...evidencePlan(current, past, scoped, newId),
    ...deletePlan(moves.state, then, scoped),
  ];
}
