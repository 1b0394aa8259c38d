import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  criterionIdFor,
  parseRubric,
  parseScores,
  rubricSchema,
  scoreTotal,
} from './rubric';

describe('rubric', () => {
  it('defaults to evidence, rebuttals and clarity, 4 points each', () => {
    expect(DEFAULT_RUBRIC.map((c) => [c.label, c.points])).toEqual([
      ['Evidence', 4],
      ['Rebuttals', 4],
      ['Clarity', 4],
    ]);
  });

  it('parses a stored rubric and falls back to the default on anything broken', () => {
    const stored = JSON.stringify([{ id: 'a', label: 'Accuracy', points: 10 }]);
    expect(parseRubric(stored)).toEqual([{ id: 'a', label: 'Accuracy', points: 10 }]);
    expect(parseRubric('not json')).toEqual(DEFAULT_RUBRIC);
    expect(parseRubric('')).toEqual(DEFAULT_RUBRIC);
    expect(parseRubric(null)).toEqual(DEFAULT_RUBRIC);
    expect(parseRubric('[]')).toEqual(DEFAULT_RUBRIC);
    expect(parseRubric('{"a":1}')).toEqual(DEFAULT_RUBRIC);
    expect(parseRubric(JSON.stringify([{ id: 'a', label: 'x', points: 0 }]))).toEqual(
      DEFAULT_RUBRIC,
    );
    // the default is a copy: changing it does not change the next parse
    parseRubric('')[0]!.points = 99;
    expect(parseRubric('')[0]!.points).toBe(4);
  });

  it('validates limits: 1-10 criteria, labels 1-60 characters, integer points 1-100', () => {
    const ok = (points: number, label = 'X') => [{ id: 'x', label, points }];
    expect(rubricSchema.safeParse(ok(1)).success).toBe(true);
    expect(rubricSchema.safeParse(ok(100)).success).toBe(true);
    expect(rubricSchema.safeParse(ok(0)).success).toBe(false);
    expect(rubricSchema.safeParse(ok(101)).success).toBe(false);
    expect(rubricSchema.safeParse(ok(2.5)).success).toBe(false);
    expect(rubricSchema.safeParse(ok(3, '')).success).toBe(false);
    expect(rubricSchema.safeParse(ok(3, 'x'.repeat(61))).success).toBe(false);
    expect(rubricSchema.safeParse([]).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, label: 'L', points: 1 }));
    expect(rubricSchema.safeParse(eleven).success).toBe(false);
    expect(rubricSchema.safeParse(eleven.slice(0, 10)).success).toBe(true);
    const dup = [
      { id: 'a', label: 'A', points: 1 },
      { id: 'a', label: 'B', points: 1 },
    ];
    expect(rubricSchema.safeParse(dup).success).toBe(false);
  });

  it('totals scores, clamping each to its criterion and ignoring unknown ones', () => {
    const rubric = parseRubric('');
    expect(scoreTotal(rubric, {})).toEqual({ earned: 0, possible: 12 });
    expect(scoreTotal(rubric, { evidence: 3, rebuttals: 4, clarity: 2 })).toEqual({
      earned: 9,
      possible: 12,
    });
    expect(scoreTotal(rubric, { evidence: 9, rebuttals: -2, other: 50 })).toEqual({
      earned: 4,
      possible: 12,
    });
  });

  it('reads stored scores tolerantly', () => {
    expect(parseScores('{"a":2,"b":"x"}')).toEqual({ a: 2 });
    expect(parseScores('nope')).toEqual({});
    expect(parseScores('[1]')).toEqual({});
  });

  it('makes unique criterion ids from labels', () => {
    expect(criterionIdFor('Use of evidence!', [])).toBe('use-of-evidence');
    expect(criterionIdFor('Clarity', ['clarity'])).toBe('clarity-2');
    expect(criterionIdFor('???', [])).toBe('criterion');
  });
});
