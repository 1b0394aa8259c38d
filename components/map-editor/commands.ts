import type { Stance } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';

/**
 * The editor's commands, registered once (excalidraw's actions work the same way): each has its
 * keys, its label and what it does. The key handler, the toolbar's hints and the shortcuts
 * dialog all read this list, so a documented key cannot silently do nothing; commands.test.ts
 * presses every key of every entry.
 */

/** A key, with the modifiers it needs. `label` is how the shortcuts dialog shows it. */
export interface Chord {
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  /** Set for chords where Shift changes the meaning (Ctrl + Z undoes, Ctrl + Shift + Z redoes). */
  shift?: boolean;
  label: string;
}

/** What commands act on: the selected claim and the editor's writes and dialogs. */
export interface CommandContext {
  claim: ClaimView | null;
  key: string;
  setAttribute(id: string, edit: { stance?: Stance; strength?: number | null }): void;
  indent(id: string): boolean;
  outdent(id: string): boolean;
  shift(id: string, delta: -1 | 1): boolean;
  undo(): void;
  redo(): void;
  edit(id: string): void;
  compose(id: string, thesisId: string, kind: 'pro' | 'con' | 'sibling'): void;
  openMove(id: string): void;
  openNote(id: string): void;
  openQuote(id: string): void;
  openLink(id: string): void;
  openComments(id: string): void;
  requestDelete(id: string): void;
  moveFocus(id: string, delta: 1 | -1): void;
  focusClaim(id: string): void;
  showHelp(): void;
}

export interface Command {
  id: string;
  label: string;
  keys: Chord[];
  /** Works in the read-only shared view too. */
  readOnly?: boolean;
  /** Works with no claim selected (from anywhere on the page). */
  global?: boolean;
  run(ctx: CommandContext): void;
}

const k = (key: string, label = key.toUpperCase()): Chord => ({ key, label });
const alt = (key: string, label: string): Chord => ({ key, alt: true, label });

/** A command that acts on the selected claim (and does nothing without one). */
const on = (fn: (ctx: CommandContext, claim: ClaimView) => void) => (ctx: CommandContext) => {
  if (ctx.claim) fn(ctx, ctx.claim);
};

/** Runs a structural move and keeps the keyboard on the moved claim. */
const keepFocus = (ctx: CommandContext, id: string, moved: boolean) => {
  if (moved) ctx.focusClaim(id);
};

export const COMMANDS: Command[] = [
  {
    id: 'next',
    label: 'Go to the next claim',
    keys: [k('ArrowDown', '↓'), k('j', 'J')],
    readOnly: true,
    run: on((ctx, c) => ctx.moveFocus(c.id, 1)),
  },
  {
    id: 'previous',
    label: 'Go to the previous claim',
    keys: [k('ArrowUp', '↑'), k('k', 'K')],
    readOnly: true,
    run: on((ctx, c) => ctx.moveFocus(c.id, -1)),
  },
  {
    id: 'edit',
    label: 'Edit the claim’s text (Enter saves, Esc cancels)',
    keys: [k('Enter', 'Enter'), k('e', 'E')],
    run: on((ctx, c) => ctx.edit(c.id)),
  },
  {
    id: 'addPro',
    label: 'Add a pro reply (supports this claim)',
    keys: [k('p')],
    run: on((ctx, c) => ctx.compose(c.id, c.thesisId, 'pro')),
  },
  {
    id: 'addCon',
    label: 'Add a con reply (objects to it; under an objection, a rebuttal)',
    keys: [k('c')],
    run: on((ctx, c) => ctx.compose(c.id, c.thesisId, 'con')),
  },
  {
    id: 'addSibling',
    label: 'Add a sibling claim below, same stance',
    keys: [k('s')],
    run: on((ctx, c) => ctx.compose(c.id, c.thesisId, 'sibling')),
  },
  {
    id: 'toggleStance',
    label: 'Switch between pro and con',
    keys: [k('t')],
    run: on((ctx, c) => ctx.setAttribute(c.id, { stance: c.stance === 'pro' ? 'con' : 'pro' })),
  },
  {
    id: 'rate',
    label: 'Rate the claim’s strength from 1 to 5 (0 clears)',
    keys: ['1', '2', '3', '4', '5', '0'].map((d) => k(d)),
    run: on((ctx, c) =>
      ctx.setAttribute(c.id, { strength: ctx.key === '0' ? null : Number(ctx.key) }),
    ),
  },
  {
    id: 'indent',
    label: 'Indent: make it a reply to the claim above',
    keys: [alt('ArrowRight', 'Alt + →')],
    run: on((ctx, c) => keepFocus(ctx, c.id, ctx.indent(c.id))),
  },
  {
    id: 'outdent',
    label: 'Outdent: move it out one level',
    keys: [alt('ArrowLeft', 'Alt + ←')],
    run: on((ctx, c) => keepFocus(ctx, c.id, ctx.outdent(c.id))),
  },
  {
    id: 'moveUp',
    label: 'Move up among its siblings',
    keys: [alt('ArrowUp', 'Alt + ↑')],
    run: on((ctx, c) => keepFocus(ctx, c.id, ctx.shift(c.id, -1))),
  },
  {
    id: 'moveDown',
    label: 'Move down among its siblings',
    keys: [alt('ArrowDown', 'Alt + ↓')],
    run: on((ctx, c) => keepFocus(ctx, c.id, ctx.shift(c.id, 1))),
  },
  {
    id: 'moveTo',
    label: 'Move to another parent or thesis…',
    keys: [k('m')],
    run: on((ctx, c) => ctx.openMove(c.id)),
  },
  {
    id: 'note',
    label: 'Write a note (why it matters, how the other side will answer)',
    keys: [k('n')],
    run: on((ctx, c) => ctx.openNote(c.id)),
  },
  {
    id: 'quote',
    label: 'Attach a quote from an article as evidence',
    keys: [k('q')],
    run: on((ctx, c) => ctx.openQuote(c.id)),
  },
  {
    id: 'link',
    label: 'Link it to a claim or the thesis on the other side…',
    keys: [k('l')],
    run: on((ctx, c) => ctx.openLink(c.id)),
  },
  {
    id: 'comments',
    label: 'Open the claim’s comments: read, reply, resolve',
    keys: [k('o')],
    readOnly: true,
    run: on((ctx, c) => ctx.openComments(c.id)),
  },
  {
    id: 'delete',
    label: 'Delete the claim and its replies (undo with Ctrl + Z, or from Trash)',
    keys: [k('Delete', 'Delete'), k('Backspace', 'Backspace')],
    run: on((ctx, c) => ctx.requestDelete(c.id)),
  },
  {
    id: 'undo',
    label: 'Undo your last change (others’ changes stay)',
    keys: [{ key: 'z', ctrl: true, shift: false, label: 'Ctrl + Z' }],
    global: true,
    run: (ctx) => ctx.undo(),
  },
  {
    id: 'redo',
    label: 'Redo what you undid',
    keys: [
      { key: 'z', ctrl: true, shift: true, label: 'Ctrl + Shift + Z' },
      { key: 'y', ctrl: true, label: 'Ctrl + Y' },
    ],
    global: true,
    run: (ctx) => ctx.redo(),
  },
  {
    id: 'help',
    label: 'Show these shortcuts',
    keys: [{ key: '?', label: '?' }],
    global: true,
    readOnly: true,
    run: (ctx) => ctx.showHelp(),
  },
];

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
}

/**
 * Whether a key press is this chord (Ctrl and ⌘ count the same). Shift matters through the key
 * itself ("?"), or where the chord says so (Ctrl + Shift + Z).
 */
export function matches(chord: Chord, e: KeyLike): boolean {
  const key = chord.key.length === 1 ? e.key.toLowerCase() : e.key;
  return (
    key === chord.key &&
    !!chord.alt === e.altKey &&
    !!chord.ctrl === (e.ctrlKey || e.metaKey) &&
    (chord.shift === undefined || chord.shift === !!e.shiftKey)
  );
}

/** The command a key press asks for, if any. */
export function commandFor(e: KeyLike): Command | null {
  return COMMANDS.find((c) => c.keys.some((chord) => matches(chord, e))) ?? null;
}

/** How a command's keys are written, for hints ("L", "Alt + ↑"). */
export function keysOf(id: string): string {
  return (
    COMMANDS.find((c) => c.id === id)
      ?.keys.map((chord) => chord.label)
      .join(' or ') ?? ''
  );
}
