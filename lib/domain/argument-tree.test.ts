import { describe, expect, it } from 'vitest';
import { errorWords } from '../error-words';
import {
  childrenAt,
  indentClaim,
  insertClaim,
  moveClaim,
  outdentClaim,
  outline,
  removeSubtree,
  shiftClaim,
  structuralChanges,
  type TreeNode,
} from './argument-tree';
import { initialKeys } from './order-keys';

const T1 = 'thesis-a';
const T2 = 'thesis-b';

function node(
  id: string,
  parentId: string | null,
  stance: 'pro' | 'con',
  index: number,
  thesisId = T1,
): TreeNode {
  return { id, thesisId, parentId, stance, order: initialKeys(index + 1)[index]! };
}

// A under T1 with replies A1 (pro) and A2 (con, rebutted by A2r); B under T1; C under T2.
const map: TreeNode[] = [
  node('A', null, 'pro', 0),
  node('A1', 'A', 'pro', 0),
  node('A2', 'A', 'con', 1),
  node('A2r', 'A2', 'con', 0),
  node('B', null, 'con', 1),
  node('C', null, 'pro', 0, T2),
];

const ids = (list: TreeNode[]) => list.map((c) => c.id);
const get = (list: TreeNode[], id: string) => list.find((c) => c.id === id)!;

describe('insertClaim', () => {
  it('appends under a thesis by default', () => {
    const after = insertClaim(map, node('N', null, 'con', 99));
    expect(ids(childrenAt(after, { thesisId: T1, parentId: null }))).toEqual(['A', 'B', 'N']);
  });

  it('inserts at an index by giving only the new claim a key between its neighbours', () => {
    const after = insertClaim(map, node('N', 'A', 'pro', 0), 1);
    expect(ids(childrenAt(after, { thesisId: T1, parentId: 'A' }))).toEqual(['A1', 'N', 'A2']);
    expect(structuralChanges(map, after).map((c) => c.id)).toEqual(['N']);
  });

  it('puts a claim after siblings that share its neighbour’s key (two inserts made apart)', () => {
    const twin = { ...get(map, 'A1'), id: 'A1b' };
    const tied = [...map, twin];
    const after = insertClaim(tied, node('N', 'A', 'pro', 0), 1);
    expect(ids(childrenAt(after, { thesisId: T1, parentId: 'A' }))).toEqual([
      'A1',
      'A1b',
      'N',
      'A2',
    ]);
  });

  it('takes its thesis from the parent claim', () => {
    const after = insertClaim(map, node('N', 'C', 'con', 0, T1));
    expect(get(after, 'N').thesisId).toBe(T2);
  });

  it('refuses a parent that is not in the map', () => {
    expect(() => insertClaim(map, node('N', 'nope', 'pro', 0))).toThrow(
      errorWords('claim.parentGone'),
    );
  });

  it('refuses a duplicate id', () => {
    expect(() => insertClaim(map, node('A', null, 'pro', 0))).toThrow(/already exists/);
  });

  it('does not change its input', () => {
    const copy = structuredClone(map);
    insertClaim(map, node('N', 'A', 'pro', 0), 0);
    expect(map).toEqual(copy);
  });
});

describe('moveClaim', () => {
  it('moves a subtree to another parent at an index', () => {
    const after = moveClaim(map, 'A2', { thesisId: T1, parentId: 'B' }, 0);
    expect(get(after, 'A2').parentId).toBe('B');
    expect(get(after, 'A2r').parentId).toBe('A2');
    expect(ids(childrenAt(after, { thesisId: T1, parentId: 'A' }))).toEqual(['A1']);
  });

  it('moves a subtree to the other thesis and carries the thesis to every descendant', () => {
    const after = moveClaim(map, 'A', { thesisId: T2, parentId: null }, 0);
    expect(['A', 'A1', 'A2', 'A2r'].map((id) => get(after, id).thesisId)).toEqual([T2, T2, T2, T2]);
    expect(ids(childrenAt(after, { thesisId: T2, parentId: null }))).toEqual(['A', 'C']);
    expect(ids(childrenAt(after, { thesisId: T1, parentId: null }))).toEqual(['B']);
    expect(structuralChanges(map, after).map((c) => c.id)).toEqual(['A', 'A1', 'A2', 'A2r']);
  });

  it('refuses to move a claim under itself', () => {
    expect(() => moveClaim(map, 'A', { thesisId: T1, parentId: 'A' })).toThrow(/under itself/);
  });

  it('refuses to move a claim under its own descendant (a cycle)', () => {
    expect(() => moveClaim(map, 'A', { thesisId: T1, parentId: 'A2r' })).toThrow(/own replies/);
  });

  it('reorders within the same parent', () => {
    const after = moveClaim(map, 'B', { thesisId: T1, parentId: null }, 0);
    expect(ids(childrenAt(after, { thesisId: T1, parentId: null }))).toEqual(['B', 'A']);
  });
});

describe('removeSubtree', () => {
  it('removes a claim with all its replies and touches no other claim', () => {
    const { claims, removed } = removeSubtree(map, 'A');
    expect(ids(removed).sort()).toEqual(['A', 'A1', 'A2', 'A2r']);
    expect(ids(claims)).toEqual(['B', 'C']);
    expect(structuralChanges(map, claims)).toEqual([]);
  });

  it('removes a leaf only', () => {
    const { claims, removed } = removeSubtree(map, 'A1');
    expect(ids(removed)).toEqual(['A1']);
    expect(ids(childrenAt(claims, { thesisId: T1, parentId: 'A' }))).toEqual(['A2']);
  });
});

describe('keyboard moves', () => {
  it('indents under the sibling above and refuses for the first sibling', () => {
    const after = indentClaim(map, 'B')!;
    expect(get(after, 'B').parentId).toBe('A');
    expect(ids(childrenAt(after, { thesisId: T1, parentId: 'A' }))).toEqual(['A1', 'A2', 'B']);
    expect(indentClaim(map, 'A')).toBeNull();
  });

  it('outdents to just after the parent and refuses at the top', () => {
    const after = outdentClaim(map, 'A1')!;
    expect(ids(childrenAt(after, { thesisId: T1, parentId: null }))).toEqual(['A', 'A1', 'B']);
    expect(outdentClaim(map, 'A')).toBeNull();
  });

  it('shifts up and down among siblings and stops at the ends', () => {
    expect(ids(childrenAt(shiftClaim(map, 'A2', -1)!, { thesisId: T1, parentId: 'A' }))).toEqual([
      'A2',
      'A1',
    ]);
    expect(shiftClaim(map, 'A1', -1)).toBeNull();
    expect(shiftClaim(map, 'A2', 1)).toBeNull();
  });
});

describe('outline and structuralChanges', () => {
  it('lists a thesis depth first with depths and reply counts', () => {
    expect(outline(map, T1).map((r) => `${r.claim.id}:${r.depth}:${r.childCount}`)).toEqual([
      'A:0:2',
      'A1:1:0',
      'A2:1:1',
      'A2r:2:0',
      'B:0:0',
    ]);
  });

  it('gives each row its place among its siblings', () => {
    expect(outline(map, T1).map((r) => `${r.claim.id}:${r.index + 1}/${r.siblings}`)).toEqual([
      'A:1/2',
      'A1:1/2',
      'A2:2/2',
      'A2r:1/1',
      'B:2/2',
    ]);
    expect(outline(map, T2).map((r) => `${r.claim.id}:${r.index + 1}/${r.siblings}`)).toEqual([
      'C:1/1',
    ]);
  });

  it('reports only the claims whose place or position changed', () => {
    const after = moveClaim(map, 'B', { thesisId: T1, parentId: null }, 0);
    expect(ids(structuralChanges(map, after))).toEqual(['B']);
  });
});
