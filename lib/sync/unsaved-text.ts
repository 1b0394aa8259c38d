import type { Refusal } from './map-sync';

/**
 * Text a person typed that the server did not take, kept on screen so nothing typed is lost:
 * either a conflict (someone else changed the same field meanwhile: `theirs` is what is saved,
 * and the person chooses) or a refusal (the claim was deleted, say: `theirs` is null, and the
 * text can be copied).
 */
export interface UnsavedText {
  claimId: string;
  field: 'text' | 'note';
  mine: string;
  theirs: string | null;
  reason: string;
  /** Who made the change it conflicts with, when this page heard it live. */
  by?: string;
}

/** The typed text a refused operation carried, if any. */
export function unsavedTextOf(refusal: Refusal): UnsavedText[] {
  const { op, current, message } = refusal;
  if (op.kind === 'claim.add') {
    return [{ claimId: op.claimId, field: 'text', mine: op.text, theirs: null, reason: message }];
  }
  if (op.kind !== 'claim.update') return [];
  return (['text', 'note'] as const).flatMap((field) => {
    const mine = op.set[field];
    if (mine === undefined) return [];
    const theirs = current?.[field];
    return [{ claimId: op.claimId, field, mine, theirs: theirs ?? null, reason: message }];
  });
}
