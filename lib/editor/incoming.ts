import type { ClaimView } from '@/lib/domain/views';
import type { MapChange, PresenceEntry } from '@/lib/schemas/live';
import type { Op } from '@/lib/schemas/ops';
import type { Refusal } from '@/lib/sync/map-sync';
import { unsavedTextOf } from '@/lib/sync/unsaved-text';
import type { ScreenAction } from './screen';

/** What reaches the editor from outside: refusals from the server, and others' live changes. */

/**
 * What the screen does with a refused change: typed text is kept in its own notice; an undo
 * that someone else's change got in the way of is said as such (there was no typing to keep).
 */
export function refusedAction(
  r: Refusal,
  fromUndo: boolean,
  /** Who last changed a claim, as heard on the live stream. */
  lastBy: (claimId: string) => string | undefined = () => undefined,
): ScreenAction {
  if (!fromUndo) {
    const texts = unsavedTextOf(r).map((t) =>
      t.theirs === null ? t : { ...t, by: lastBy(t.claimId) },
    );
    return { type: 'refused', message: r.message, texts };
  }
  const text =
    r.code === 'CONFLICT' &&
    r.op.kind === 'claim.update' &&
    ('text' in r.op.set || 'note' in r.op.set);
  return {
    type: 'refused',
    message: text ? 'someone else changed that text since, so their version stays.' : r.message,
    texts: [],
    undo: true,
  };
}

/** How long a claim someone else changed stays marked with their name. */
export const TOUCHED_MS = 4000;

/** The claim an operation changes, if it is about one (comments are not changes to it). */
const claimOf = (op: Op): string | null =>
  op.kind.startsWith('comment.')
    ? null
    : 'claimId' in op
      ? op.claimId
      : op.kind === 'link.add'
        ? op.fromClaimId
        : null;

/** The claim someone else's change touched, with their name as the page knows it. */
export function touchedBy(
  change: MapChange,
  me: { id: string } | null,
  claims: ClaimView[],
  others: PresenceEntry[] = [],
): { claimId: string; by: string } | null {
  if (change.actorId === me?.id) return null;
  const claimId = claimOf(change.op);
  if (!claimId || !claims.some((c) => c.id === claimId)) return null;
  return { claimId, by: others.find((o) => o.userId === change.actorId)?.name ?? 'Someone' };
}
