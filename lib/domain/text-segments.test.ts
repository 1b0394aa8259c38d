import { describe, expect, it } from 'vitest';
import { segmentText } from './text-segments';

describe('segmentText', () => {
  it('returns the text whole when nothing is marked', () => {
    expect(segmentText('abc', [])).toEqual([{ text: 'abc', kind: null }]);
  });

  it('marks a range in the middle', () => {
    expect(segmentText('abcdef', [{ start: 2, end: 4, kind: 'anchored' }])).toEqual([
      { text: 'ab', kind: null },
      { text: 'cd', kind: 'anchored' },
      { text: 'ef', kind: null },
    ]);
  });

  it('lets the highlight win where it overlaps an anchored range', () => {
    const segs = segmentText('abcdef', [
      { start: 3, end: 6, kind: 'highlight' },
      { start: 0, end: 4, kind: 'anchored' },
    ]);
    expect(segs).toEqual([
      { text: 'abc', kind: 'anchored' },
      { text: 'def', kind: 'highlight' },
    ]);
  });

  it('clips ranges that run past the text', () => {
    expect(segmentText('ab', [{ start: -3, end: 99, kind: 'highlight' }])).toEqual([
      { text: 'ab', kind: 'highlight' },
    ]);
  });
});
