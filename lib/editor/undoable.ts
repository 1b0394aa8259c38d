import { applyOp, type MapState } from '@/lib/domain/apply-op';
import { beforeOf, inverseOf } from '@/lib/domain/undo';
import type { Op, OpDraft } from '@/lib/schemas/ops';
import type { MapSync } from '@/lib/sync/map-sync';
import { UndoStack } from '@/lib/sync/undo-stack';

/**
 * How the editor sends this person's changes so that each can be undone: every operation goes
 * through the outbox with its inverse worked out first (lib/domain/undo.ts), and the inverses go
 * on this tab's undo stack (lib/sync/undo-stack.ts). Undo sends the inverses as new operations,
 * so only this person's own changes are reverted, whatever others did meanwhile.
 */
export class UndoableChanges {
  readonly stack = new UndoStack();
  /** The ids of operations sent by undo or redo (a refusal of one is told in its own words). */
  readonly #stepped = new Set<string>();

  constructor(
    private readonly sync: MapSync,
    private readonly newId: () => string,
  ) {}

  /** Sends one operation and returns what undoes it, worked out from the map as shown just before. */
  private send(draft: OpDraft, base: MapState = this.sync.state): OpDraft[] {
    return this.sendOp({ ...draft, id: this.newId() } as Op, base);
  }

  private sendOp(op: Op, base: MapState): OpDraft[] {
    const inverse = inverseOf(op, beforeOf(base, op), this.newId);
    this.sync.submit(op);
    return inverse;
  }

  /** Sends a change the person made: one step for Ctrl+Z. */
  submit(op: OpDraft): void {
    this.stack.record(this.send(op));
  }

  /**
   * Sends several operations as one step (a restore from History): one Ctrl+Z undoes them all.
   * `base`: the map they were planned on, when it knows more than this tab shows (History adds
   * the batches deleted elsewhere, which this tab's trash lacks): the inverses are worked out
   * from it, or a restore of such a batch would have nothing to undo.
   */
  submitGroup(drafts: OpDraft[], base?: MapState): void {
    let planned = base;
    const inverses = drafts.map((d) => {
      if (!planned) return this.send(d);
      const op = { ...d, id: this.newId() } as Op;
      const inverse = this.sendOp(op, planned);
      planned = applyOp(planned, op, { blocksOf: () => undefined });
      return inverse;
    });
    this.stack.record(inverses.reverse().flat());
  }

  /** Whether an operation was sent by undo or redo. */
  wasStep(opId: string): boolean {
    return this.#stepped.has(opId);
  }

  /** Undoes (or redoes) this person's last step; false when there is none. */
  step(which: 'undo' | 'redo'): boolean {
    const step = which === 'undo' ? this.stack.takeUndo() : this.stack.takeRedo();
    if (!step) return false;
    const inverse = step
      .map((d) => {
        const op = { ...d, id: this.newId() } as Op;
        this.#stepped.add(op.id);
        return this.sendOp(op, this.sync.state);
      })
      .reverse()
      .flat();
    if (which === 'undo') this.stack.recordUndone(inverse);
    else this.stack.recordRedone(inverse);
    return true;
  }
}
