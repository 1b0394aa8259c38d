import { describe, expect, it } from 'vitest';
import type { TreeNode } from './argument-tree';
import type { CrossLink } from './cross-links';
import { helpsThesis, objectionsTo, roles, thesisCounts } from './dialectic';

const T1 = 'thesis-a';
const T2 = 'thesis-b';
const node = (
  id: string,
  parentId: string | null,
  stance: 'pro' | 'con',
  thesisId = T1,
): TreeNode => ({
  id,
  thesisId,
  parentId,
  stance,
  order: 'a0',
});
const link = (
  fromClaimId: string,
  to: { claimId?: string; thesisId?: string },
  stance: 'pro' | 'con' = 'con',
): CrossLink => ({
  id: `${fromClaimId}->${to.claimId ?? to.thesisId}`,
  fromClaimId,
  toClaimId: to.claimId ?? null,
  toThesisId: to.thesisId ?? null,
  stance,
});

// T1: support S with objection O (rebutted by R, whose own objection RO is open), and a top-level
// objection X that has a supporting claim Xs but no rebuttal.
const map: TreeNode[] = [
  node('S', null, 'pro'),
  node('O', 'S', 'con'),
  node('R', 'O', 'con'),
  node('RO', 'R', 'con'),
  node('X', null, 'con'),
  node('Xs', 'X', 'pro'),
  node('B', null, 'pro', T2),
];

describe('what an objection, a rebuttal and a gap are', () => {
  it('gives each claim its role by its path to the thesis', () => {
    expect(Object.fromEntries(roles(map))).toEqual({
      S: 'support',
      O: 'objection',
      R: 'rebuttal',
      RO: 'objection',
      X: 'objection',
      Xs: 'objection-support',
      B: 'support',
    });
  });

  it('finds objections at every depth; a rebuttal is not an objection; gaps are the unanswered', () => {
    const found = objectionsTo(map, [], T1);
    expect(found.map((o) => [o.claim.id, o.targetId, o.gap])).toEqual([
      ['O', 'S', false],
      ['RO', 'R', true],
      ['X', null, true],
    ]);
    expect(found[0]!.rebuttals.map((r) => r.id)).toEqual(['R']);
  });

  it('counts rebuttals for the thesis, not as cons or as unanswered objections', () => {
    // Every objection rebutted: no gaps (the old counter said 2 here: the rebuttals themselves).
    const answered = [
      node('S', null, 'pro'),
      node('O1', 'S', 'con'),
      node('R1', 'O1', 'con'),
      node('O2', null, 'con'),
      node('R2', 'O2', 'con'),
    ];
    expect(thesisCounts(answered, [], T1)).toEqual({
      pros: 3,
      cons: 2,
      objections: 2,
      unanswered: 0,
    });
    expect(thesisCounts(map, [], T1)).toEqual({ pros: 2, cons: 4, objections: 3, unanswered: 2 });
  });

  it('counts a cross-link attack from the other side as an objection, and a cross-link as a rebuttal', () => {
    const attack = link('B', { claimId: 'S' });
    expect(objectionsTo(map, [attack], T1).filter((o) => o.viaLink)).toMatchObject([
      { claim: { id: 'B' }, targetId: 'S', gap: true },
    ]);
    // Attacking the thesis counts too; attacking an objection of this side does not (it helps).
    expect(
      objectionsTo(map, [link('B', { thesisId: T1 }), link('B', { claimId: 'X' })], T1)
        .filter((o) => o.viaLink)
        .map((o) => o.targetId),
    ).toEqual([null]);
    // A claim of this side answering the other side's attack by a cross-link rebuts it; so does
    // the other side's claim attacking our open objection X.
    const answered = objectionsTo(
      map,
      [attack, link('S', { claimId: 'B' }), link('B', { claimId: 'X' })],
      T1,
    );
    expect(answered.find((o) => o.claim.id === 'B')!.rebuttals.map((r) => r.id)).toEqual(['S']);
    expect(answered.find((o) => o.claim.id === 'X')!.gap).toBe(false);
  });

  it('does not loop on a damaged tree (a cycle)', () => {
    const cyclic = [node('P', 'Q', 'con'), node('Q', 'P', 'con')];
    expect(roles(cyclic).size).toBe(2);
  });
});

describe('the side a claim helps (its colour everywhere)', () => {
  it('is the thesis for supports and rebuttals, against it for objections and their supports', () => {
    expect(helpsThesis('support')).toBe(true);
    expect(helpsThesis('rebuttal')).toBe(true);
    expect(helpsThesis('objection')).toBe(false);
    expect(helpsThesis('objection-support')).toBe(false);
  });

  it('agrees with the thesis counts: as many green claims as pros', () => {
    const claims = [
      node('o', null, 'con'),
      node('r', 'o', 'con'),
      node('s', 'o', 'pro'),
      node('p', null, 'pro'),
    ];
    const role = roles(claims);
    const green = claims.filter((c) => helpsThesis(role.get(c.id)!)).length;
    expect(green).toBe(thesisCounts(claims, [], T1).pros);
    expect(claims.length - green).toBe(thesisCounts(claims, [], T1).cons);
  });
});

describe('roles, remembered per claims array', () => {
  const node = (id: string, parentId: string | null, stance: 'pro' | 'con'): TreeNode => ({
    id,
    thesisId: 'T',
    parentId,
    stance,
    order: 'a0',
  });

  it('answers the same array from memory, and a changed map (a new array) afresh', () => {
    const before = [node('a', null, 'pro'), node('b', 'a', 'con')];
    const first = roles(before);
    expect(roles(before)).toBe(first);
    expect(first.get('b')).toBe('objection');
    // The edit that makes a new array: b's parent flips from pro to con.
    const after = [node('a', null, 'con'), node('b', 'a', 'con')];
    expect(roles(after)).not.toBe(first);
    expect(roles(after).get('b')).toBe('rebuttal');
  });
});
