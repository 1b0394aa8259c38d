'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';
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
export function useUndoableChanges(
  sync: MapSync,
  /** Called before each change is sent (the editor clears its error banner). */
  onChange: () => void,
  announce: (text: string) => void,
) {
  const [undoStack] = useState(() => new UndoStack());
  const undoState = useSyncExternalStore(
    useCallback((fn: () => void) => undoStack.subscribe(fn), [undoStack]),
    () => undoStack.version,
    () => 0,
  );

  /**
   * Sends one operation and returns what undoes it, worked out from the map as this tab shows it
   * just before (lib/domain/undo.ts).
   */
  const send = useCallback(
    (draft: OpDraft, id: string = crypto.randomUUID()): OpDraft[] => {
      const op = { ...draft, id } as Op;
      const inverse = inverseOf(op, beforeOf(sync.state, op), () => crypto.randomUUID());
      sync.submit(op);
      return inverse;
    },
    [sync],
  );

  /** Sends a change the person made: one step for Ctrl+Z. */
  const submit = useCallback(
    (op: OpDraft, id?: string) => {
      onChange();
      undoStack.record(send(op, id));
    },
    [send, undoStack],
  );

  /**
   * Sends several operations as one step (a restore from History): one Ctrl+Z undoes them all.
   * `base`: the map they were planned on, when it knows more than this tab shows (History adds
   * the batches deleted elsewhere, which this tab's trash lacks): the inverses are worked out
   * from it, or a restore of such a batch would have nothing to undo.
   */
  const applyGroup = useCallback(
    (drafts: OpDraft[], label: string, base?: MapState) => {
      onChange();
      let planned = base;
      const inverses = drafts.map((d) => {
        if (!planned) return send(d);
        const op = { ...d, id: crypto.randomUUID() } as Op;
        const inverse = inverseOf(op, beforeOf(planned, op), () => crypto.randomUUID());
        planned = applyOp(planned, op, { blocksOf: () => undefined });
        sync.submit(op);
        return inverse;
      });
      undoStack.record(inverses.reverse().flat());
      announce(`${label} Press Ctrl+Z to undo.`);
    },
    [send, sync, undoStack],
  );

  /** Undoes (or redoes) this person's last step; their inverse becomes the redo (or undo) step. */
  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      const step = which === 'undo' ? undoStack.takeUndo() : undoStack.takeRedo();
      if (!step) {
        announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      onChange();
      const inverse = step
        .map((d) => send(d))
        .reverse()
        .flat();
      if (which === 'undo') undoStack.recordUndone(inverse);
      else undoStack.recordRedone(inverse);
      announce(which === 'undo' ? 'Undone.' : 'Redone.');
    },
    [send, undoStack],
  );
  return {
    submit,
    applyGroup,
    undo: () => undoOrRedo('undo'),
    redo: () => undoOrRedo('redo'),
    canUndo: undoStack.canUndo,
    canRedo: undoStack.canRedo,
    /** Rises when the undo or redo stacks change (for re-rendering). */
    undoState,
  };
}
