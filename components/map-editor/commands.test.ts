import { describe, expect, it } from 'vitest';
import type { ClaimView } from '@/lib/domain/views';
import { COMMANDS, commandFor, keysOf, type CommandContext } from './commands';

const claim: ClaimView = {
  id: 'c1',
  thesisId: 't1',
  parentId: null,
  stance: 'pro',
  order: 'a0',
  text: 'A claim',
  note: '',
  strength: null,
  version: 1,
};

/** A context that records every call a command makes. */
function recorder(key: string, selected: ClaimView | null = claim) {
  const calls: string[] = [];
  const record =
    <R = void>(name: string, result?: R) =>
    (...args: unknown[]): R => {
      calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
      return result as R;
    };
  const ctx: CommandContext = {
    claim: selected,
    key,
    setAttribute: record('setAttribute'),
    indent: record('indent', true),
    outdent: record('outdent', true),
    shift: record('shift', true),
    undo: record('undo'),
    redo: record('redo'),
    edit: record('edit'),
    compose: record('compose'),
    openMove: record('openMove'),
    openNote: record('openNote'),
    openQuote: record('openQuote'),
    openLink: record('openLink'),
    openComments: record('openComments'),
    requestDelete: record('requestDelete'),
    moveFocus: record('moveFocus'),
    focusClaim: record('focusClaim'),
    showHelp: record('showHelp'),
  };
  return { ctx, calls };
}

const press = (chord: (typeof COMMANDS)[number]['keys'][number]) => ({
  key: chord.key,
  altKey: !!chord.alt,
  ctrlKey: !!chord.ctrl,
  metaKey: false,
  shiftKey: !!chord.shift,
});

describe('the editor’s command registry', () => {
  it('runs every documented key of every command, and each does something', () => {
    for (const command of COMMANDS) {
      for (const chord of command.keys) {
        const found = commandFor(press(chord));
        expect(found?.id, `${chord.label} should run ${command.id}`).toBe(command.id);
        const { ctx, calls } = recorder(chord.key);
        found!.run(ctx);
        expect(calls.length, `${command.id} on ${chord.label} did nothing`).toBeGreaterThan(0);
      }
    }
  });

  it('has no key bound twice, and every command a label and a key', () => {
    const seen = new Map<string, string>();
    for (const command of COMMANDS) {
      expect(command.label.length).toBeGreaterThan(0);
      expect(command.keys.length).toBeGreaterThan(0);
      for (const chord of command.keys) {
        const id = `${chord.ctrl ? 'ctrl+' : ''}${chord.alt ? 'alt+' : ''}${chord.shift ? 'shift+' : ''}${chord.key}`;
        expect(seen.get(id), `${id} is bound to ${seen.get(id)} and ${command.id}`).toBeUndefined();
        seen.set(id, command.id);
      }
    }
  });

  it('links with L (the key the toolbar shows), and rates with the digit pressed', () => {
    expect(keysOf('link')).toBe('L');
    const { ctx, calls } = recorder('l');
    commandFor({ key: 'L', altKey: false, ctrlKey: false, metaKey: false })!.run(ctx);
    expect(calls).toEqual(['openLink("c1")']);
    const rate = recorder('4');
    commandFor({ key: '4', altKey: false, ctrlKey: false, metaKey: false })!.run(rate.ctx);
    expect(rate.calls).toEqual(['setAttribute("c1", {"strength":4})']);
    const clear = recorder('0');
    commandFor({ key: '0', altKey: false, ctrlKey: false, metaKey: false })!.run(clear.ctx);
    expect(clear.calls).toEqual(['setAttribute("c1", {"strength":null})']);
  });

  it('opens the comments with O, in the read-only view too (commenters and viewers read them)', () => {
    const command = commandFor({ key: 'o', altKey: false, ctrlKey: false, metaKey: false })!;
    expect(command.readOnly).toBe(true);
    const { ctx, calls } = recorder('o');
    command.run(ctx);
    expect(calls).toEqual(['openComments("c1")']);
  });

  it('runs claim commands only with a claim selected; global ones anywhere', () => {
    const { ctx, calls } = recorder('l', null);
    commandFor({ key: 'l', altKey: false, ctrlKey: false, metaKey: false })!.run(ctx);
    expect(calls).toEqual([]);
    const undo = commandFor({ key: 'z', altKey: false, ctrlKey: true, metaKey: false })!;
    expect(undo.global).toBe(true);
    const u = recorder('z', null);
    undo.run(u.ctx);
    expect(u.calls).toEqual(['undo()']);
  });

  it('tells undo from redo by Shift, as Google Docs does', () => {
    const chord = { key: 'Z', altKey: false, ctrlKey: true, metaKey: false };
    expect(commandFor({ ...chord, shiftKey: false })?.id).toBe('undo');
    expect(commandFor({ ...chord, shiftKey: true })?.id).toBe('redo');
    expect(commandFor({ key: 'y', altKey: false, ctrlKey: false, metaKey: true })?.id).toBe('redo');
  });
});
