import { COMMANDS, commandById, type Command, type CommandId } from './commands';

/** The editor's keys: which command a key press asks for, and how keys are written. */

/** A key, with the modifiers it needs. `label` is how the shortcuts dialog shows it. */
export interface Chord {
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  /** Set for chords where Shift changes the meaning (Ctrl + Z undoes, Ctrl + Shift + Z redoes). */
  shift?: boolean;
  label: string;
}

export interface KeyLike {
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
export function commandFor(e: KeyLike): Command<CommandId> | null {
  return COMMANDS.find((c) => c.keys.some((chord) => matches(chord, e))) ?? null;
}

/** How a command's keys are written, for hints ("L", "Alt + ↑"). */
export function keysOf(id: CommandId): string {
  return commandById(id)
    .keys.map((chord) => chord.label)
    .join(' or ');
}

/**
 * The command a key pressed at a place asks for: on a claim any command; on a thesis those that
 * add to it; elsewhere only those that need nothing selected. Null when there is none.
 */
export function commandAt(
  e: KeyLike,
  where: { claimId?: string; thesisId?: string },
): Command<CommandId> | null {
  const command = commandFor(e);
  if (!command) return null;
  if (!where.claimId && !where.thesisId && command.needs !== 'nothing') return null;
  if (!where.claimId && where.thesisId && command.needs === 'claim') return null;
  return command;
}
