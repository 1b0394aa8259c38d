import { describe, expect, it } from 'vitest';
import { errorWords } from '../error-words';
import type { TreeNode } from './argument-tree';
import { checkCrossLink, linkEndsByClaim, liveLinks, type CrossLink } from './cross-links';

const claims: TreeNode[] = [
  { id: 'a1', thesisId: 'A', parentId: null, stance: 'pro', order: 'a0' },
  { id: 'a2', thesisId: 'A', parentId: 'a1', stance: 'con', order: 'a0' },
  { id: 'b1', thesisId: 'B', parentId: null, stance: 'pro', order: 'a0' },
];

describe('cross-links', () => {
  it('links a claim to a claim or the thesis on the other side', () => {
    expect(checkCrossLink(claims, [], 'a1', { claimId: 'b1' })).toEqual({
      toClaimId: 'b1',
      toThesisId: null,
    });
    expect(checkCrossLink(claims, [], 'a2', { thesisId: 'B' })).toEqual({
      toClaimId: null,
      toThesisId: 'B',
    });
  });

  it('refuses links within one side, to missing claims, and duplicates', () => {
    expect(() => checkCrossLink(claims, [], 'a2', { claimId: 'a1' })).toThrow(/other side/);
    expect(() => checkCrossLink(claims, [], 'a1', { thesisId: 'A' })).toThrow(/other side/);
    expect(() => checkCrossLink(claims, [], 'a1', { claimId: 'zz' })).toThrow(
      errorWords('link.targetGone'),
    );
    const existing: CrossLink = {
      id: 'l',
      fromClaimId: 'a1',
      toClaimId: 'b1',
      toThesisId: null,
      stance: 'con',
    };
    expect(() => checkCrossLink(claims, [existing], 'a1', { claimId: 'b1' })).toThrow(
      /already linked/,
    );
  });

  it('hides links with a deleted end', () => {
    const links: CrossLink[] = [
      { id: '1', fromClaimId: 'a1', toClaimId: 'b1', toThesisId: null, stance: 'pro' },
      { id: '2', fromClaimId: 'gone', toClaimId: null, toThesisId: 'B', stance: 'con' },
      { id: '3', fromClaimId: 'a2', toClaimId: 'gone', toThesisId: null, stance: 'con' },
    ];
    expect(liveLinks(claims, links).map((l) => l.id)).toEqual(['1']);
  });

  it('gives each claim its link ends both ways, with the text at the other end', () => {
    const texts = [
      { id: 'a1', text: 'Talks opened' },
      { id: 'b1', text: 'Sanctions bite' },
    ];
    const links: CrossLink[] = [
      { id: 'l1', fromClaimId: 'a1', toClaimId: 'b1', toThesisId: null, stance: 'con' },
      { id: 'l2', fromClaimId: 'a1', toClaimId: null, toThesisId: 'B', stance: 'pro' },
    ];
    const { out, into } = linkEndsByClaim(texts, links, [{ id: 'B', label: 'Dual-track' }]);
    expect(out.get('a1')).toEqual([
      { id: 'l1', stance: 'con', otherClaimId: 'b1', otherText: 'Sanctions bite' },
      { id: 'l2', stance: 'pro', otherClaimId: null, otherText: 'Dual-track' },
    ]);
    expect(into.get('b1')).toEqual([
      { id: 'l1', stance: 'con', otherClaimId: 'a1', otherText: 'Talks opened' },
    ]);
    expect(out.get('b1')).toBeUndefined();
    expect(into.get('a1')).toBeUndefined();
  });
});
