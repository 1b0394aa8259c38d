import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../argument-tree';
import {
  dashboardCsv,
  formatGrade,
  formatShare,
  sortRows,
  workStats,
  type DashboardRow,
  type StatsInput,
} from './dashboard-stats';
import { DEFAULT_RUBRIC } from './rubric';

const theses = [
  { id: 'T1', position: 1, label: 'Talks work' },
  { id: 'T2', position: 2, label: 'Pressure works' },
];

const node = (
  id: string,
  thesisId: string,
  parentId: string | null,
  stance: 'pro' | 'con',
): TreeNode => ({ id, thesisId, parentId, stance, order: id });

/**
 * T1: p1 (pro) ← o1 (con: objection) ← r1 (con: rebuttal, argues for T1) ← o2 (con: objection
 *     again, unanswered); p1 ← o3 (con: objection, unanswered); o1 ← s1 (pro backing o1: a con).
 * T2: q1 (pro), attacked by nothing; q1 attacks p1 by a con cross-link (an objection to T1's case,
 *     unanswered).
 */
const claims = [
  node('p1', 'T1', null, 'pro'),
  node('o1', 'T1', 'p1', 'con'),
  node('r1', 'T1', 'o1', 'con'),
  node('o2', 'T1', 'r1', 'con'),
  node('o3', 'T1', 'p1', 'con'),
  node('s1', 'T1', 'o1', 'pro'),
  node('q1', 'T2', null, 'pro'),
];

const base: StatsInput = {
  theses,
  claims,
  links: [{ id: 'L1', fromClaimId: 'q1', toClaimId: 'p1', toThesisId: null, stance: 'con' }],
  anchors: [{ claimId: 'p1' }, { claimId: 'p1' }, { claimId: 'q1' }, { claimId: 'deleted-claim' }],
  comments: [
    { claimId: 'p1', createdAt: '2026-11-01T10:00:00.000Z' },
    { claimId: 'o1', createdAt: '2026-11-01T12:00:00.000Z' },
    { claimId: 'deleted-claim', createdAt: '2026-11-09T00:00:00.000Z' },
  ],
  lastOperationAt: new Date('2026-11-01T11:00:00.000Z'),
  grade: { scores: { evidence: 3, rebuttals: 9, clarity: 2, other: 5 }, releasedAt: null },
  rubric: DEFAULT_RUBRIC,
};

describe('workStats', () => {
  it('counts claims, polarity per thesis, evidence, gaps, comments, activity and grade', () => {
    const s = workStats(base);
    expect(s.claims).toBe(7);
    // T1: for = p1, r1 (a con answering a con); against = o1, o2, o3, s1.
    expect(s.perThesis.T1).toEqual({ pros: 2, cons: 4 });
    expect(s.perThesis.T2).toEqual({ pros: 1, cons: 0 });
    expect(s.anchored).toBe(2);
    expect(s.anchoredShare).toBeCloseTo(2 / 7);
    // o2, o3 and the cross-link attack by q1; o1 has its rebuttal r1.
    expect(s.unrebutted).toBe(3);
    expect(s.comments).toBe(2);
    expect(s.lastActivity).toBe('2026-11-01T12:00:00.000Z');
    // 3 + 4 (clamped) + 2 of 12; unknown criteria ignored.
    expect(s.grade).toEqual({ earned: 9, possible: 12 });
    expect(s.released).toBe(false);
  });

  it('an empty map has no share, no activity and no grade', () => {
    const s = workStats({
      ...base,
      claims: [],
      links: [],
      anchors: [],
      comments: [],
      lastOperationAt: null,
      grade: null,
    });
    expect(s).toMatchObject({
      claims: 0,
      anchored: 0,
      anchoredShare: null,
      unrebutted: 0,
      comments: 0,
      lastActivity: null,
      grade: null,
      released: false,
    });
    expect(s.perThesis).toEqual({ T1: { pros: 0, cons: 0 }, T2: { pros: 0, cons: 0 } });
  });

  it('ignores links with a deleted end and marks released grades', () => {
    const s = workStats({
      ...base,
      claims: claims.filter((c) => c.id !== 'q1'),
      grade: { scores: {}, releasedAt: '2026-11-02T00:00:00.000Z' },
    });
    expect(s.unrebutted).toBe(2);
    expect(s.grade).toEqual({ earned: 0, possible: 12 });
    expect(s.released).toBe(true);
  });
});

const row = (name: string, over: Partial<DashboardRow> = {}): DashboardRow => ({
  workId: name,
  mapId: `m-${name}`,
  name,
  members: [name],
  side: 'first',
  sideLabels: ['Talks work'],
  claims: 0,
  perThesis: { T1: { pros: 0, cons: 0 }, T2: { pros: 0, cons: 0 } },
  anchored: 0,
  anchoredShare: null,
  unrebutted: 0,
  comments: 0,
  openMarks: 0,
  lastActivity: null,
  grade: null,
  released: false,
  ...over,
});

describe('sortRows', () => {
  const rows = [
    row('bea', { claims: 3, grade: { earned: 5, possible: 10 } }),
    row('Ada', { claims: 3, lastActivity: '2026-11-01T10:00:00Z' }),
    row('cy', {
      claims: 9,
      grade: { earned: 9, possible: 10 },
      perThesis: { T1: { pros: 4, cons: 1 }, T2: { pros: 0, cons: 0 } },
      lastActivity: '2026-11-02T10:00:00Z',
    }),
    row('Dee', { claims: 1, anchoredShare: 0.5, openMarks: 2 }),
  ];
  const names = (r: DashboardRow[]) => r.map((x) => x.name);

  it('sorts by name, case-insensitively, both ways', () => {
    expect(names(sortRows(rows, 'name', 'asc'))).toEqual(['Ada', 'bea', 'cy', 'Dee']);
    expect(names(sortRows(rows, 'name', 'desc'))).toEqual(['Dee', 'cy', 'bea', 'Ada']);
  });

  it('breaks ties by name (A→Z either way) and does not change its input', () => {
    const copy = [...rows];
    expect(names(sortRows(rows, 'claims', 'desc'))).toEqual(['cy', 'Ada', 'bea', 'Dee']);
    expect(names(sortRows(rows, 'claims', 'asc'))).toEqual(['Dee', 'Ada', 'bea', 'cy']);
    expect(rows).toEqual(copy);
  });

  it('puts rows with nothing in the column last, whichever the direction', () => {
    expect(names(sortRows(rows, 'grade', 'asc'))).toEqual(['bea', 'cy', 'Ada', 'Dee']);
    expect(names(sortRows(rows, 'grade', 'desc'))).toEqual(['cy', 'bea', 'Ada', 'Dee']);
    expect(names(sortRows(rows, 'lastActivity', 'desc'))).toEqual(['cy', 'Ada', 'bea', 'Dee']);
    expect(names(sortRows(rows, 'anchored', 'asc'))).toEqual(['Dee', 'Ada', 'bea', 'cy']);
  });

  it('sorts by a thesis column', () => {
    expect(names(sortRows(rows, 'pros:T1', 'desc'))).toEqual(['cy', 'Ada', 'bea', 'Dee']);
  });

  it('sorts by open marks, the most first', () => {
    expect(names(sortRows(rows, 'openMarks', 'desc'))).toEqual(['Dee', 'Ada', 'bea', 'cy']);
  });
});

describe('formatting and CSV', () => {
  it('formats share and grade', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatGrade(null)).toBe('—');
    expect(formatGrade({ earned: 7, possible: 12 })).toBe('7/12');
  });

  it('writes one line per row with thesis columns, quoting and neutralising formulas', () => {
    const csv = dashboardCsv(
      [
        row('=HYPERLINK("x")', {
          members: ['Ann, "A"', '@bob'],
          claims: 4,
          perThesis: { T1: { pros: 3, cons: 1 }, T2: { pros: 0, cons: 0 } },
          anchored: 1,
          anchoredShare: 0.25,
          unrebutted: 1,
          comments: 2,
          lastActivity: '2026-11-01T10:00:00.000Z',
          grade: { earned: 7, possible: 12 },
          released: true,
        }),
        row('-Team'),
      ],
      [theses[1]!, theses[0]!],
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Name,Students,Side,Claims,Pros: Talks work,Cons: Talks work,Pros: Pressure works,' +
        'Cons: Pressure works,Claims with evidence,Share with evidence (%),' +
        'Objections without rebuttal,Comments,Last activity (UTC),Points earned,Points possible,Released',
    );
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""x"")","Ann, ""A""; @bob",Talks work,4,3,1,0,0,1,25,1,2,2026-11-01 10:00,7,12,yes`,
    );
    expect(lines[2]).toBe(`'-Team,'-Team,Talks work,0,0,0,0,0,0,,0,0,,,,no`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
