import type { MapState } from './apply-op';
import type { Place, Stance } from './argument-tree';
import type { CrossLink } from './cross-links';
import type { AnchorView, ClaimView } from './views';
import type { Op, OpDraft } from '../schemas/ops';

/**
 * Undo as operations: every change a person makes has an inverse, computed from the map as it
 * was just before the change, that goes through the same pipeline as any other edit. So an undo
 * is checked by the server like a fresh edit (an undone text edit that someone else has changed
 * since is a conflict, not a silent overwrite), and the operation log can be walked backwards
 * (see history.ts).
 */

/** The previous values of exactly the fields a claim.update sets. */
export type ClaimFieldValues = {
  text?: string;
  note?: string;
  stance?: Stance;
  strength?: number | null;
};

/**
 * What an operation replaced, by kind: plain JSON, stored with each applied operation in the
 * log and computed by the server too.
 *
 * - `claim.update`: `{ fields: { text?, note?, stance?, strength? } }`, the claim's values just
 *   before, for exactly the keys the op sets (keys it does not set are absent, never undefined).
 * - `claim.move`: `{ thesisId, parentId, order }`, the claim's place and order key just before.
 * - `claim.restore`: `{ rootId, ids }`, the batch's root claim (the one whose parent is not in
 *   the batch) and the ids of every claim in the batch.
 * - `anchor.remove`: `{ anchor: AnchorView }`, the quote as it was stored.
 * - `link.remove`: `{ link: CrossLink }`, the link as it was stored.
 * - Every other kind (claim.add, claim.delete, anchor.add, link.add), and an op whose subject was
 *   already gone (nothing to undo): `null`.
 */
export interface BeforeByKind {
  'claim.update': { fields: ClaimFieldValues };
  'claim.move': Place & { order: string };
  'claim.restore': { rootId: string; ids: string[] };
  'anchor.remove': { anchor: AnchorView };
  'link.remove': { link: CrossLink };
}
export type OpBefore = BeforeByKind[keyof BeforeByKind] | null;

/** The key that tells each shape apart, so a record read back from the database can be checked. */
const MARK: { [K in keyof BeforeByKind]: string } = {
  'claim.update': 'fields',
  'claim.move': 'order',
  'claim.restore': 'rootId',
  'anchor.remove': 'anchor',
  'link.remove': 'link',
};

/** `before` as the record for `kind`, or null when it is missing or of another shape. */
export function beforeFor<K extends keyof BeforeByKind>(
  kind: K,
  before: OpBefore | undefined,
): BeforeByKind[K] | null {
  return before && typeof before === 'object' && MARK[kind] in before
    ? (before as BeforeByKind[K])
    : null;
}

const FIELDS = ['text', 'note', 'stance', 'strength'] as const;

/** The root of a deleted batch: its claim whose parent is not in it (the server finds it so). */
export function batchRoot<T extends { id: string; parentId: string | null }>(
  claims: readonly T[],
): T | undefined {
  const ids = new Set(claims.map((c) => c.id));
  return claims.find((c) => c.parentId === null || !ids.has(c.parentId));
}

function fieldsBefore(claim: ClaimView, set: ClaimFieldValues): ClaimFieldValues {
  const fields: Record<string, unknown> = {};
  for (const key of FIELDS) if (set[key] !== undefined) fields[key] = claim[key];
  return fields as ClaimFieldValues;
}

/** What `op` will replace, read from the map just before it is applied. */
export function beforeOf(state: MapState, op: Op): OpBefore {
  const claim = (id: string) => state.claims.find((c) => c.id === id);
  switch (op.kind) {
    case 'claim.update': {
      const c = claim(op.claimId);
      return c ? { fields: fieldsBefore(c, op.set) } : null;
    }
    case 'claim.move': {
      const c = claim(op.claimId);
      return c ? { thesisId: c.thesisId, parentId: c.parentId, order: c.order } : null;
    }
    case 'claim.restore': {
      const batch = state.trash[op.deletionId]?.claims ?? [];
      const root = batchRoot(batch);
      return root ? { rootId: root.id, ids: batch.map((c) => c.id) } : null;
    }
    case 'anchor.remove': {
      const anchor = state.anchors.find((a) => a.id === op.anchorId);
      return anchor ? { anchor } : null;
    }
    case 'link.remove': {
      const link = state.links.find((l) => l.id === op.linkId);
      return link ? { link } : null;
    }
    default:
      return null;
  }
}

/**
 * The base of an undone edit: the values the edit wrote, which the undo expects to find; one that
 * someone else changed since makes the server refuse the undo instead of erasing their change.
 */
function baseOf(set: ClaimFieldValues): ClaimFieldValues {
  return {
    ...(set.text !== undefined && { text: set.text }),
    ...(set.note !== undefined && { note: set.note }),
    ...(set.stance !== undefined && { stance: set.stance }),
    ...(set.strength !== undefined && { strength: set.strength }),
  };
}

/**
 * The operations that undo `op`, applied right after it (or later, through the server, which
 * then refuses what no longer fits: a reply added under an undone claim, a text changed since).
 * `before` is `beforeOf` the state just before `op`; `newId` names re-added quotes and links,
 * since ids in operations must be fresh uuids. Kinds that cannot be undone give [].
 */
export function inverseOf(op: Op, before: OpBefore, newId: () => string): OpDraft[] {
  switch (op.kind) {
    case 'claim.add':
      return [{ kind: 'claim.delete', claimId: op.claimId, seen: [op.claimId] }];
    case 'claim.update': {
      const b = beforeFor('claim.update', before);
      if (!b || Object.keys(b.fields).length === 0) return [];
      return [{ kind: 'claim.update', claimId: op.claimId, set: b.fields, base: baseOf(op.set) }];
    }
    case 'claim.move': {
      const b = beforeFor('claim.move', before);
      if (!b) return [];
      const { thesisId, parentId, order } = b;
      // The place the move made: if someone moved the claim since, the undo is refused.
      const base = { thesisId: op.thesisId, parentId: op.parentId, order: op.order };
      return [{ kind: 'claim.move', claimId: op.claimId, thesisId, parentId, order, base }];
    }
    case 'claim.delete':
      return [{ kind: 'claim.restore', deletionId: op.id }];
    case 'claim.restore': {
      const b = beforeFor('claim.restore', before);
      return b ? [{ kind: 'claim.delete', claimId: b.rootId, seen: b.ids }] : [];
    }
    case 'anchor.add':
      return [{ kind: 'anchor.remove', anchorId: op.anchorId }];
    case 'anchor.remove': {
      const a = beforeFor('anchor.remove', before)?.anchor;
      if (!a) return [];
      const { claimId, sourceId, exact, prefix, suffix, block } = a;
      return [
        { kind: 'anchor.add', anchorId: newId(), claimId, sourceId, exact, prefix, suffix, block },
      ];
    }
    case 'link.add':
      return [{ kind: 'link.remove', linkId: op.linkId }];
    case 'link.remove': {
      const l = beforeFor('link.remove', before)?.link;
      if (!l) return [];
      const target = l.toClaimId !== null ? { claimId: l.toClaimId } : { thesisId: l.toThesisId! };
      return [
        { kind: 'link.add', linkId: newId(), fromClaimId: l.fromClaimId, target, stance: l.stance },
      ];
    }
    default:
      // Kinds added later (comments…) are not undoable until they say how.
      return [];
  }
}
