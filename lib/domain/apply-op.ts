import { checkCrossLink, liveLinks, type CrossLink } from './cross-links';
import { removeSubtree, resolvePlace, subtreeIds } from './argument-tree';
import { locateQuote, selectorAt } from './quote-anchoring';
import { applyCommentOp, isCommentOp } from './comments';
import type { AnchorView, ClaimView, CommentView } from './views';
import type { Op } from '../schemas/ops';

/**
 * A map's editable contents as a tab holds them, and how one operation changes them: the
 * editor shows `pending.reduce(applyOp, confirmed)`, so the same function gives the optimistic
 * view and, with the server's answer, the confirmed one. Deleted batches are kept in `trash`
 * (by deletion id, which is the deleting operation's id), so an undo shows at once.
 */
export interface MapState {
  claims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
  comments: CommentView[];
  trash: Record<string, { claims: ClaimView[] }>;
}

/**
 * What applying an operation needs that it does not carry: the articles' paragraphs (for a
 * quote) and who this tab is (for a comment it writes); `now` dates a comment shown before the
 * server has stored it.
 */
export interface ApplyEnv {
  blocksOf(sourceId: string): string[] | undefined;
  me?: { id: string; name: string };
  now?: () => string;
}

type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

function add(state: MapState, op: OpOf<'claim.add'>): MapState {
  if (state.claims.some((c) => c.id === op.claimId)) return state;
  const place = resolvePlace(state.claims, { thesisId: op.thesisId, parentId: op.parentId });
  const claim: ClaimView = {
    id: op.claimId,
    ...place,
    stance: op.stance,
    order: op.order,
    text: op.text,
    note: '',
    strength: null,
    version: 1,
  };
  return { ...state, claims: [...state.claims, claim] };
}

function update(state: MapState, op: OpOf<'claim.update'>): MapState {
  const set = Object.fromEntries(Object.entries(op.set).filter(([, v]) => v !== undefined));
  return {
    ...state,
    claims: state.claims.map((c) =>
      c.id === op.claimId ? { ...c, ...set, version: c.version + 1 } : c,
    ),
  };
}

function move(state: MapState, op: OpOf<'claim.move'>): MapState {
  const subtree = subtreeIds(state.claims, op.claimId);
  if (op.parentId !== null && subtree.has(op.parentId)) return state;
  const claim = state.claims.find((c) => c.id === op.claimId);
  if (claim && op.base && !isAt(claim, op.base)) return state;
  return {
    ...state,
    claims: state.claims.map((c) =>
      c.id === op.claimId
        ? { ...c, thesisId: op.thesisId, parentId: op.parentId, order: op.order }
        : subtree.has(c.id)
          ? { ...c, thesisId: op.thesisId }
          : c,
    ),
  };
}

/** Whether a claim is where a move expects it (its thesis, parent and order key). */
export function isAt(
  claim: { thesisId: string; parentId: string | null; order: string },
  place: { thesisId: string; parentId: string | null; order: string },
): boolean {
  return (
    claim.thesisId === place.thesisId &&
    claim.parentId === place.parentId &&
    claim.order === place.order
  );
}

function remove(state: MapState, op: OpOf<'claim.delete'>): MapState {
  if (!state.claims.some((c) => c.id === op.claimId)) return state;
  const { claims, removed } = removeSubtree(state.claims, op.claimId);
  return { ...state, claims, trash: { ...state.trash, [op.id]: { claims: removed } } };
}

function restore(state: MapState, op: OpOf<'claim.restore'>): MapState {
  const batch = state.trash[op.deletionId];
  if (!batch) return state;
  const known = new Set(state.claims.map((c) => c.id));
  return {
    ...state,
    claims: [...state.claims, ...batch.claims.filter((c) => !known.has(c.id))],
    trash: without(state.trash, op.deletionId),
  };
}

function addAnchor(state: MapState, op: OpOf<'anchor.add'>, env: ApplyEnv): MapState {
  const blocks = env.blocksOf(op.sourceId);
  if (!blocks || state.anchors.some((a) => a.id === op.anchorId)) return state;
  const location = locateQuote(
    blocks,
    { exact: op.exact, prefix: op.prefix, suffix: op.suffix },
    op.block,
  );
  if (!location) return state;
  const anchor: AnchorView = {
    id: op.anchorId,
    claimId: op.claimId,
    sourceId: op.sourceId,
    ...selectorAt(blocks, location),
    ...location,
  };
  return { ...state, anchors: [...state.anchors, anchor] };
}

function addLink(state: MapState, op: OpOf<'link.add'>): MapState {
  if (state.links.some((l) => l.id === op.linkId)) return state;
  const to = checkCrossLink(
    state.claims,
    liveLinks(state.claims, state.links),
    op.fromClaimId,
    op.target,
  );
  const link: CrossLink = { id: op.linkId, fromClaimId: op.fromClaimId, ...to, stance: op.stance };
  return { ...state, links: [...state.links, link] };
}

/**
 * The map after one operation, as far as this tab can tell. An operation that no longer fits
 * (its claim was deleted meanwhile) leaves the state as it was; the server has the last word.
 */
export function applyOp(state: MapState, op: Op, env: ApplyEnv): MapState {
  try {
    if (isCommentOp(op)) return applyCommentOp(state, op, env);
    switch (op.kind) {
      case 'claim.add':
        return add(state, op);
      case 'claim.update':
        return update(state, op);
      case 'claim.move':
        return move(state, op);
      case 'claim.delete':
        return remove(state, op);
      case 'claim.restore':
        return restore(state, op);
      case 'anchor.add':
        return addAnchor(state, op, env);
      case 'anchor.remove':
        return { ...state, anchors: state.anchors.filter((a) => a.id !== op.anchorId) };
      case 'link.add':
        return addLink(state, op);
      case 'link.remove':
        return { ...state, links: state.links.filter((l) => l.id !== op.linkId) };
    }
  } catch {
    return state;
  }
}

/** What the server sends back for a restore: the batch as it is now stored. */
export interface RestoredBatch {
  claims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
  /** The comments on the restored claims (a tab that opened the map meanwhile never had them). */
  comments?: CommentView[];
}

const mergeById = <T extends { id: string }>(list: T[], incoming: T[]): T[] => {
  const ids = new Set(incoming.map((x) => x.id));
  return [...list.filter((x) => !ids.has(x.id)), ...incoming];
};

/**
 * The confirmed state after the server applied an operation: the operation itself, plus what the
 * server knows better (a restored batch as stored, a quote as found in the article).
 */
export function applyAck(state: MapState, op: Op, data: unknown, env: ApplyEnv): MapState {
  if (op.kind === 'claim.restore' && data) {
    const batch = data as RestoredBatch;
    return {
      ...state,
      claims: mergeById(state.claims, batch.claims),
      anchors: mergeById(state.anchors, batch.anchors),
      links: mergeById(state.links, batch.links),
      comments: mergeById(state.comments, batch.comments ?? []),
      trash: without(state.trash, op.deletionId),
    };
  }
  if (op.kind === 'anchor.add' && data) {
    return { ...state, anchors: mergeById(state.anchors, [data as AnchorView]) };
  }
  if (op.kind === 'link.add' && data) {
    return { ...state, links: mergeById(state.links, [data as CrossLink]) };
  }
  if ((op.kind === 'comment.add' || op.kind === 'comment.edit') && data) {
    return { ...state, comments: mergeById(state.comments, [data as CommentView]) };
  }
  return applyOp(state, op, env);
}
