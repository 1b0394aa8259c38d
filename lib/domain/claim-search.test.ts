import { describe, expect, it } from 'vitest';
import { claim } from '@/tests/support/maps/sample-map';
import { findClaims, foldForSearch, searchIndex } from './claim-search';

// Thesis t1: A (reply A1), B; thesis t2: C. Listed out of reading order on purpose.
const claims = [
  claim('C', 't2', null, 'a0', { text: 'Seoul’s “charm offensive” will fail' }),
  claim('B', 't1', null, 'a1', { text: 'Trade grows when TALKS go on' }),
  claim('A1', 't1', 'A', 'a0', { text: 'Les négociations — déjà commencées' }),
  claim('A', 't1', null, 'a0', { text: 'The two Koreas talk' }),
];
const index = searchIndex(claims, ['t1', 't2']);
const ids = (query: string, limit?: number) =>
  findClaims(index, query, limit).matches.map((m) => m.claim.id);

describe('finding a claim by its text', () => {
  it('folds case, accents, quote marks, dashes and spaces', () => {
    expect(foldForSearch('  Déjà   VU — “Ok” it’s ')).toBe('deja vu - "ok" it\'s');
  });

  it('matches a part of a word, ignoring case and accents', () => {
    expect(ids('talk')).toEqual(['A', 'B']);
    expect(ids('NEGOCIATION')).toEqual(['A1']);
    expect(ids('deja')).toEqual(['A1']);
  });

  it('needs every word typed, in any order', () => {
    expect(ids('talks trade')).toEqual(['B']);
    expect(ids('two talk koreas')).toEqual(['A']);
    expect(ids('talk seoul')).toEqual([]);
  });

  it('matches whatever quote mark or dash was typed', () => {
    expect(ids('seoul\'s "charm')).toEqual(['C']);
    expect(ids('négociations - déjà')).toEqual(['A1']);
  });

  it('lists matches in reading order, both theses, and counts them all past the limit', () => {
    expect(index.map((e) => `${e.claim.id}:${e.side}`)).toEqual(['A:0', 'A1:0', 'B:0', 'C:1']);
    const all = findClaims(index, 'e');
    expect(all.total).toBe(4);
    const first = findClaims(index, 'e', 2);
    expect(first.matches.map((m) => m.claim.id)).toEqual(['A', 'A1']);
    expect(first.total).toBe(4);
  });

  it('finds nothing for an empty query', () => {
    expect(findClaims(index, '   ')).toEqual({ matches: [], total: 0 });
  });

  it('searches 10,000 claims in well under a frame', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      claim(`c${i}`, i % 2 ? 't2' : 't1', null, `a${i}`, {
        text: `Claim number ${i} about sanctions, talks and trade`,
      }),
    );
    const big = searchIndex(many, ['t1', 't2']);
    const t0 = performance.now();
    const found = findClaims(big, 'number 9999 talks');
    const ms = performance.now() - t0;
    expect(found.matches.map((m) => m.claim.id)).toEqual(['c9999']);
    expect(ms).toBeLessThan(50);
  });
});
