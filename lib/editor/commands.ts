import type { ClaimView } from '@/lib/domain/views';
import type { Chord } from './keys';
import type { EditorSession, Target } from './session';

/**
 * Every editor action, declared once (excalidraw's actions work the same way): its id, its
 * words, its keys, when it can run and what it does. Keys, the claim toolbar, the graph's panel,
 * the header's buttons and the shortcuts dialog all call `session.run(id)`, so an action removed
 * here is gone everywhere (its id stops type-checking), and a documented key cannot silently do
 * nothing: commands.test.ts walks every entry through its keys and through `run`.
 */

/** What a command acts on. */
export interface CommandContext {
  session: EditorSession;
  /** The claim acted on (the selected one, or the one whose button was pressed). */
  claim: ClaimView | null;
  /** The thesis acted on: the claim's, or the thesis pressed on or selected in the graph. */
  thesisId: string | null;
  /** The key pressed, when a key ran it. */
  key: string;
  /** A value chosen with the command's control (the strength list). */
  value?: number | null;
}

/** How a command shows in the claim toolbar. */
export interface ToolbarEntry {
  text: (claim: ClaimView) => string;
  /** The button's name for screen readers, where its text is a symbol. */
  name?: string;
  /** Consecutive entries of a group sit together (the four move arrows). */
  group?: 'Move';
  danger?: boolean;
  /** Folded under "More" until asked for (the toolbar keeps the common few in view). */
  more?: boolean;
  /** Drawn as a list of values, not a button. */
  select?: { empty: string; options: { value: number; text: string }[] };
}

export interface Command<Id extends string = string> {
  id: Id;
  label: string;
  keys: Chord[];
  /** What it needs: a claim, a claim or a thesis, or nothing (it works from anywhere). */
  needs: 'claim' | 'place' | 'nothing';
  /** Works in the read-only views too (viewers, commenters). */
  readOnly?: boolean;
  /**
   * Offered only to those who may suggest but not edit (session.canSuggest: commenters and
   * signed-in viewers); an editor has the editing commands instead.
   */
  suggests?: boolean;
  /** Further conditions (there is something to undo). */
  when?: (ctx: CommandContext) => boolean;
  toolbar?: ToolbarEntry;
  run(ctx: CommandContext): void;
}

const k = (key: string, label = key.toUpperCase()): Chord => ({ key, label });
const alt = (key: string, label: string): Chord => ({ key, alt: true, label });
const command = <const Id extends string>(c: Command<Id>) => c;

/** Runs with the claim it needs (`enabled` has checked it is there). */
const on =
  (fn: (ctx: CommandContext, claim: ClaimView) => void) =>
  (ctx: CommandContext): void => {
    if (ctx.claim) fn(ctx, ctx.claim);
  };

/** A structural move that keeps the keyboard on the moved claim. */
const moving = (move: (ctx: CommandContext, id: string) => boolean) =>
  on((ctx, c) => {
    if (move(ctx, c.id)) ctx.session.focus(c.id);
  });

const compose = (kind: 'pro' | 'con' | 'sibling') => (ctx: CommandContext) => {
  if (ctx.thesisId) ctx.session.compose(ctx.thesisId, ctx.claim, kind);
};

export const COMMANDS = [
  command({
    id: 'next',
    label: 'Go to the next claim',
    keys: [k('ArrowDown', '↓'), k('j', 'J')],
    needs: 'claim',
    readOnly: true,
    run: on((ctx, c) => ctx.session.focusNeighbour(c.id, 1)),
  }),
  command({
    id: 'previous',
    label: 'Go to the previous claim',
    keys: [k('ArrowUp', '↑'), k('k', 'K')],
    needs: 'claim',
    readOnly: true,
    run: on((ctx, c) => ctx.session.focusNeighbour(c.id, -1)),
  }),
  command({
    id: 'first',
    label: 'Go to the first claim under this thesis',
    keys: [k('Home', 'Home')],
    needs: 'claim',
    readOnly: true,
    when: (ctx) => !!ctx.claim && ctx.session.edge(ctx.claim.id, 'first') !== null,
    run: on((ctx, c) => ctx.session.focus(ctx.session.edge(c.id, 'first')!.id)),
  }),
  command({
    id: 'last',
    label: 'Go to the last claim under this thesis',
    keys: [k('End', 'End')],
    needs: 'claim',
    readOnly: true,
    when: (ctx) => !!ctx.claim && ctx.session.edge(ctx.claim.id, 'last') !== null,
    run: on((ctx, c) => ctx.session.focus(ctx.session.edge(c.id, 'last')!.id)),
  }),
  command({
    id: 'parent',
    label: 'Go to the claim it answers',
    keys: [k('ArrowLeft', '←'), k('h', 'H')],
    needs: 'claim',
    readOnly: true,
    when: (ctx) => ctx.claim?.parentId != null,
    run: on((ctx, c) => ctx.session.focus(c.parentId!)),
  }),
  command({
    id: 'addPro',
    label: 'Add a pro reply (supports this claim)',
    keys: [k('p')],
    needs: 'place',
    toolbar: { text: () => '+ Pro reply' },
    run: compose('pro'),
  }),
  command({
    id: 'addCon',
    label: 'Add a con reply (objects to it; under an objection, a rebuttal)',
    keys: [k('c')],
    needs: 'place',
    toolbar: { text: () => '− Con reply' },
    run: compose('con'),
  }),
  command({
    id: 'suggest',
    label: 'Suggest a pro or con reply for the map’s editors to add (if you can view or comment)',
    keys: [k('g')],
    needs: 'place',
    suggests: true,
    toolbar: { text: () => 'Suggest a reply…' },
    run: (ctx) => {
      if (ctx.thesisId) ctx.session.composeSuggestion(ctx.thesisId, ctx.claim);
    },
  }),
  command({
    id: 'addSibling',
    label: 'Add a sibling claim below, same stance',
    keys: [k('s')],
    needs: 'claim',
    run: compose('sibling'),
  }),
  command({
    id: 'edit',
    label: 'Edit the claim’s text (Enter saves, Esc cancels)',
    keys: [k('Enter', 'Enter'), k('e', 'E')],
    needs: 'claim',
    toolbar: { text: () => 'Edit' },
    run: on((ctx, c) => ctx.session.startEditing(c.id, 'text')),
  }),
  command({
    id: 'note',
    label: 'Write a note (why it matters, how the other side will answer)',
    keys: [k('n')],
    needs: 'claim',
    toolbar: { text: () => 'Note' },
    run: on((ctx, c) => ctx.session.startEditing(c.id, 'note')),
  }),
  command({
    id: 'quote',
    label: 'Attach a quote from an article as evidence',
    keys: [k('q')],
    needs: 'claim',
    toolbar: { text: () => 'Quote…' },
    run: on((ctx, c) => ctx.session.open('quote', c.id)),
  }),
  command({
    id: 'toggleStance',
    label: 'Switch between pro and con',
    keys: [k('t')],
    needs: 'claim',
    toolbar: { text: (c) => `Make ${c.stance === 'pro' ? 'con' : 'pro'}`, more: true },
    run: on((ctx, c) =>
      ctx.session.writes.setAttribute(c.id, { stance: c.stance === 'pro' ? 'con' : 'pro' }),
    ),
  }),
  command({
    id: 'rate',
    label: 'Rate the claim’s strength from 1 to 5 (0 clears)',
    keys: ['1', '2', '3', '4', '5', '0'].map((d) => k(d)),
    needs: 'claim',
    toolbar: {
      text: () => 'Strength',
      select: {
        empty: 'Strength: not rated',
        options: [1, 2, 3, 4, 5].map((n) => ({ value: n, text: `Strength: ${n} of 5` })),
      },
    },
    run: on((ctx, c) => {
      const value = ctx.value !== undefined ? ctx.value : ctx.key === '0' ? null : Number(ctx.key);
      ctx.session.writes.setAttribute(c.id, { strength: value });
    }),
  }),
  command({
    id: 'moveUp',
    label: 'Move up among its siblings',
    keys: [alt('ArrowUp', 'Alt + ↑')],
    needs: 'claim',
    toolbar: { text: () => '↑', name: 'Move up', group: 'Move', more: true },
    run: moving((ctx, id) => ctx.session.writes.shift(id, -1)),
  }),
  command({
    id: 'moveDown',
    label: 'Move down among its siblings',
    keys: [alt('ArrowDown', 'Alt + ↓')],
    needs: 'claim',
    toolbar: { text: () => '↓', name: 'Move down', group: 'Move', more: true },
    run: moving((ctx, id) => ctx.session.writes.shift(id, 1)),
  }),
  command({
    id: 'outdent',
    label: 'Outdent: move it out one level',
    keys: [alt('ArrowLeft', 'Alt + ←')],
    needs: 'claim',
    toolbar: { text: () => '←', name: 'Outdent', group: 'Move', more: true },
    run: moving((ctx, id) => ctx.session.writes.outdent(id)),
  }),
  command({
    id: 'indent',
    label: 'Indent: make it a reply to the claim above',
    keys: [alt('ArrowRight', 'Alt + →')],
    needs: 'claim',
    toolbar: { text: () => '→', name: 'Indent', group: 'Move', more: true },
    run: moving((ctx, id) => ctx.session.writes.indent(id)),
  }),
  command({
    id: 'moveTo',
    label: 'Move to another parent or thesis…',
    keys: [k('m')],
    needs: 'claim',
    toolbar: { text: () => 'Move to…', more: true },
    run: on((ctx, c) => ctx.session.open('move', c.id)),
  }),
  command({
    id: 'link',
    label: 'Link it to a claim or the thesis on the other side…',
    keys: [k('l')],
    needs: 'claim',
    toolbar: { text: () => 'Link…', more: true },
    run: on((ctx, c) => ctx.session.open('link', c.id)),
  }),
  command({
    id: 'comments',
    label: 'Open the claim’s comments: read, reply, resolve',
    keys: [k('o')],
    needs: 'claim',
    readOnly: true,
    toolbar: { text: () => 'Comments…', more: true },
    run: on((ctx, c) => ctx.session.open('comments', c.id)),
  }),
  command({
    id: 'mark',
    label: 'Mark the claim for its author to review (unsupported, unclear, needs a quote…)',
    keys: [k('r')],
    needs: 'claim',
    // Nobody marks their own claim (the server refuses it too).
    when: (ctx) => ctx.session.canMark && !!ctx.claim && !ctx.session.wroteIt(ctx.claim.id),
    toolbar: { text: () => 'Mark for review…', more: true },
    run: on((ctx, c) => ctx.session.open('mark', c.id)),
  }),
  command({
    id: 'byAuthor',
    label: 'Show only this claim’s author’s claims, dimming the rest (again: everyone’s)',
    keys: [k('a')],
    needs: 'claim',
    readOnly: true,
    when: (ctx) => !!ctx.claim && ctx.session.authorOf(ctx.claim.id) !== null,
    run: on((ctx, c) => {
      const author = ctx.session.authorOf(c.id);
      ctx.session.filterByAuthor(ctx.session.screen.author === author ? null : author);
    }),
  }),
  command({
    id: 'delete',
    label: 'Delete the claim and its replies (undo with Ctrl + Z, or from Trash)',
    keys: [k('Delete', 'Delete'), k('Backspace', 'Backspace')],
    needs: 'claim',
    toolbar: { text: () => 'Delete', danger: true, more: true },
    run: on((ctx, c) => ctx.session.requestDelete(c.id)),
  }),
  command({
    id: 'undo',
    label: 'Undo your last change (others’ changes stay)',
    keys: [{ key: 'z', ctrl: true, shift: false, label: 'Ctrl + Z' }],
    needs: 'nothing',
    when: (ctx) => ctx.session.undoStack.canUndo,
    run: (ctx) => ctx.session.undo(),
  }),
  command({
    id: 'redo',
    label: 'Redo what you undid',
    keys: [
      { key: 'z', ctrl: true, shift: true, label: 'Ctrl + Shift + Z' },
      { key: 'y', ctrl: true, label: 'Ctrl + Y' },
    ],
    needs: 'nothing',
    when: (ctx) => ctx.session.undoStack.canRedo,
    run: (ctx) => ctx.session.redo(),
  }),
  command({
    id: 'find',
    label: 'Find a claim by its words (the box above the map)',
    keys: [{ key: '/', label: '/' }],
    needs: 'nothing',
    readOnly: true,
    run: (ctx) => ctx.session.find(),
  }),
  command({
    id: 'help',
    label: 'Show these shortcuts',
    keys: [{ key: '?', label: '?' }],
    needs: 'nothing',
    readOnly: true,
    run: (ctx) => ctx.session.open('shortcuts', null),
  }),
];

export type CommandId = (typeof COMMANDS)[number]['id'];

export function commandById(id: CommandId): Command<CommandId> {
  return COMMANDS.find((c) => c.id === id)!;
}

export type { Chord };

/** What a command would act on, for a target (default: what is selected). */
export function contextFor(session: EditorSession, target: Target = {}): CommandContext {
  const { claims } = session.sync.state;
  const claimId = target.claimId !== undefined ? target.claimId : session.screen.activeId;
  const claim = claims.find((c) => c.id === claimId) ?? null;
  const thesisId =
    target.thesisId ??
    claim?.thesisId ??
    (session.theses.some((t) => t.id === claimId) ? claimId! : null);
  return { session, claim, thesisId, key: target.key ?? '', value: target.value };
}

/** Whether a command can run here: this person may, and what it needs is there. */
export function enabled(command: Command, ctx: CommandContext): boolean {
  if (command.suggests) {
    if (!ctx.session.canSuggest) return false;
  } else if (!command.readOnly && !ctx.session.canEdit) return false;
  if (command.needs === 'claim' && !ctx.claim) return false;
  if (command.needs === 'place' && !ctx.thesisId) return false;
  return command.when?.(ctx) ?? true;
}
