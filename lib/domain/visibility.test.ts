import { describe, expect, it } from 'vitest';
import type { MapChange } from '../schemas/live';
import type { Role } from './capabilities';
import type { HistoryEntry } from './history';
import {
  lensFor,
  seeAuthors,
  seeChange,
  seeHistoryEntry,
  seePresence,
  seeVote,
  visibility,
  type Lens,
} from './visibility';

const link = (o: { includeNotes: boolean; showName: boolean }): Lens =>
  lensFor({ kind: 'link', notes: o.includeNotes, ownerName: o.showName });
const redactChange = (change: MapChange, o: { includeNotes: boolean; showName: boolean }) =>
  seeChange(change, link(o));
const hidden = { includeNotes: false, showName: false };
const member = (role: Role, notes = false) => ({
  kind: 'member' as const,
  role,
  notes,
  anonymous: false,
});

describe('a change as a view link sees it', () => {
  it('drops a note unless the owner shows notes, and keeps the rest of the edit', () => {
    const change: MapChange = {
      revision: 4,
      actorId: 'u1',
      op: {
        id: 'o1',
        kind: 'claim.update',
        claimId: 'c1',
        set: { text: 'New', note: 'private plan' },
        base: { note: 'old' },
      },
    };
    const out = redactChange(change, hidden);
    expect(JSON.stringify(out)).not.toContain('private plan');
    expect(out).toMatchObject({ revision: 4, actorId: '', op: { set: { text: 'New' } } });
    expect(JSON.stringify(redactChange(change, { ...hidden, includeNotes: true }))).toContain(
      'private plan',
    );
  });

  it('keeps the revision of a comment but not its words or its author', () => {
    const change: MapChange = {
      revision: 9,
      actorId: 'u2',
      op: {
        id: 'o2',
        kind: 'comment.add',
        commentId: 'k1',
        claimId: 'c1',
        parentId: null,
        body: 'our weak spot',
      },
      data: { authorName: 'Ana' },
    };
    const out = redactChange(change, { includeNotes: true, showName: true });
    expect(out.revision).toBe(9);
    expect(JSON.stringify(out)).not.toMatch(/weak spot|Ana|u2/);
  });

  it('blanks the notes and drops the comments of a restored batch', () => {
    const change: MapChange = {
      revision: 12,
      actorId: 'u1',
      op: { id: 'o3', kind: 'claim.restore', deletionId: 'd1' },
      data: {
        claims: [{ id: 'c1', text: 'Back', note: 'how we beat them', stance: 'pro' }],
        anchors: [],
        links: [],
        comments: [{ id: 'k1', body: 'weak spot', authorName: 'Ana' }],
      },
    };
    const out = JSON.stringify(redactChange(change, hidden));
    expect(out).toContain('Back');
    expect(out).not.toMatch(/how we beat them|weak spot|Ana/);
    expect(JSON.stringify(redactChange(change, { ...hidden, includeNotes: true }))).toContain(
      'how we beat them',
    );
  });
});

describe('what each kind of reader may see', () => {
  it('is decided by one table', () => {
    const table = {
      owner: visibility(member('owner')),
      editor: visibility(member('editor')),
      commenter: visibility(member('commenter')),
      'viewer, notes off': visibility(member('viewer')),
      'viewer, notes on': visibility(member('viewer', true)),
      'class teacher': visibility(member('owner')),
      'student, anonymous': visibility({
        kind: 'member',
        role: 'editor',
        notes: false,
        anonymous: true,
      }),
      'view link': visibility({ kind: 'link', notes: false, ownerName: false }),
      'view link, notes and name': visibility({ kind: 'link', notes: true, ownerName: true }),
    };
    const row = (v: (typeof table)['owner']) =>
      [v.notes, v.ownerName, v.comments, v.people, v.log, v.presence, v.suggestions, v.marks].join(
        ' ',
      );
    expect(Object.fromEntries(Object.entries(table).map(([k, v]) => [k, row(v)]))).toEqual({
      owner: 'true true true real true true all true',
      editor: 'true true true real true true all true',
      commenter: 'true true true real true true own false',
      'viewer, notes off': 'false true true real true true own false',
      'viewer, notes on': 'true true true real true true own false',
      'class teacher': 'true true true real true true all true',
      'student, anonymous': 'true true true pseudonymous true true all true',
      'view link': 'false false false hidden false false none false',
      'view link, notes and name': 'true true false hidden false false none false',
    });
  });

  const anonymous = lensFor(
    { kind: 'member', role: 'editor', notes: true, anonymous: true },
    (id, name) => ({ id: id && `p-${id.length}`, name: name && `Owl ${name.length}` }),
  );

  it('shows an anonymous student every person under the pseudonymous id and name only', () => {
    const change: MapChange = {
      revision: 3,
      actorId: 'account-1',
      op: {
        id: 'o',
        kind: 'comment.add',
        commentId: 'k',
        claimId: 'c',
        parentId: null,
        body: 'Hi',
      },
      data: { id: 'k', authorId: 'account-1', authorName: 'Ana Real', body: 'Hi' },
    };
    const out = JSON.stringify(seeChange(change, anonymous));
    expect(out).not.toMatch(/account-1|Ana Real/);
    expect(out).toContain('Hi');
    const entry = {
      tabId: 't',
      userId: 'account-1',
      name: 'Ana Real',
      claimId: null,
      editing: false,
    };
    expect(JSON.stringify(seePresence(entry, anonymous))).not.toMatch(/account-1|Ana Real/);
    expect(seePresence(entry, link(hidden))).toBeNull();
  });

  it('gives history to members only, without notes for a viewer who was not shown them', () => {
    const entry: HistoryEntry = {
      revision: 2,
      actorId: 'account-1',
      actorName: 'Ana Real',
      createdAt: '2026-01-01T00:00:00.000Z',
      op: { id: 'o', kind: 'claim.update', claimId: 'c', set: { note: 'secret plan' }, base: {} },
      before: { fields: { note: 'earlier plan' } },
    };
    expect(seeHistoryEntry(entry, link(hidden))).toBeNull();
    const viewer = JSON.stringify(seeHistoryEntry(entry, lensFor(member('viewer'))));
    expect(viewer).not.toMatch(/secret plan|earlier plan/);
    expect(viewer).toContain('Ana Real');
    expect(JSON.stringify(seeHistoryEntry(entry, lensFor(member('viewer', true))))).toMatch(
      /secret plan.*earlier plan/,
    );
    expect(JSON.stringify(seeHistoryEntry(entry, anonymous))).not.toMatch(/account-1|Ana Real/);
  });
});

describe('who wrote each claim, as each reader sees it', () => {
  const authors = {
    byClaim: { c1: 'ana', c2: 'ben', c3: 'tea' },
    names: { ana: 'Ana Real', ben: 'Ben Real', tea: 'Ms Rivera' },
  };
  it('gives members real names, anonymous students pseudonyms, and view links nothing', () => {
    expect(seeAuthors(authors, lensFor(member('editor')))).toBe(authors);
    const pseudonym = (id: string, name: string) =>
      id === 'ana'
        ? { id: 'anon-ana', name }
        : { id: `anon-${id}`, name: id === 'tea' ? 'Teacher' : 'Blue Heron' };
    const anonymous = lensFor({ ...member('editor'), anonymous: true }, pseudonym);
    expect(seeAuthors(authors, anonymous)).toEqual({
      byClaim: { c1: 'anon-ana', c2: 'anon-ben', c3: 'anon-tea' },
      names: { 'anon-ana': 'Ana Real', 'anon-ben': 'Blue Heron', 'anon-tea': 'Teacher' },
    });
    for (const showName of [false, true]) {
      const out = seeAuthors(authors, link({ includeNotes: true, showName }));
      expect(out).toBeUndefined();
    }
  });
});

describe('a vote as each reader receives it live', () => {
  const vote = {
    type: 'vote' as const,
    claimId: 'c1',
    tally: { average: 2.5, count: 2 },
    voterId: 'u-voter',
    impact: 4,
  };
  const anonymous = lensFor(
    { kind: 'member', role: 'editor', notes: true, anonymous: true },
    (id, name) => ({ id: `anon-${id}`, name }),
  );

  it('is the new tally for every member, the rating too for the voter, and never who voted', () => {
    const teacher = lensFor(member('owner', true));
    expect(seeVote(vote, teacher, 'u-teacher')).toEqual({ claimId: 'c1', tally: vote.tally });
    expect(seeVote(vote, anonymous, 'u-other')).toEqual({ claimId: 'c1', tally: vote.tally });
    expect(seeVote(vote, anonymous, 'u-voter')).toEqual({
      claimId: 'c1',
      tally: vote.tally,
      mine: 4,
    });
    expect(seeVote({ ...vote, impact: null }, teacher, 'u-voter')).toMatchObject({ mine: null });
    expect(JSON.stringify(seeVote(vote, anonymous, 'u-other'))).not.toContain('voter');
  });

  it('is nothing for a view link, which shows no votes', () => {
    expect(seeVote(vote, link({ includeNotes: true, showName: true }), null)).toBeNull();
  });
});
