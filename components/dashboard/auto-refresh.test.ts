import { describe, expect, it } from 'vitest';
import { freshness } from './auto-refresh';

describe('freshness', () => {
  it('says how old the numbers are', () => {
    expect(freshness(0)).toBe('just now');
    expect(freshness(5)).toBe('5 s ago');
    expect(freshness(89)).toBe('89 s ago');
    expect(freshness(150)).toBe('3 min ago');
  });
});
