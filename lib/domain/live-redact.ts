import type { MapChange } from '../schemas/live';
import type { RestoredBatch } from './apply-op';
import type { ShareOptions } from './views';

/**
 * A change as someone holding a view link sees it: the same redactions as the shared page
 * (notes unless the owner chose to show them; never comments or who made the change). The change
 * keeps its revision, so the link's view still applies every change in order.
 */
export function redactChange(change: MapChange, options: ShareOptions): MapChange {
  const { op } = change;
  const revision = change.revision;
  if (op.kind.startsWith('comment.')) {
    const blank = 'body' in op ? { ...op, body: '' } : op;
    return { revision, actorId: '', op: blank };
  }
  if (op.kind === 'claim.update' && !options.includeNotes && op.set.note !== undefined) {
    const { note: _note, ...set } = op.set;
    const { note: _base, ...base } = op.base;
    return { revision, actorId: '', op: { ...op, set, base } };
  }
  if (op.kind === 'claim.restore' && change.data) {
    // The restored batch as stored: its notes only where shown, and never its comments.
    const batch = change.data as RestoredBatch;
    const claims = options.includeNotes
      ? batch.claims
      : batch.claims.map((c) => ({ ...c, note: '' }));
    return { revision, actorId: '', op, data: { ...batch, claims, comments: [] } };
  }
  // What other changes carry besides the operation is a quote or a link as stored: shown anyway.
  const shown = op.kind === 'anchor.add' || op.kind === 'link.add';
  return { revision, actorId: '', op, ...(shown && change.data ? { data: change.data } : {}) };
}
