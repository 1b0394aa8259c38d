import { describe, expect, it, vi } from 'vitest';
import type { OpDraft } from '@/lib/schemas/ops';
import { UndoStack } from './undo-stack';

/** A recognisable one-op group: removing quote `n`. */
const group = (n: number): OpDraft[] => [{ kind: 'anchor.remove', anchorId: `q${n}` }];

describe('UndoStack', () => {
  it('undoes the newest change first', () => {
    const stack = new UndoStack();
    stack.record(group(1));
    stack.record(group(2));
    expect(stack.takeUndo()).toEqual(group(2));
    expect(stack.takeUndo()).toEqual(group(1));
    expect(stack.takeUndo()).toBeNull();
    expect(stack.canUndo).toBe(false);
  });

  it('redoes what was undone, and a redo can be undone again', () => {
    const stack = new UndoStack();
    stack.record(group(1));
    stack.takeUndo();
    stack.recordUndone(group(11));
    expect(stack.canRedo).toBe(true);
    expect(stack.takeRedo()).toEqual(group(11));
    stack.recordRedone(group(21));
    expect(stack.takeUndo()).toEqual(group(21));
  });

  it('forgets redo on a new change, but not on a redo', () => {
    const stack = new UndoStack();
    stack.record(group(1));
    stack.record(group(2));
    stack.takeUndo();
    stack.recordUndone(group(12));
    stack.takeUndo();
    stack.recordUndone(group(11));
    expect(stack.takeRedo()).toEqual(group(11));
    stack.recordRedone(group(21));
    expect(stack.canRedo).toBe(true);
    stack.record(group(3));
    expect(stack.canRedo).toBe(false);
    expect(stack.takeRedo()).toBeNull();
  });

  it('ignores empty groups (changes that cannot be undone)', () => {
    const stack = new UndoStack();
    stack.record(group(1));
    stack.takeUndo();
    stack.recordUndone(group(11));
    stack.record([]);
    expect(stack.canUndo).toBe(false);
    expect(stack.canRedo).toBe(true);
  });

  it('keeps a whole group together as one step', () => {
    const stack = new UndoStack();
    const both = [...group(1), ...group(2)];
    stack.record(both);
    expect(stack.takeUndo()).toEqual(both);
  });

  it('keeps only the newest steps', () => {
    const stack = new UndoStack(3);
    for (let n = 1; n <= 5; n++) stack.record(group(n));
    const taken = [stack.takeUndo(), stack.takeUndo(), stack.takeUndo(), stack.takeUndo()];
    expect(taken).toEqual([group(5), group(4), group(3), null]);
  });

  it('does not share its groups with the caller', () => {
    const stack = new UndoStack();
    const g = group(1);
    stack.record(g);
    g.push(...group(2));
    expect(stack.takeUndo()).toEqual(group(1));
  });

  it('tells subscribers when undo or redo may have changed, until they unsubscribe', () => {
    const stack = new UndoStack();
    const listener = vi.fn();
    const unsubscribe = stack.subscribe(listener);
    stack.record(group(1));
    stack.takeUndo();
    stack.takeUndo();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    stack.record(group(2));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('clears both stacks', () => {
    const stack = new UndoStack();
    stack.record(group(1));
    stack.record(group(2));
    stack.takeUndo();
    stack.recordUndone(group(12));
    stack.clear();
    expect([stack.canUndo, stack.canRedo]).toEqual([false, false]);
  });
});
