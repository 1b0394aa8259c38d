import { describe, expect, it } from 'vitest';
import { testSession } from '@/tests/support/editor-session';
import type { EditorSession } from './session';
import { COMMANDS, type Command } from './commands';
import { commandFor, keysOf, type Chord } from './keys';

const press = (chord: Chord) => ({
  key: chord.key,
  altKey: !!chord.alt,
  ctrlKey: !!chord.ctrl,
  metaKey: false,
  shiftKey: !!chord.shift,
});

/** What a person could tell apart on screen and in the map after a command. */
function seen(session: EditorSession) {
  const { screen, claims } = session.getSnapshot();
  return {
    activeId: screen.activeId,
    side: screen.side,
    editing: screen.editing,
    composer: screen.composer?.label ?? null,
    dialog: screen.dialog,
    finding: screen.finding,
    announcement: screen.announcement,
    claims: claims.map((c) => [c.id, c.parentId, c.order, c.stance, c.strength, c.text]),
    canUndo: session.undoStack.canUndo,
    canRedo: session.undoStack.canRedo,
  };
}

/** Who can run it: the owner, or (a suggestion) a viewer, who may suggest but not edit. */
const roleFor = (command: Command) => (command.suggests ? 'viewer' : 'owner');

/** A claim the command can act on: B (top-level, no replies), else A2 (a reply). */
const claimFor = (command: Command) =>
  ['B', 'A2'].find((id) =>
    testSession({ role: roleFor(command) }).session.isEnabled(command.id as never, {
      claimId: id,
    }),
  )!;

/** A session where the command can run, its claim selected, with an edit to undo. */
function ready(command: Command) {
  const t = testSession({ role: roleFor(command) });
  t.session.select(claimFor(command) ?? 'B');
  if (command.id === 'undo' || command.id === 'redo')
    t.session.writes.setAttribute('B', { strength: 2 });
  if (command.id === 'redo') t.session.undo();
  return t.session;
}

const where = (command: Command) =>
  command.needs === 'nothing' ? {} : { claimId: claimFor(command) };

describe('the editor’s one list of commands', () => {
  it('runs every entry the same way from each of its keys and from run(), and each does something', () => {
    for (const command of COMMANDS) {
      const untouched = seen(ready(command));
      for (const chord of command.keys) {
        expect(commandFor(press(chord))?.id, `${chord.label} should run ${command.id}`).toBe(
          command.id,
        );
        const byKey = ready(command);
        expect(byKey.handleKey(press(chord), where(command)), `${chord.label}`).toBe(true);
        const byButton = ready(command);
        expect(byButton.run(command.id, { ...where(command), key: chord.key })).toBe(true);
        expect(seen(byKey), `${command.id} by ${chord.label}`).toEqual(seen(byButton));
        expect(seen(byKey), `${command.id} by ${chord.label} did nothing`).not.toEqual(untouched);
      }
    }
  });

  it('has no key bound twice, and every command a label and a key', () => {
    const bound = new Map<string, string>();
    for (const command of COMMANDS) {
      expect(command.label.length).toBeGreaterThan(0);
      expect(command.keys.length).toBeGreaterThan(0);
      for (const chord of command.keys) {
        const id = `${chord.ctrl ? 'ctrl+' : ''}${chord.alt ? 'alt+' : ''}${chord.shift ? 'shift+' : ''}${chord.key}`;
        expect(
          bound.get(id),
          `${id} is bound to ${bound.get(id)} and ${command.id}`,
        ).toBeUndefined();
        bound.set(id, command.id);
      }
    }
  });

  it('rates with the digit pressed, or the value chosen in the toolbar’s list', () => {
    const { session, snap } = testSession();
    session.handleKey(
      { key: '4', altKey: false, ctrlKey: false, metaKey: false },
      { claimId: 'B' },
    );
    expect(snap().claims.find((c) => c.id === 'B')!.strength).toBe(4);
    session.handleKey(
      { key: '0', altKey: false, ctrlKey: false, metaKey: false },
      { claimId: 'B' },
    );
    expect(snap().claims.find((c) => c.id === 'B')!.strength).toBeNull();
    session.run('rate', { claimId: 'B', value: 2 });
    expect(snap().claims.find((c) => c.id === 'B')!.strength).toBe(2);
    expect(keysOf('link')).toBe('L');
  });

  it('lets viewers read (move, comments, help) and suggest, and nothing else', () => {
    const { session, snap } = testSession({ role: 'viewer' });
    for (const command of COMMANDS) {
      const ran = session.run(command.id, { claimId: 'A2' });
      expect(ran, command.id).toBe(!!command.readOnly || !!command.suggests);
      session.closeDialog();
    }
    expect(snap().claims).toHaveLength(5);
  });

  it('offers a suggestion to those who may only suggest: not to editors, nor without an account', () => {
    for (const role of ['owner', 'editor'] as const)
      expect(testSession({ role }).session.run('suggest', { claimId: 'A2' }), role).toBe(false);
    expect(testSession({ role: null }).session.run('suggest', { claimId: 'A2' })).toBe(false);
    const { session, snap } = testSession({ role: 'commenter' });
    expect(session.run('suggest', { claimId: 'A2' })).toBe(true);
    expect(snap().screen.composer).toMatchObject({
      place: { thesisId: 't1', parentId: 'A2' },
      suggest: true,
      label: 'Suggest a reply to “Claim A2”',
    });
    session.run('suggest', { thesisId: 't2', claimId: null });
    expect(snap().screen.composer).toMatchObject({
      place: { thesisId: 't2', parentId: null },
      suggest: true,
    });
  });

  it('goes to the claim a reply answers, and not past the top', () => {
    const { session, snap } = testSession();
    const left = { key: 'ArrowLeft', altKey: false, ctrlKey: false, metaKey: false };
    expect(session.handleKey(left, { claimId: 'A2' })).toBe(true);
    expect(snap().screen.focus?.claimId).toBe('A');
    expect(session.handleKey(left, { claimId: 'A' })).toBe(false);
  });

  it('goes to the first and last claim of the thesis with Home and End, not past them', () => {
    const { session, snap } = testSession();
    const key = (k: string) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false });
    expect(session.handleKey(key('End'), { claimId: 'A1' })).toBe(true);
    expect(snap().screen.focus?.claimId).toBe('B');
    expect(session.handleKey(key('Home'), { claimId: 'B' })).toBe(true);
    expect(snap().screen.focus?.claimId).toBe('A');
    // Already there: the key is left to the browser.
    expect(session.handleKey(key('Home'), { claimId: 'A' })).toBe(false);
    expect(session.handleKey(key('End'), { claimId: 'B' })).toBe(false);
    // The other thesis is a tree of its own.
    expect(session.handleKey(key('Home'), { claimId: 'C' })).toBe(false);
  });

  it('opens "Find a claim" with / from anywhere, back in the outline from the graph', () => {
    const { session, snap } = testSession({ role: 'viewer' });
    session.setView('graph');
    const slash = { key: '/', altKey: false, ctrlKey: false, metaKey: false, shiftKey: true };
    expect(session.handleKey(slash, {})).toBe(true);
    expect(snap().screen.view).toBe('outline');
    expect(snap().screen.finding).toBe(1);
    expect(session.handleKey(slash, { claimId: 'B' })).toBe(true);
    expect(snap().screen.finding).toBe(2);
  });

  it('runs claim commands only on a claim; P and C on a thesis too; undo from anywhere', () => {
    const { session, snap } = testSession();
    const key = (k: string, ctrl = false) => ({
      key: k,
      altKey: false,
      ctrlKey: ctrl,
      metaKey: false,
    });
    expect(session.handleKey(key('l'), {})).toBe(false);
    expect(session.handleKey(key('l'), { thesisId: 't1' })).toBe(false);
    expect(session.handleKey(key('p'), { thesisId: 't2' })).toBe(true);
    expect(snap().screen.composer?.label).toBe('New pro for the thesis');
    expect(session.handleKey(key('z', true), {})).toBe(false); // nothing to undo yet
    session.writes.setAttribute('B', { strength: 1 });
    expect(session.handleKey(key('z', true), {})).toBe(true);
    expect(snap().claims.find((c) => c.id === 'B')!.strength).toBeNull();
  });

  it('tells undo from redo by Shift, as Google Docs does', () => {
    const chord = { key: 'Z', altKey: false, ctrlKey: true, metaKey: false };
    expect(commandFor({ ...chord, shiftKey: false })?.id).toBe('undo');
    expect(commandFor({ ...chord, shiftKey: true })?.id).toBe('redo');
    expect(commandFor({ key: 'y', altKey: false, ctrlKey: false, metaKey: true })?.id).toBe('redo');
  });
});
