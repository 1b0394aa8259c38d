import type { MapChange } from '../schemas/live';
import type { ShareOptions } from './views';

/**
 * A change as someone holding a view link sees it: the same redactions as the shared page
 * (notes unless the owner chose to show them; never comments or who made the change). The change
 * keeps its revision, so the link's view still applies every change in order.
 */
export function redactChange(change: MapChange, options: ShareOptions): MapChange {
  const { op } = change;
  if (op.kind.startsWith('comment.')) {
    const blank = 'body' in op ? { ...op, body: '' } : op;
    return { revision: change.revision, actorId: '', op: blank };
  }
  if (op.kind === 'claim.update' && !options.includeNotes && op.set.note !== undefined) {
    const { note: _note, ...set } = op.set;
    const { note: _base, ...base } = op.base;
    return { ...change, actorId: '', op: { ...op, set, base } };
  }
  return { ...change, actorId: '' };
}
