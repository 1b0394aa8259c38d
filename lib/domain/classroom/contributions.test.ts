import { describe, expect, it } from 'vitest';
import {
  contributionsCsv,
  countWords,
  UNKNOWN_AUTHOR,
  workContributions,
  type ContributionInput,
} from './contributions';

const claim = (
  id: string,
  parentId: string | null,
  stance: 'pro' | 'con',
  authorId: string | null,
  text: string,
  thesisId = 'T1',
) => ({ id, thesisId, parentId, stance, order: id, authorId, text });

/**
 * Ana, Ben and Cai in a team; the teacher (tea) and Dee (moved to another team) did things too.
 * T1: p1 (Ana) ← o1 (Ben, objection) ← r1 (Cai, rebuttal) ← r1p (Ana, pro backing the rebuttal);
 *     p1 ← o2 (Ben, objection); x1 (no author on record).
 */
const base: ContributionInput = {
  members: [
    { userId: 'cai', name: 'Cai' },
    { userId: 'ana', name: 'Ana' },
    { userId: 'ben', name: 'Ben' },
    { userId: 'eve', name: 'Eve' },
  ],
  teacherId: 'tea',
  names: new Map([
    ['tea', 'Ms Rivera'],
    ['dee', 'Dee'],
  ]),
  claims: [
    claim('p1', null, 'pro', 'ana', 'Sport opens doors between rivals.'),
    claim('o1', 'p1', 'con', 'ben', "Games end; enmity doesn't."),
    claim('r1', 'o1', 'con', 'cai', 'Contacts outlast the games'),
    claim('r1p', 'r1', 'pro', 'ana', 'Well-known exchanges 2018'),
    claim('o2', 'p1', 'con', 'ben', 'Propaganda'),
    claim('x1', null, 'pro', null, 'Old claim'),
  ],
  anchors: [
    { id: 'a1', claimId: 'p1' }, // Ana quoted it
    { id: 'a2', claimId: 'p1' }, // Cai quoted Ana's claim
    { id: 'a3', claimId: 'o1' }, // came with a copy: Ben's (the claim's author)
    { id: 'a4', claimId: 'x1' }, // no record at all
    { id: 'a5', claimId: 'gone' }, // on a deleted claim
  ],
  quoteAdds: [
    { anchorId: 'a1', actorId: 'ana', at: '2026-11-01T10:00:00.000Z' },
    { anchorId: 'a2', actorId: 'cai', at: '2026-11-01T10:05:00.000Z' },
    // The same quote id once more, later, by someone else: the first one made it.
    { anchorId: 'a2', actorId: 'dee', at: '2026-11-01T11:00:00.000Z' },
    { anchorId: 'removed', actorId: 'ben', at: '2026-11-01T10:00:00.000Z' },
  ],
  comments: [
    { claimId: 'p1', authorId: 'ben', createdAt: '2026-11-02T09:00:00.000Z' },
    { claimId: 'o1', authorId: 'tea', createdAt: '2026-11-02T08:00:00.000Z' },
    { claimId: 'gone', authorId: 'ana', createdAt: '2026-11-09T00:00:00.000Z' },
  ],
  operations: [
    { actorId: 'ana', kind: 'claim.add', count: 3, lastAt: '2026-11-01T10:00:00.000Z' },
    { actorId: 'ana', kind: 'claim.update', count: 4, lastAt: '2026-11-01T12:00:00.000Z' },
    { actorId: 'ana', kind: 'anchor.add', count: 1, lastAt: '2026-11-01T10:00:00.000Z' },
    { actorId: 'ben', kind: 'claim.move', count: 2, lastAt: '2026-11-01T09:00:00.000Z' },
    { actorId: 'ben', kind: 'link.add', count: 1, lastAt: '2026-11-01T09:30:00.000Z' },
    { actorId: 'ben', kind: 'comment.add', count: 1, lastAt: '2026-11-02T09:00:00.000Z' },
    { actorId: 'cai', kind: 'claim.delete', count: 1, lastAt: '2026-11-03T09:00:00.000Z' },
    { actorId: 'cai', kind: 'claim.restore', count: 1, lastAt: '2026-11-03T09:01:00.000Z' },
    { actorId: 'cai', kind: 'anchor.remove', count: 1, lastAt: '2026-11-03T09:02:00.000Z' },
    { actorId: 'cai', kind: 'comment.resolve', count: 5, lastAt: '2026-11-03T09:03:00.000Z' },
    { actorId: 'dee', kind: 'link.remove', count: 1, lastAt: '2026-10-30T09:00:00.000Z' },
  ],
};

describe('workContributions', () => {
  it('counts claims, quotes, rebuttals, comments, edits, words and last activity per person', () => {
    const rows = workContributions(base);
    expect(rows.map((r) => [r.name, r.kind])).toEqual([
      ['Ana', 'member'],
      ['Ben', 'member'],
      ['Cai', 'member'],
      ['Eve', 'member'],
      ['Ms Rivera', 'teacher'],
      ['Dee', 'other'],
      [UNKNOWN_AUTHOR, 'unknown'],
    ]);
    const by = new Map(rows.map((r) => [r.name, r]));
    expect(by.get('Ana')).toEqual({
      userId: 'ana',
      name: 'Ana',
      kind: 'member',
      claims: 2,
      quotes: 1,
      rebuttals: 0,
      comments: 0,
      edits: 4,
      words: 5 + 3,
      lastActive: '2026-11-01T12:00:00.000Z',
    });
    expect(by.get('Ben')).toMatchObject({
      claims: 2,
      quotes: 1,
      rebuttals: 0,
      comments: 1,
      edits: 3,
      words: 4 + 1,
      lastActive: '2026-11-02T09:00:00.000Z',
    });
    expect(by.get('Cai')).toMatchObject({
      claims: 1,
      quotes: 1,
      rebuttals: 1,
      comments: 0,
      edits: 3,
      words: 4,
      lastActive: '2026-11-03T09:03:00.000Z',
    });
    // A member who has done nothing yet still has a row.
    expect(by.get('Eve')).toMatchObject({ claims: 0, edits: 0, lastActive: null });
    // The teacher's comment counts for the teacher; her activity is her comment.
    expect(by.get('Ms Rivera')).toMatchObject({
      userId: 'tea',
      claims: 0,
      comments: 1,
      lastActive: '2026-11-02T08:00:00.000Z',
    });
    expect(by.get('Dee')).toMatchObject({ quotes: 0, edits: 1 });
    expect(by.get(UNKNOWN_AUTHOR)).toMatchObject({ userId: null, claims: 1, quotes: 1, words: 2 });
  });

  it('adds up to the work’s own totals: every live claim, quote and comment counted once', () => {
    const rows = workContributions(base);
    const sum = (k: 'claims' | 'quotes' | 'comments') => rows.reduce((n, r) => n + r[k], 0);
    expect(sum('claims')).toBe(6);
    expect(sum('quotes')).toBe(4);
    expect(sum('comments')).toBe(2);
  });

  it('is the same for individual and whole-class work: one member, or many', () => {
    const alone = workContributions({
      ...base,
      members: [{ userId: 'ana', name: 'Ana' }],
      names: new Map(),
      claims: [claim('p1', null, 'pro', 'ana', 'One two three')],
      anchors: [],
      quoteAdds: [],
      comments: [],
      operations: [],
    });
    expect(alone).toEqual([
      expect.objectContaining({ name: 'Ana', claims: 1, words: 3, lastActive: null }),
    ]);
    const empty = workContributions({
      ...base,
      members: [],
      claims: [],
      anchors: [],
      comments: [],
      operations: [],
      quoteAdds: [],
    });
    expect(empty).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits, in any script', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  — … ')).toBe(0);
    expect(countWords("Don't stop: well-known talks in 2018, Seoul’s way")).toBe(8);
    expect(countWords('남북 대화는 가능하다')).toBe(3);
    expect(countWords('Crème brûlée\nnaïve')).toBe(3);
  });
});

describe('contributionsCsv', () => {
  it('writes a row per person and work, times through the one formatter', () => {
    const people = workContributions(base);
    const csv = contributionsCsv([{ work: 'Team A', side: 'Talks work', people }]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Student,Work,Side,Role,Claims,Quotes,Rebuttals,Comments,Edits,Words,Last active (UTC)',
    );
    expect(lines[1]).toBe('Ana,Team A,Talks work,member,2,1,0,0,4,8,2026-11-01T12:00:00.000Z');
    expect(lines[4]).toBe('Eve,Team A,Talks work,member,0,0,0,0,0,0,');
    expect(lines[5]).toMatch(/^Ms Rivera,Team A,Talks work,teacher,/);
    expect(lines[7]).toMatch(/^No author on record,Team A,Talks work,,1,1,/);
    const local = contributionsCsv(
      [{ work: '=Team', side: 'x', people: people.slice(0, 1) }],
      (iso) => `at ${iso.slice(11, 16)}`,
      'Last active (Chicago)',
    );
    expect(local.split('\r\n')[0]).toMatch(/,Last active \(Chicago\)$/);
    expect(local.split('\r\n')[1]).toBe("Ana,'=Team,x,member,2,1,0,0,4,8,at 12:00");
  });
});
