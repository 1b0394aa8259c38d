import { describe, expect, it } from 'vitest';
import type { SuggestionView } from '@/lib/domain/suggestions';
import { errorWords } from '@/lib/error-words';
import { memoryOutbox } from '@/lib/sync/memory-outbox';
import {
  fakeTransport,
  FakeStream,
  ManualClock,
  mapView,
  testSession,
  uuid,
} from '@/tests/support/editor-session';
import { EditorSession } from './session';
import type { SuggestionTransport } from './suggestions';

const view = (s: Partial<SuggestionView> & Pick<SuggestionView, 'id'>): SuggestionView => ({
  thesisId: 't1',
  parentId: 'A',
  stance: 'con',
  text: 'Talks never last',
  author: { id: 'u9', name: 'Vic' },
  mine: false,
  status: 'open',
  answer: '',
  decidedAt: null,
  claimId: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...s,
});

/** A server for suggestions, in memory: what it holds, and what it was asked. */
function fakeSuggestions(initial: SuggestionView[] = []) {
  let items = [...initial];
  const calls: string[] = [];
  let refuse: string | null = null;
  const transport: SuggestionTransport = {
    async list() {
      calls.push('list');
      return { ok: true, data: items };
    },
    async suggest(input) {
      calls.push(`suggest ${input.stance} ${input.parentId} ${input.text}`);
      if (refuse) return { ok: false, message: refuse };
      const made = view({ id: `s${items.length + 1}`, ...input, mine: true });
      items = [made, ...items];
      return { ok: true, data: made };
    },
    async decide(input) {
      calls.push(`${input.decision} ${input.suggestionId}`);
      const at = items.find((s) => s.id === input.suggestionId)!;
      const decided: SuggestionView = {
        ...at,
        status: input.decision === 'answer' ? 'answered' : 'declined',
        answer: input.decision === 'answer' ? input.answer : '',
        decidedAt: `2026-12-01T11:00:0${calls.length}.000Z`,
      };
      items = items.map((s) => (s.id === decided.id ? decided : s));
      return { ok: true, data: decided };
    },
  };
  return {
    transport,
    calls,
    refuseWith: (message: string) => void (refuse = message),
    set: (next: SuggestionView[]) => void (items = next),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('suggesting a claim (commenters and viewers)', () => {
  it('sends what was typed in the composer, where it was opened, and lists it as theirs', async () => {
    const server = fakeSuggestions();
    const { session, snap, sent } = testSession({ role: 'viewer', suggestions: server.transport });
    session.start();
    await tick();
    expect(snap().suggestions).toMatchObject({ mode: 'suggest', items: [], loaded: true });

    session.run('suggest', { claimId: 'A' });
    expect(await session.suggestFromComposer('   ', 'con')).toEqual({
      ok: false,
      message: 'Write the claim first: it cannot be empty.',
    });
    expect(await session.suggestFromComposer('  Talks never last  ', 'con')).toEqual({ ok: true });
    expect(server.calls).toContain('suggest con A Talks never last');
    expect(snap().suggestions?.items.map((s) => [s.text, s.status, s.mine])).toEqual([
      ['Talks never last', 'open', true],
    ]);
    expect(snap().screen.announcement).toBe('Suggestion sent to the map’s editors.');
    // Nothing of it went into the map or the outbox: it is not a claim yet.
    expect(sent).toEqual([]);
    expect(snap().claims).toHaveLength(5);
  });

  it('says why the server refused one (the daily limit), and keeps the form', async () => {
    const server = fakeSuggestions();
    server.refuseWith('You have made 30 suggestions to this map in the last 24 hours.');
    const { session, snap } = testSession({ role: 'commenter', suggestions: server.transport });
    session.run('suggest', { thesisId: 't1', claimId: null });
    const result = await session.suggestFromComposer('One more', 'pro');
    expect(result).toEqual({
      ok: false,
      message: 'You have made 30 suggestions to this map in the last 24 hours.',
    });
    expect(snap().screen.composer?.suggest).toBe(true);
  });

  it('is not offered to editors, nor to someone without an account', () => {
    const server = fakeSuggestions();
    expect(testSession({ role: 'editor', suggestions: server.transport }).session.canSuggest).toBe(
      false,
    );
    const link = testSession({ role: null, suggestions: server.transport }).session;
    expect(link.canSuggest).toBe(false);
    expect(link.suggestions).toBeNull();
  });

  it('is not offered in an archived class’s map, where a viewer elsewhere may suggest', () => {
    const server = fakeSuggestions();
    expect(testSession({ role: 'viewer', suggestions: server.transport }).session.canSuggest).toBe(
      true,
    );
    const archived = testSession({ role: 'viewer', archived: true, suggestions: server.transport });
    expect(archived.session.canSuggest).toBe(false);
    expect(archived.session.suggestions).toBeNull();
    expect(archived.session.isEnabled('suggest', { thesisId: 't1', claimId: null })).toBe(false);
  });
});

describe('deciding suggestions (editors and the owner)', () => {
  it('accepts one as a claim.add naming it, at its place, undoable; the list follows', async () => {
    const server = fakeSuggestions([view({ id: 's1' })]);
    const { session, snap, sent, settle } = testSession({ suggestions: server.transport });
    session.start();
    await settle();
    expect(snap().suggestions).toMatchObject({ mode: 'review', open: 1 });

    const result = session.acceptSuggestion('s1');
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : '';
    expect(snap().claims.find((c) => c.id === id)).toMatchObject({
      thesisId: 't1',
      parentId: 'A',
      stance: 'con',
      text: 'Talks never last',
    });
    // Shown as accepted at once; loaded again once the server has answered.
    expect(snap().suggestions?.items[0]).toMatchObject({ status: 'accepted', claimId: id });
    const listsBefore = server.calls.filter((c) => c === 'list').length;
    await settle();
    expect(sent[0]).toMatchObject({ kind: 'claim.add', claimId: id, suggestionId: 's1' });
    expect(server.calls.filter((c) => c === 'list').length).toBe(listsBefore + 1);

    session.undo();
    await settle();
    expect(sent[1]).toMatchObject({ kind: 'claim.delete', claimId: id });
    expect(snap().claims.find((c) => c.id === id)).toBeUndefined();
  });

  it('keeps one whose claim was deleted: says so, and sends nothing', async () => {
    const server = fakeSuggestions([view({ id: 's1', parentId: 'gone' })]);
    const { session, snap, sent, settle } = testSession({ suggestions: server.transport });
    session.start();
    await settle();
    expect(session.acceptSuggestion('s1')).toEqual({
      ok: false,
      message: errorWords('suggestion.parentGone'),
    });
    expect(sent).toEqual([]);
    expect(snap().suggestions?.items[0]?.status).toBe('open');
  });

  it('answers one and declines another; each leaves the open ones', async () => {
    const server = fakeSuggestions([view({ id: 's1' }), view({ id: 's2', stance: 'pro' })]);
    const { session, snap, settle } = testSession({ suggestions: server.transport });
    session.start();
    await settle();
    await session.suggestions!.decide('s1', { decision: 'answer', answer: 'Already covered.' });
    await session.suggestions!.decide('s2', { decision: 'decline' });
    expect(snap().suggestions?.open).toBe(0);
    // The latest decided first.
    expect(snap().suggestions?.items.map((s) => [s.id, s.status, s.answer])).toEqual([
      ['s2', 'declined', ''],
      ['s1', 'answered', 'Already covered.'],
    ]);
    expect(session.acceptSuggestion('s1')).toMatchObject({ ok: false });
  });

  it('loads the list again when the map’s stream says suggestions changed', async () => {
    const server = fakeSuggestions();
    const streams: FakeStream[] = [];
    const session = new EditorSession(
      mapView(),
      { me: { id: 'u1', name: 'Ada' }, role: 'owner' },
      {
        transport: fakeTransport().transport,
        store: memoryOutbox(),
        clock: new ManualClock(),
        newId: uuid,
        suggestions: server.transport,
        live: {
          tabId: 'tab',
          open: (url) => {
            const s = new FakeStream(url);
            streams.push(s);
            return s;
          },
          postPresence: () => {},
        },
      },
    );
    session.start();
    await tick();
    expect(session.getSnapshot().suggestions?.open).toBe(0);
    server.set([view({ id: 's7' })]);
    streams[0]!.emit('suggestions', {});
    await tick();
    expect(session.getSnapshot().suggestions?.open).toBe(1);
  });
});
