import type { OpDraft } from '@/lib/schemas/ops';

/** How many undo (and redo) steps a tab keeps; older ones are dropped. */
export const UNDO_LIMIT = 200;

/**
 * One person's undo and redo in one tab. It holds only their own changes, as the groups of
 * operations that undo them (see inverseOf in lib/domain/undo.ts), so undo never reverts what
 * someone else did. A group is one step: a restore of several claims is undone at once.
 *
 * The caller computes inverses when it submits: `record` after a new change, `takeUndo` and then
 * `recordUndone` with the inverses of the undo it sent (that is the redo), `takeRedo` and then
 * `recordRedone` likewise. Only a new change clears the redo stack.
 */
export class UndoStack {
  private undo: OpDraft[][] = [];
  private redo: OpDraft[][] = [];
  private listeners = new Set<() => void>();
  /** Rises with every change to the stacks (a snapshot value for React's useSyncExternalStore). */
  version = 0;

  constructor(private readonly limit = UNDO_LIMIT) {}

  get canUndo(): boolean {
    return this.undo.length > 0;
  }

  get canRedo(): boolean {
    return this.redo.length > 0;
  }

  /** A new change of this person's: its inverse becomes the next undo, and redo is forgotten. */
  record(inverse: OpDraft[]): void {
    if (inverse.length === 0) return;
    this.push(this.undo, inverse);
    this.redo = [];
    this.emit();
  }

  /** The next group to undo, taken off the stack; null when there is none. */
  takeUndo(): OpDraft[] | null {
    return this.take(this.undo);
  }

  /** The next group to redo, taken off the stack; null when there is none. */
  takeRedo(): OpDraft[] | null {
    return this.take(this.redo);
  }

  /** An undo was sent: the inverse of what it sent is the next redo. */
  recordUndone(inverse: OpDraft[]): void {
    if (inverse.length === 0) return;
    this.push(this.redo, inverse);
    this.emit();
  }

  /** A redo was sent: the inverse of what it sent is the next undo; the rest of redo stays. */
  recordRedone(inverse: OpDraft[]): void {
    if (inverse.length === 0) return;
    this.push(this.undo, inverse);
    this.emit();
  }

  /** Forgets everything (another map opened, or the map reloaded after a refusal). */
  clear(): void {
    if (!this.canUndo && !this.canRedo) return;
    this.undo = [];
    this.redo = [];
    this.emit();
  }

  /** Calls `listener` whenever canUndo or canRedo may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private push(stack: OpDraft[][], group: OpDraft[]): void {
    stack.push([...group]);
    if (stack.length > this.limit) stack.splice(0, stack.length - this.limit);
  }

  private take(stack: OpDraft[][]): OpDraft[] | null {
    const group = stack.pop() ?? null;
    if (group) this.emit();
    return group;
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
