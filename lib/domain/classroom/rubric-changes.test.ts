import { describe, expect, it } from 'vitest';
import { describeRubricChange, reviseRubric, type GradedWork } from './rubric-changes';
import {
  DEFAULT_RUBRIC,
  parseStoredRubric,
  scoreTotal,
  storeRubric,
  type RubricCriterion,
  type StoredRubric,
} from './rubric';

const start: StoredRubric = { criteria: DEFAULT_RUBRIC.map((c) => ({ ...c })), removed: [] };
const without = (rubric: StoredRubric, id: string) => rubric.criteria.filter((c) => c.id !== id);
const graded: GradedWork[] = [
  { scores: { evidence: 3, rebuttals: 4, clarity: 4 }, released: true },
  { scores: { evidence: 1, clarity: 2 }, released: false },
  { scores: { rebuttals: 2 }, released: false },
];

describe('changing a rubric', () => {
  it('says that removed scores stop counting, are kept, and come back with the criterion', () => {
    const after = reviseRubric(start, without(start, 'evidence'));
    expect(after.criteria.map((c) => c.id)).toEqual(['rebuttals', 'clarity']);
    expect(after.removed).toEqual([{ id: 'evidence', label: 'Evidence', points: 4 }]);
    const change = describeRubricChange(start, after, graded);
    expect(change.weighty).toBe(true);
    expect(change.lines).toEqual([
      '2 graded works have scores for “Evidence”, which no longer count; they are kept, and count again if you add “Evidence” back.',
      'Grades are out of 8 instead of 12.',
      '1 released grade changes for its students at once.',
    ]);

    // Added back by name (a new row, any id), later: its id, so its scores, come back.
    const back = reviseRubric(
      after,
      [...after.criteria, { id: 'criterion', label: ' evidence ', points: 4 }],
      ['evidence', 'rebuttals', 'clarity'],
    );
    expect(back.criteria.map((c) => c.id)).toEqual(['rebuttals', 'clarity', 'evidence']);
    expect(back.removed).toEqual([]);
    expect(describeRubricChange(after, back, graded).lines[0]).toBe(
      '“evidence” comes back with the scores 2 graded works had for it, which count again.',
    );
    expect(scoreTotal(back.criteria, graded[0]!.scores)).toEqual({ earned: 11, possible: 12 });
  });

  it('gives a new criterion an id no score was given under, even one a removed criterion had', () => {
    const removed = reviseRubric(start, without(start, 'clarity'));
    // The editor's new row happens to be called "clarity"-like by id, but is named otherwise.
    const next = reviseRubric(
      removed,
      [...removed.criteria, { id: 'clarity', label: 'Sources', points: 2 }],
      ['evidence', 'rebuttals', 'clarity', 'criterion'],
    );
    // An id named by the editor's "Add back" takes the criterion back, whatever its label.
    expect(next.criteria.at(-1)).toEqual({ id: 'clarity', label: 'Sources', points: 2 });
    const fresh = reviseRubric(
      removed,
      [...removed.criteria, { id: 'criterion', label: 'Sources', points: 2 }],
      ['evidence', 'rebuttals', 'clarity', 'criterion'],
    );
    expect(fresh.criteria.at(-1)).toEqual({ id: 'sources', label: 'Sources', points: 2 });
    expect(fresh.removed.map((c) => c.id)).toEqual(['clarity']);
    expect(describeRubricChange(removed, fresh, graded).lines).toEqual([
      '“Sources” (2 points) is new: the 3 graded works score nothing on it until you grade them again.',
      'Grades are out of 10 instead of 8.',
      '1 released grade changes for its students at once.',
    ]);
  });

  it('says what lower points do to higher scores, and that renaming keeps them', () => {
    const next: RubricCriterion[] = [
      { id: 'evidence', label: 'Evidence', points: 2 },
      { id: 'rebuttals', label: 'Answers', points: 4 },
      { id: 'clarity', label: 'Clarity', points: 6 },
    ];
    const after = reviseRubric(start, next);
    const change = describeRubricChange(start, after, graded);
    expect(change.lines).toEqual([
      '“Evidence” goes from 4 to 2 points: 1 score above 2 now counts as 2 (kept as given until you grade that work again, and in full if you raise it back).',
      '“Rebuttals” is renamed “Answers”; its scores stay.',
      '“Clarity” goes from 4 to 6 points.',
      '1 released grade changes for its students at once.',
    ]);
    expect(change.weighty).toBe(true);
  });

  it('asks nothing when no score is touched', () => {
    const ungraded: GradedWork[] = [];
    const after = reviseRubric(start, without(start, 'clarity'));
    expect(describeRubricChange(start, after, ungraded)).toEqual({
      lines: ['“Clarity” is removed; no work was scored on it.'],
      weighty: false,
    });
    expect(describeRubricChange(start, reviseRubric(start, start.criteria), graded)).toEqual({
      lines: [],
      weighty: false,
    });
  });

  it('stores what was removed beside the criteria, and reads the plain old form', () => {
    const after = reviseRubric(start, without(start, 'evidence'));
    const text = storeRubric(after);
    expect(JSON.parse(text)).toEqual({ criteria: after.criteria, removed: after.removed });
    expect(parseStoredRubric(text)).toEqual(after);
    expect(storeRubric(start)).toBe(JSON.stringify(start.criteria));
    expect(parseStoredRubric(JSON.stringify(start.criteria))).toEqual(start);
    // A removed list that names a current criterion, or is broken, is dropped; the rubric stays.
    expect(
      parseStoredRubric(JSON.stringify({ criteria: start.criteria, removed: start.criteria })),
    ).toEqual(start);
    expect(parseStoredRubric(JSON.stringify({ criteria: start.criteria, removed: 7 }))).toEqual(
      start,
    );
  });

  it('remembers at most twenty removed criteria, the latest first', () => {
    let rubric = start;
    for (let i = 0; i < 25; i++) {
      const added = reviseRubric(rubric, [
        ...rubric.criteria,
        { id: `x${i}`, label: `Extra ${i}`, points: 1 },
      ]);
      rubric = reviseRubric(added, added.criteria.slice(0, 3));
    }
    expect(rubric.removed).toHaveLength(20);
    expect(rubric.removed[0]!.label).toBe('Extra 24');
  });
});
