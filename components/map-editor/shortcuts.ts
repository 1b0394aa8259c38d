/** The editor's commands with their keys: the key handler and the shortcuts dialog both read this. */

export type CommandId =
  | 'edit'
  | 'addPro'
  | 'addCon'
  | 'addSibling'
  | 'toggleStance'
  | 'indent'
  | 'outdent'
  | 'moveUp'
  | 'moveDown'
  | 'moveTo'
  | 'delete'
  | 'note'
  | 'quote'
  | 'link'
  | 'undo'
  | 'next'
  | 'previous'
  | 'help';

export interface Shortcut {
  command: CommandId;
  keys: string;
  label: string;
  matches: (e: KeyboardEvent | React.KeyboardEvent) => boolean;
}

const plain = (e: KeyboardEvent | React.KeyboardEvent) => !e.altKey && !e.ctrlKey && !e.metaKey;

export const SHORTCUTS: Shortcut[] = [
  {
    command: 'next',
    keys: '↓ or J',
    label: 'Go to the next claim',
    matches: (e) => plain(e) && (e.key === 'ArrowDown' || e.key === 'j'),
  },
  {
    command: 'previous',
    keys: '↑ or K',
    label: 'Go to the previous claim',
    matches: (e) => plain(e) && (e.key === 'ArrowUp' || e.key === 'k'),
  },
  {
    command: 'edit',
    keys: 'Enter or E',
    label: 'Edit the claim’s text (Enter saves, Esc cancels)',
    matches: (e) => plain(e) && (e.key === 'Enter' || e.key === 'e'),
  },
  {
    command: 'addPro',
    keys: 'P',
    label: 'Add a pro reply (supports this claim)',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'p',
  },
  {
    command: 'addCon',
    keys: 'C',
    label: 'Add a con reply (objects to it; under an objection, a rebuttal)',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'c',
  },
  {
    command: 'addSibling',
    keys: 'S',
    label: 'Add a sibling claim below, same stance',
    matches: (e) => plain(e) && e.key.toLowerCase() === 's',
  },
  {
    command: 'toggleStance',
    keys: 'T',
    label: 'Switch between pro and con',
    matches: (e) => plain(e) && e.key.toLowerCase() === 't',
  },
  {
    command: 'indent',
    keys: 'Alt + →',
    label: 'Indent: make it a reply to the claim above',
    matches: (e) => e.altKey && e.key === 'ArrowRight',
  },
  {
    command: 'outdent',
    keys: 'Alt + ←',
    label: 'Outdent: move it out one level',
    matches: (e) => e.altKey && e.key === 'ArrowLeft',
  },
  {
    command: 'moveUp',
    keys: 'Alt + ↑',
    label: 'Move up among its siblings',
    matches: (e) => e.altKey && e.key === 'ArrowUp',
  },
  {
    command: 'moveDown',
    keys: 'Alt + ↓',
    label: 'Move down among its siblings',
    matches: (e) => e.altKey && e.key === 'ArrowDown',
  },
  {
    command: 'moveTo',
    keys: 'M',
    label: 'Move to another parent or thesis…',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'm',
  },
  {
    command: 'note',
    keys: 'N',
    label: 'Write a note (why it matters, how the other side will answer)',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'n',
  },
  {
    command: 'quote',
    keys: 'Q',
    label: 'Attach a quote from an article as evidence',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'q',
  },
  {
    command: 'delete',
    keys: 'Delete',
    label: 'Delete the claim and its replies (undo with Ctrl + Z)',
    matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  },
  {
    command: 'undo',
    keys: 'Ctrl + Z',
    label: 'Undo the last delete',
    matches: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z',
  },
  { command: 'help', keys: '?', label: 'Show these shortcuts', matches: (e) => e.key === '?' },
];

/** The command a key press asks for, if any. Strength is set with the keys 1–5 (0 clears it). */
export function commandFor(e: KeyboardEvent | React.KeyboardEvent): CommandId | null {
  return SHORTCUTS.find((s) => s.matches(e))?.command ?? null;
}
