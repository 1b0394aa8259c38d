import { describe, expect, it } from 'vitest';
import {
  clampTeamCount,
  planSides,
  shuffle,
  smallerSide,
  smallestGroup,
  splitEvenly,
  swapSide,
} from './teams';

/** A repeatable "random" source: a linear congruential sequence. */
const seeded = (seed: number) => {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
};

describe('splitEvenly', () => {
  it('deals everyone into groups whose sizes differ by at most one', () => {
    const names = Array.from({ length: 25 }, (_, i) => `s${i}`);
    for (const count of [1, 2, 3, 4, 6, 7, 25]) {
      const groups = splitEvenly(names, count, seeded(count));
      const sizes = groups.map((g) => g.length);
      expect(groups).toHaveLength(count);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(groups.flat().sort()).toEqual([...names].sort());
    }
  });

  it('depends on the random source (not always the same teams)', () => {
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const a = splitEvenly(names, 3, seeded(1));
    const b = splitEvenly(names, 3, seeded(2));
    expect(a).not.toEqual(b);
  });
});

describe('shuffle', () => {
  it('keeps every item exactly once', () => {
    const items = [1, 2, 3, 4, 5, 6, 7];
    expect(shuffle(items, seeded(3)).sort()).toEqual(items);
  });
});

describe('planSides', () => {
  it('splits evenly between the theses', () => {
    for (const count of [1, 2, 5, 8, 13]) {
      const sides = planSides(count, 'split', seeded(count));
      const first = sides.filter((s) => s === 'first').length;
      const second = sides.filter((s) => s === 'second').length;
      expect(first + second).toBe(count);
      expect(Math.abs(first - second)).toBeLessThanOrEqual(1);
    }
  });

  it('gives everyone the same side when asked', () => {
    expect(planSides(3, 'second', seeded(1))).toEqual(['second', 'second', 'second']);
    expect(planSides(2, 'both', seeded(1))).toEqual(['both', 'both']);
  });
});

describe('sides for later', () => {
  it('swaps first and second for round 2 and keeps both', () => {
    expect(swapSide('first')).toBe('second');
    expect(swapSide('second')).toBe('first');
    expect(swapSide('both')).toBe('both');
  });

  it('puts a newcomer on the side fewer argue', () => {
    expect(smallerSide(['first', 'first', 'second'])).toBe('second');
    expect(smallerSide(['first', 'second'])).toBe('first');
    expect(smallerSide(['both', 'both'])).toBe('both');
    expect(smallerSide([])).toBe('first');
  });

  it('finds the smallest team', () => {
    expect(smallestGroup([3, 2, 2, 3])).toBe(1);
    expect(smallestGroup([1])).toBe(0);
  });

  it('keeps the number of teams between one and the number of students', () => {
    expect(clampTeamCount(4, 25)).toBe(4);
    expect(clampTeamCount(0, 25)).toBe(1);
    expect(clampTeamCount(30, 25)).toBe(25);
    expect(clampTeamCount(3, 0)).toBe(1);
  });
});
