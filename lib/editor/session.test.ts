import { describe, expect, it } from 'vitest';
import { testSession } from '@/tests/support/editor-session';
import { TOUCHED_MS } from './incoming';

const byId = <T extends { id: string }>(claims: T[], id: string) => claims.find((c) => c.id === id);

describe('the editor session (no React, no browser)', () => {
  it('adds a reply from the composer, puts the keyboard on it, and undoes it', () => {
    const { session, snap } = testSession();
    session.run('addCon', { claimId: 'B' });
    expect(snap().screen.composer).toMatchObject({
      label: 'New con reply to “Claim B”',
      place: { thesisId: 't1', parentId: 'B' },
      depth: 1,
    });
    const added = session.addFromComposer('  Sanctions still bite  ', 'con');
    expect(added.ok).toBe(true);
    const id = added.ok ? added.id : '';
    expect(byId(snap().claims, id)).toMatchObject({ parentId: 'B', text: 'Sanctions still bite' });
    expect(snap().screen).toMatchObject({ composer: null, activeId: id, focus: { claimId: id } });
    expect(snap().screen.announcement).toBe('Con claim added.');
    session.undo();
    expect(byId(snap().claims, id)).toBeUndefined();
    session.redo();
    expect(byId(snap().claims, id)).toBeDefined();
  });

  it('refuses empty text where it was typed, and keeps the composer open', () => {
    const { session, snap } = testSession();
    session.run('addPro', { thesisId: 't2', claimId: null });
    const r = session.addFromComposer('   ', 'pro');
    expect(r.ok).toBe(false);
    expect(snap().screen.composer?.label).toBe('New pro for the thesis');
    expect(snap().claims).toHaveLength(5);
  });

  it('edits text in place and goes back to the claim; a note likewise', () => {
    const { session, snap } = testSession();
    session.run('edit', { claimId: 'A' });
    expect(snap().screen.editing).toEqual({ claimId: 'A', field: 'text' });
    expect(session.saveEdit('A', 'text', 'Kim invited Moon', 'Claim A').ok).toBe(true);
    expect(byId(snap().claims, 'A')).toMatchObject({ text: 'Kim invited Moon' });
    expect(snap().screen).toMatchObject({ editing: null, focus: { claimId: 'A' } });
    session.run('note', { claimId: 'A' });
    expect(snap().screen.editing).toEqual({ claimId: 'A', field: 'note' });
    session.stopEditing();
    expect(snap().screen.editing).toBeNull();
  });

  it('moves, indents and outdents, keeping the keyboard on the moved claim', () => {
    const { session, snap } = testSession();
    session.run('moveUp', { claimId: 'B' });
    const top = () => snap().claims.filter((c) => c.thesisId === 't1' && !c.parentId);
    expect(
      top()
        .sort((a, b) => (a.order < b.order ? -1 : 1))
        .map((c) => c.id),
    ).toEqual(['B', 'A']);
    expect(snap().screen.focus?.claimId).toBe('B');
    session.run('indent', { claimId: 'A' });
    expect(byId(snap().claims, 'A')!.parentId).toBe('B');
    session.run('outdent', { claimId: 'A1' });
    expect(byId(snap().claims, 'A1')!.parentId).toBe('B');
    session.run('moveUp', { claimId: 'B' });
    expect(snap().screen.announcement).toBe('Already first.');
  });

  it('asks before deleting a claim with replies; undo brings all back', () => {
    const { session, snap } = testSession();
    session.run('delete', { claimId: 'A' });
    expect(snap().screen.dialog).toEqual({ kind: 'delete', claimId: 'A' });
    expect(snap().claims).toHaveLength(5);
    session.confirmDelete();
    expect(snap().claims.map((c) => c.id)).toEqual(['B', 'C']);
    // A answered the thesis: the keyboard goes to the claim after it, B.
    expect(snap().screen).toMatchObject({ dialog: null, focus: { claimId: 'B' } });
    expect(snap().screen.announcement).toMatch(/^Deleted “Claim A” and 2 more\. Press Ctrl\+Z/);
    session.undo();
    expect(snap().claims).toHaveLength(5);
  });

  it('deletes a reply at once and puts the keyboard on its parent', () => {
    const { session, snap } = testSession();
    session.run('delete', { claimId: 'A2' });
    expect(snap().screen.dialog).toBeNull();
    expect(byId(snap().claims, 'A2')).toBeUndefined();
    expect(snap().screen.focus?.claimId).toBe('A');
  });

  it('opens one dialog at a time for its claim, and closes it', () => {
    const { session, snap } = testSession();
    session.run('quote', { claimId: 'B' });
    expect(snap().screen.dialog).toEqual({ kind: 'quote', claimId: 'B' });
    session.run('link', { claimId: 'A' });
    expect(snap().screen.dialog).toEqual({ kind: 'link', claimId: 'A' });
    session.closeDialog();
    expect(snap().screen.dialog).toBeNull();
    session.run('help');
    expect(snap().screen.dialog).toEqual({ kind: 'shortcuts', claimId: null });
  });

  it('goes down the first thesis and on into the second, switching sides', () => {
    const { session, snap } = testSession();
    session.run('next', { claimId: 'A' });
    expect(snap().screen.activeId).toBe('A1');
    session.run('next', { claimId: 'B' });
    expect(snap().screen).toMatchObject({ activeId: 'C', side: 1 });
    session.run('previous', { claimId: 'A' });
    expect(snap().screen.activeId).toBe('C'); // nothing before A: stays
  });

  it('keeps typed text the server refused, says why, and can save it over theirs', async () => {
    const { session, snap, settle, sent } = testSession({
      refuse: (op) =>
        op.kind === 'claim.update' && op.set.text === 'Mine' ? 'Changed meanwhile.' : null,
    });
    session.saveEdit('B', 'text', 'Mine', 'Claim B');
    await settle();
    expect(snap().screen.unsaved).toEqual([
      expect.objectContaining({ claimId: 'B', field: 'text', mine: 'Mine' }),
    ]);
    expect(snap().screen.announcement).toBe('Not saved: Changed meanwhile.');
    expect(byId(snap().claims, 'B')!.text).toBe('Claim B');
    session.settleUnsaved(snap().screen.unsaved[0]!, 'theirs');
    expect(snap().screen.unsaved).toEqual([]);
    expect(sent.filter((o) => o.kind === 'claim.update')).toHaveLength(1);
  });

  it('names who changed the text a refused edit conflicts with, when it was heard live', async () => {
    const { session, snap, settle } = testSession({
      refuse: (op) =>
        op.kind === 'claim.update' && op.set.text === 'Mine'
          ? { message: 'Changed.', current: { text: 'Theirs' } }
          : null,
    });
    session.receive({
      revision: 1,
      actorId: 'other',
      op: { id: 'o1', kind: 'claim.update', claimId: 'B', set: { note: 'x' }, base: {} } as never,
    });
    session.saveEdit('B', 'text', 'Mine', 'Claim B');
    await settle();
    expect(snap().screen.unsaved[0]).toMatchObject({
      mine: 'Mine',
      theirs: 'Theirs',
      by: 'Someone',
    });
  });

  it('says a refused undo in its own words, with no typed text to keep', async () => {
    const { session, snap, settle } = testSession({
      refuse: (op) => (op.kind === 'claim.update' && op.set.text === 'Claim B' ? 'Changed.' : null),
    });
    session.saveEdit('B', 'text', 'Mine', 'Claim B');
    await settle();
    session.undo();
    await settle();
    expect(snap().screen.announcement).toBe(
      'Not undone: someone else changed that text since, so their version stays.',
    );
    expect(snap().screen.error).toBe(snap().screen.announcement);
    expect(snap().screen.unsaved).toEqual([]);
  });

  it('keeps a dialog open through someone else’s change, and closes it if its claim goes', () => {
    const { session, snap } = testSession();
    session.run('quote', { claimId: 'B' });
    const remote = (revision: number, op: object) =>
      session.sync.receive({
        revision,
        actorId: 'other',
        op: { id: `op${revision}`, ...op } as never,
      });
    remote(1, { kind: 'claim.update', claimId: 'A', set: { text: 'Theirs' }, base: {} });
    expect(byId(snap().claims, 'A')!.text).toBe('Theirs');
    expect(snap().screen.dialog).toEqual({ kind: 'quote', claimId: 'B' });
    remote(2, { kind: 'claim.delete', claimId: 'B', seen: ['B'] });
    expect(snap().screen.dialog).toBeNull();
    expect(snap().screen.announcement).toBe('That claim was deleted, so the dialog closed.');
  });

  it('marks a claim someone else changed for a few seconds, not one this person changed', () => {
    const { session, snap, clock } = testSession();
    const op = (id: string, claimId: string) =>
      ({ id, kind: 'claim.update', claimId, set: { text: 'New' }, base: {} }) as never;
    session.receive({ revision: 1, actorId: 'someone-else', op: op('o1', 'A') });
    session.receive({ revision: 2, actorId: 'u1', op: op('o2', 'B') });
    expect(snap().screen.touched).toEqual({ A: 'Someone' });
    clock.advance(TOUCHED_MS);
    expect(snap().screen.touched).toEqual({});
  });

  it('gives React the same snapshot until something changes', () => {
    const { session } = testSession();
    const first = session.getSnapshot();
    expect(session.getSnapshot()).toBe(first);
    session.select('A');
    expect(session.getSnapshot()).not.toBe(first);
    expect(session.getSnapshot().links).toBe(first.links);
  });
});
