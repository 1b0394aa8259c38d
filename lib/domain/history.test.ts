import { describe, expect, it } from 'vitest';
import { applyOp, type MapState } from './apply-op';
import { liveLinks } from './cross-links';
import {
  describeEntry,
  groupEntries,
  restoreOps,
  stateAt,
  type HistoryEntry,
  type RestoreScope,
} from './history';
import { beforeOf } from './undo';
import type { ClaimView } from './views';
import { claim, env, sampleMap, uuid } from '@/tests/support/maps/sample-map';
import { opSchema, type Op, type OpDraft } from '../schemas/ops';

const counter = (from: number) => () => uuid(++from);
const N = uuid(2);
const [D1, D2] = [uuid(20), uuid(21)];

/** Thesis t1: A (reply A1, which quotes the article), B; thesis t2: C. A links to C. */
const start = (): MapState => sampleMap();

const drafts: OpDraft[] = [
  {
    kind: 'claim.add',
    claimId: N,
    thesisId: 't1',
    parentId: 'B',
    stance: 'con',
    text: 'New',
    order: 'a0',
  },
  {
    kind: 'claim.update',
    claimId: 'A',
    set: { text: 'Sanctions are working, the officials say, and say again' },
    base: {},
  },
  { kind: 'claim.move', claimId: 'B', thesisId: 't1', parentId: 'A', order: 'a1' },
  {
    kind: 'anchor.add',
    anchorId: uuid(51),
    claimId: 'B',
    sourceId: 's1',
    exact: 'Trade grows',
    prefix: '',
    suffix: '',
  },
  { kind: 'link.add', linkId: uuid(61), fromClaimId: 'C', target: { claimId: 'A' }, stance: 'pro' },
  { kind: 'claim.delete', claimId: 'A', seen: ['A', 'A1', 'B', N] },
  { kind: 'claim.restore', deletionId: D1 },
  { kind: 'claim.update', claimId: 'A1', set: { strength: 4 }, base: {} },
  { kind: 'anchor.remove', anchorId: uuid(50) },
  { kind: 'link.remove', linkId: uuid(60) },
  { kind: 'claim.delete', claimId: 'B', seen: ['B', N] },
  { kind: 'claim.move', claimId: 'A1', thesisId: 't1', parentId: null, order: 'a2' },
];
/** Op ids: the deletes are D1 and D2 (the restore names D1). */
const opIds = drafts.map((d, i) => (i === 5 ? D1 : i === 10 ? D2 : uuid(100 + i)));

/** Runs the ops as the server would log them; states[r] is the map right after revision r. */
function run(initial: MapState, ops: Op[]) {
  const states = [initial];
  const entries: HistoryEntry[] = ops.map((op, i) => {
    const before = beforeOf(states[i]!, op);
    states.push(applyOp(states[i]!, op, env));
    const createdAt = new Date(Date.UTC(2025, 0, 1, 12, i)).toISOString();
    return { revision: i + 1, actorId: 'u1', actorName: 'Ada', createdAt, op, before };
  });
  return { states, entries, final: states.at(-1)! };
}
const history = () =>
  run(
    start(),
    drafts.map((d, i) => ({ ...d, id: opIds[i] }) as Op),
  );

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const withoutVersion = (claims: ClaimView[]) =>
  claims.map((c) => ({ ...c, version: 0 })).sort(byId);
/** Everything a state holds, exactly, except versions (they only count writes). */
const exact = (s: MapState) => ({
  claims: withoutVersion(s.claims),
  anchors: [...s.anchors].sort(byId),
  links: [...s.links].sort(byId),
  trash: Object.fromEntries(
    Object.entries(s.trash)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, withoutVersion(v.claims)]),
  ),
});
/** What a person sees: live claims, their quotes and links (whatever the ids). */
const visible = (s: MapState) => {
  const alive = new Set(s.claims.map((c) => c.id));
  return {
    claims: withoutVersion(s.claims),
    quotes: s.anchors.filter((a) => alive.has(a.claimId)).map((a) => `${a.claimId} ${a.exact}`),
    links: liveLinks(s.claims, s.links).map(
      (l) => `${l.fromClaimId} ${l.toClaimId ?? l.toThesisId} ${l.stance}`,
    ),
  };
};
const sortedVisible = (s: MapState) => {
  const v = visible(s);
  return { ...v, quotes: v.quotes.sort(), links: v.links.sort() };
};

/** Plans and applies a restore the way the editor would: ops validated, then applied in order. */
function restore(current: MapState, past: MapState, scope: RestoreScope = { kind: 'map' }) {
  const ids = counter(500);
  const ops = restoreOps(current, past, scope, ids).map(
    (d) => opSchema.parse({ ...d, id: ids() }) as Op,
  );
  return { ops, state: ops.reduce((s, op) => applyOp(s, op, env), current) };
}

describe('stateAt', () => {
  it('gives back the map as it was after every revision, walking the log backwards', () => {
    const { states, entries, final } = history();
    for (let r = 0; r <= entries.length; r++) {
      expect(exact(stateAt(final, entries, r, env)), `revision ${r}`).toEqual(exact(states[r]!));
    }
  });

  it('undoes only the entries it is given, in revision order whatever the order given', () => {
    const { states, entries, final } = history();
    const recent = entries.slice(8).reverse();
    expect(exact(stateAt(final, recent, 9, env))).toEqual(exact(states[9]!));
    expect(exact(stateAt(final, recent, 0, env))).toEqual(exact(states[8]!));
  });

  it('keeps what the walk does not know (comments) and steps over ops it cannot undo', () => {
    const { states, entries, final } = history();
    const comment = {
      id: 'c1',
      claimId: 'A',
      parentId: null,
      authorId: 'u1',
      authorName: 'Ada',
      body: 'Source?',
      createdAt: '2025-01-01T13:00:00.000Z',
      editedAt: null,
      resolvedAt: null,
    };
    const now = { ...final, comments: [comment] };
    const commented: HistoryEntry = {
      ...entries.at(-1)!,
      revision: entries.length + 1,
      op: {
        id: uuid(99),
        kind: 'comment.add',
        commentId: uuid(98),
        claimId: 'A',
        parentId: null,
        body: 'Source?',
      } as Op,
      before: null,
    };
    const past = stateAt(now, [...entries, commented], 3, env);
    expect(exact(past)).toEqual(exact(states[3]!));
    expect(past.comments).toEqual([comment]);
  });
});

describe('restoreOps', () => {
  it('makes the map look as it did at any earlier revision', () => {
    const { states, final } = history();
    for (let r = 0; r < states.length; r++) {
      const past = states[r]!;
      const first = restore(final, past);
      expect(withoutVersion(first.state.claims), `claims at ${r}`).toEqual(
        withoutVersion(past.claims),
      );
      // Restored claims bring their quotes back as deleted; a second plan settles the rest.
      const second = restore(first.state, past);
      expect(sortedVisible(second.state), `revision ${r}`).toEqual(sortedVisible(past));
      expect(restore(second.state, past).ops).toEqual([]);
    }
  });

  it('restores before it moves or edits, and deletes last', () => {
    const { states, final } = history();
    const kinds = restore(final, states[0]!).ops.map((op) => op.kind);
    expect(kinds[0]).toBe('claim.restore');
    expect(kinds.at(-1)).toBe('claim.delete');
    expect(kinds.lastIndexOf('claim.restore')).toBeLessThan(kinds.indexOf('claim.move'));
  });

  it('with the claim scope, changes only that claim and leaves the rest as it is now', () => {
    const { states, final } = history();
    const { ops, state } = restore(final, states[0]!, { kind: 'claim', claimId: 'A' });
    expect(ops.map((op) => op.kind).sort()).toEqual(['claim.update', 'link.add']);
    for (const op of ops)
      expect(op).toMatchObject(op.kind === 'link.add' ? { fromClaimId: 'A' } : { claimId: 'A' });
    const others = (s: MapState) => withoutVersion(s.claims.filter((c) => c.id !== 'A'));
    expect(others(state)).toEqual(others(final));
    const a = (s: MapState) => withoutVersion(s.claims.filter((c) => c.id === 'A'));
    expect(a(state)).toEqual(a(states[0]!));
  });

  it('with the subtree scope, restores the claim and its replies only', () => {
    const { states, final } = history();
    const { state } = restore(final, states[0]!, { kind: 'subtree', claimId: 'A' });
    const place = (s: MapState, id: string) => s.claims.find((c) => c.id === id);
    expect(place(state, 'A1')).toMatchObject({ parentId: 'A', strength: null });
    expect(place(state, 'B')).toBeUndefined();
    expect(visible(state).quotes).toContain('A1 Sanctions bite');
    expect(place(state, 'C')).toEqual(place(final, 'C'));
  });

  it('edits with the current text as base, so a change made meanwhile is a conflict', () => {
    const { states, final } = history();
    const edit = restore(final, states[0]!).ops.find(
      (op) => op.kind === 'claim.update' && op.claimId === 'A',
    );
    expect(edit).toMatchObject({
      set: { text: 'Claim A' },
      base: { text: 'Sanctions are working, the officials say, and say again' },
    });
  });

  it('moves a parent out before moving its old parent under it (a swap)', () => {
    const past: MapState = { ...start(), claims: [claim('P', 't1', null), claim('Q', 't1', 'P')] };
    const current: MapState = { ...past, claims: [claim('Q', 't1', null), claim('P', 't1', 'Q')] };
    const { ops, state } = restore(current, past);
    expect(ops.map((op) => op.kind === 'claim.move' && op.claimId)).toEqual(['P', 'Q']);
    expect(withoutVersion(state.claims)).toEqual(withoutVersion(past.claims));
  });

  it('restores a batch after the batch holding its parent, even for one claim', () => {
    const past: MapState = {
      ...start(),
      claims: [claim('P', 't1', null), claim('Q', 't1', 'P'), claim('R', 't1', 'Q')],
    };
    const deleteOp = (id: string, claimId: string, seen: string[]): Op =>
      ({ id, kind: 'claim.delete', claimId, seen }) as Op;
    const current = [deleteOp(D1, 'Q', ['Q', 'R']), deleteOp(D2, 'P', ['P'])].reduce(
      (s, op) => applyOp(s, op, env),
      past,
    );
    const { ops, state } = restore(current, past, { kind: 'claim', claimId: 'R' });
    expect(ops).toMatchObject([{ deletionId: D2 }, { deletionId: D1 }]);
    expect(withoutVersion(state.claims)).toEqual(withoutVersion(past.claims));
  });

  it('deletes only the topmost new claims, each with the replies it has now', () => {
    const past = start();
    const current = {
      ...past,
      claims: [claim('Y', 't2', 'X'), ...past.claims, claim('X', 't2', null, 'a5')],
    };
    expect(restore(current, past).ops).toEqual([
      expect.objectContaining({ kind: 'claim.delete', claimId: 'X', seen: ['X', 'Y'] }),
    ]);
  });
});

describe('groupEntries', () => {
  const entry = (revision: number, actorId: string, minute: number, draft: OpDraft) =>
    ({
      revision,
      actorId,
      actorName: actorId === 'u1' ? 'Ada' : 'Ben',
      createdAt: new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString(),
      op: { ...draft, id: uuid(revision) },
      before: null,
    }) as HistoryEntry;
  const add = (id: string) => ({ ...drafts[0]!, claimId: id }) as OpDraft;
  const edit = (id: string, set: object): OpDraft =>
    ({ kind: 'claim.update', claimId: id, set, base: {} }) as OpDraft;

  it('groups one person’s changes less than ten minutes apart, newest first', () => {
    const groups = groupEntries([
      entry(1, 'u1', 0, add('a')),
      entry(2, 'u1', 9, add('b')),
      entry(3, 'u1', 18, add('c')),
      entry(4, 'u2', 19, add('d')),
      entry(5, 'u1', 20, add('e')),
      entry(6, 'u1', 45, add('f')),
    ]);
    expect(groups.map((g) => [g.actorId, g.firstRevision, g.lastRevision])).toEqual([
      ['u1', 6, 6],
      ['u1', 5, 5],
      ['u2', 4, 4],
      ['u1', 1, 3],
    ]);
    expect(groups[3]).toMatchObject({
      from: '2025-01-01T12:00:00.000Z',
      to: '2025-01-01T12:18:00.000Z',
    });
    expect(groups[3]!.entries.map((e) => e.revision)).toEqual([3, 2, 1]);
  });

  it('summarises a group by what was done to how many things', () => {
    const [group] = groupEntries([
      entry(1, 'u1', 0, add('a')),
      entry(2, 'u1', 1, add('b')),
      entry(3, 'u1', 2, edit('a', { text: 'x' })),
      entry(4, 'u1', 3, edit('a', { text: 'xy' })),
      entry(5, 'u1', 4, edit('b', { note: 'n', strength: 2 })),
      entry(6, 'u1', 5, edit('b', { strength: 4 })),
      entry(7, 'u1', 6, { kind: 'claim.delete', claimId: 'a', seen: ['a'] }),
      entry(8, 'u1', 7, drafts[3]!),
      entry(9, 'u1', 8, { kind: 'link.remove', linkId: uuid(60) }),
    ]);
    expect(group!.summary).toBe(
      'Added 2 claims, edited 2, rated 1, deleted 1, added 1 quote, removed 1 link',
    );
  });
});

describe('describeEntry', () => {
  it('names the claim by its text, shortened, and says what changed', () => {
    const { entries, states } = history();
    const claims = new Map(states[0]!.claims.map((c) => [c.id, c]));
    claims.set('A', {
      ...claims.get('A')!,
      text: 'Sanctions are working, the officials say, and say again and again',
    });
    expect(describeEntry(entries[1]!, claims)).toBe(
      'Edited “Sanctions are working, the officials say, and say again and…” (text)',
    );
    expect(describeEntry(entries[7]!, claims)).toBe('Rated “Claim A1” 4 of 5');
    expect(describeEntry(entries[5]!, claims)).toMatch(/^Deleted “Sanctions.*” and 3 replies$/);
    const stance = {
      ...entries[7]!,
      op: { ...entries[7]!.op, set: { stance: 'con' } },
    } as HistoryEntry;
    expect(describeEntry(stance, claims)).toBe('Made “Claim A1” an objection');
    expect(describeEntry(entries[8]!)).toBe('Removed the quote “Sanctions bite” from a claim');
    const accepted = {
      ...entries[0]!,
      op: { ...entries[0]!.op, suggestionId: 's1' },
    } as HistoryEntry;
    expect(describeEntry(entries[0]!)).toBe('Added “New”');
    expect(describeEntry(accepted)).toBe('Accepted a suggestion: “New”');
  });
});
