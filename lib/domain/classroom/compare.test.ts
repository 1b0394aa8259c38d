import { describe, expect, it } from 'vitest';
import {
  contentWords,
  crossLinks,
  meetings,
  passageOverlap,
  textsMeet,
  thesisOutline,
  unansweredObjections,
  type CompareAnchor,
  type CompareClaim,
  type CompareMap,
} from './compare';

const c = (
  id: string,
  thesisId: string,
  parentId: string | null,
  stance: 'pro' | 'con',
  text: string,
): CompareClaim => ({ id, thesisId, parentId, stance, order: id, text });

const anchor = (claimId: string, block: number, start: number, end: number): CompareAnchor => ({
  claimId,
  sourceId: 'S1',
  block,
  start,
  end,
  exact: 'abcdefghijklmnopqrstuvwxyz'.slice(start, end),
});

const theses = [
  { id: 'T1', position: 1 },
  { id: 'T2', position: 2 },
];

describe('text closeness', () => {
  it('normalises case, accents, plurals and common words', () => {
    expect([...contentWords('The Sanctions are CRUCIAL for talks, café!')]).toEqual([
      'sanction',
      'crucial',
      'talk',
      'cafe',
    ]);
  });

  it('needs two shared words and a Dice coefficient of one half', () => {
    expect(textsMeet('Sanctions starve the regime', 'The regime is starved by sanctions')).toBe(
      true, // shares "sanction" and "regime" of three words each: 2·2 / 6
    );
    expect(textsMeet('Sanctions hurt the regime', 'Sanctions against the regime hurt')).toBe(true);
    expect(textsMeet('Sanctions', 'Sanctions work')).toBe(false);
    expect(
      textsMeet(
        'Sport opens doors',
        'Sport and doors: diplomacy, cultural exchanges, summits, shipments rarely change regimes',
      ),
    ).toBe(false);
  });
});

describe('passageOverlap', () => {
  it('cuts the shared text out of overlapping ranges in the same paragraph', () => {
    expect(passageOverlap(anchor('a', 2, 0, 10), anchor('b', 2, 5, 20))).toEqual({
      sourceId: 'S1',
      block: 2,
      start: 5,
      end: 10,
      text: 'fghij',
    });
  });
  it('touching ranges, other paragraphs and other sources do not meet', () => {
    expect(passageOverlap(anchor('a', 2, 0, 5), anchor('b', 2, 5, 9))).toBeNull();
    expect(passageOverlap(anchor('a', 2, 0, 5), anchor('b', 3, 0, 5))).toBeNull();
    expect(
      passageOverlap(anchor('a', 2, 0, 5), { ...anchor('b', 2, 0, 5), sourceId: 'S2' }),
    ).toBeNull();
  });
});

describe('meetings', () => {
  const mapA: CompareMap = {
    claims: [
      c('a1', 'T1', null, 'pro', 'Sport opens doors between the Koreas'),
      c('a2', 'T1', null, 'pro', 'Sanctions hurt the regime'),
      c('a3', 'T1', null, 'pro', 'Unrelated'),
    ],
    links: [],
    anchors: [anchor('a1', 1, 0, 10), anchor('a3', 4, 0, 3), anchor('gone', 1, 0, 20)],
  };
  const mapB: CompareMap = {
    claims: [
      c('b1', 'T2', null, 'pro', 'Pressure is what brought them to the table'),
      c('b2', 'T2', null, 'con', 'Sanctions against the regime hurt ordinary people'),
    ],
    links: [],
    anchors: [anchor('b1', 1, 4, 12), anchor('b2', 1, 11, 14)],
  };

  it('pairs claims that quote the same passage or say nearly the same, passages first', () => {
    const found = meetings(mapA, mapB);
    expect(found.map((m) => [m.a.id, m.b.id, m.reasons])).toEqual([
      ['a1', 'b1', ['passage']],
      ['a2', 'b2', ['text']],
    ]);
    expect(found[0]!.passage).toMatchObject({ start: 4, end: 10, text: 'efghij' });
    expect(found[1]!.passage).toBeNull();
    expect(found[1]!.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('a pair meeting both ways is listed once with both reasons', () => {
    const b = {
      ...mapB,
      anchors: [...mapB.anchors, { ...anchor('b2', 1, 0, 3), exact: 'abc' }],
      claims: mapB.claims,
    };
    const a = { ...mapA, anchors: [...mapA.anchors, anchor('a2', 1, 2, 6)] };
    const found = meetings(a, b);
    const pair = found.find((m) => m.a.id === 'a2' && m.b.id === 'b2')!;
    expect(pair.reasons).toEqual(['passage', 'text']);
    expect(pair.passage?.text).toBe('c');
    expect(found[0]).toBe(pair);
  });

  it('nothing meets in empty maps', () => {
    expect(meetings({ claims: [], links: [], anchors: [] }, mapB)).toEqual([]);
  });
});

describe('unanswered objections, outline and cross-links', () => {
  const map: CompareMap = {
    claims: [
      c('p1', 'T1', null, 'pro', 'Talks build trust'),
      c('o1', 'T1', 'p1', 'con', 'Trust was betrayed before'),
      c('r1', 'T1', 'o1', 'con', 'That was a different government'),
      c('o2', 'T1', null, 'con', 'Talks legitimise the regime'),
      c('q1', 'T2', null, 'pro', 'Pressure works'),
      c('x', 'T2', 'q1', 'con', 'Sanctions leak'),
      c('q2', 'T2', null, 'pro', 'Pressure forced the summit'),
    ],
    links: [
      { id: 'L1', fromClaimId: 'q1', toClaimId: 'p1', toThesisId: null, stance: 'con' },
      { id: 'L2', fromClaimId: 'o2', toClaimId: null, toThesisId: 'T2', stance: 'pro' },
      { id: 'L4', fromClaimId: 'q2', toClaimId: 'p1', toThesisId: null, stance: 'con' },
      { id: 'L3', fromClaimId: 'gone', toClaimId: 'p1', toThesisId: null, stance: 'con' },
    ],
    anchors: [],
  };

  it('lists gaps thesis by thesis, in tree order, with what they object to', () => {
    const gaps = unansweredObjections(map, theses);
    expect(gaps.map((g) => [g.claim.id, g.thesisId, g.target?.id ?? null, g.viaLink])).toEqual([
      ['o2', 'T1', null, false],
      // q1's attack is answered by its con reply x; q2's is not.
      ['q2', 'T1', 'p1', true],
      ['x', 'T2', 'q1', false],
    ]);
  });

  it('outlines a thesis depth first with polarity', () => {
    expect(thesisOutline(map.claims, 'T1').map((e) => [e.claim.id, e.depth, e.polarity])).toEqual([
      ['o2', 0, -1],
      ['p1', 0, 1],
      ['o1', 1, -1],
      ['r1', 2, 1],
    ]);
  });

  it('lists live cross-links with both ends', () => {
    expect(
      crossLinks(map).map((l) => [l.from.id, l.stance, l.to?.id ?? null, l.toThesisId]),
    ).toEqual([
      ['q1', 'con', 'p1', null],
      ['o2', 'pro', null, 'T2'],
      ['q2', 'con', 'p1', null],
    ]);
  });
});
