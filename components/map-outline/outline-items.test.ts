import { describe, expect, it } from 'vitest';
import { outline } from '@/lib/domain/argument-tree';
import { claim } from '@/tests/support/maps/sample-map';
import { COMPOSER_KEY, outlineItems, rowHeightGuess } from './outline-items';

// A (reply A1), B under t1.
const claims = [
  claim('A', 't1', null, 'a0'),
  claim('A1', 't1', 'A', 'a0'),
  claim('B', 't1', null, 'a1', { text: 'x'.repeat(200), note: 'A note' }),
];
const rows = outline(claims, 't1');
const keys = (after: string | null | undefined) => outlineItems(rows, after).map((i) => i.key);

describe('what the outline draws', () => {
  it('puts the composer after the claim it opened under, at the end for the thesis, or nowhere', () => {
    expect(keys(undefined)).toEqual(['A', 'A1', 'B']);
    expect(keys('A')).toEqual(['A', COMPOSER_KEY, 'A1', 'B']);
    expect(keys(null)).toEqual(['A', 'A1', 'B', COMPOSER_KEY]);
    expect(keys('gone')).toEqual(['A', 'A1', 'B']);
  });

  it('guesses taller rows for longer texts, notes and quotes', () => {
    const [a, , b] = outlineItems(rows, undefined);
    const none = new Map();
    expect(rowHeightGuess(b!, none)).toBeGreaterThan(rowHeightGuess(a!, none));
    const quoted = new Map([['A', [{} as never, {} as never]]]);
    expect(rowHeightGuess(a!, quoted)).toBeGreaterThan(rowHeightGuess(a!, none));
    expect(rowHeightGuess({ key: COMPOSER_KEY, row: null }, none)).toBeGreaterThan(100);
  });
});
