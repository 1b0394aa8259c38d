import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { createManagedStudents } from '@/lib/server/classroom/accounts';
import { createClass } from '@/lib/server/classroom/classes';
import {
  getRubricForEditing,
  gradeSummaries,
  saveGrade,
  setGradeReleased,
  updateRubric,
} from '@/lib/server/classroom/grades';
import { releasedGradesFor } from '@/lib/server/classroom/grades';
import { createUser, db, debate, teamAssignment } from '../support/factories';

// Changing a rubric says what it does to the scores given, and does what it says: a removed
// criterion's scores are kept (even when the work is graded again meanwhile) and count again when
// it is added back; a new criterion never inherits scores.

async function world() {
  const { debate: d } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id: classId } = await createClass(db, { userId: teacher.id, name: 'Civics 9' });
  const [ada] = await createManagedStudents(db, {
    userId: teacher.id,
    classId,
    names: ['Ada', 'Ben', 'Cai', 'Dee'],
  });
  const { id: assignmentId } = await teamAssignment({
    teacherId: teacher.id,
    classId,
    debateId: d.id,
    teamCount: 2,
  });
  const [one, two] = await db.assignmentWork.findMany({
    where: { assignmentId },
    orderBy: { createdAt: 'asc' },
  });
  const t = teacher.id;
  await saveGrade(db, {
    userId: t,
    workId: one!.id,
    scores: { evidence: 3, rebuttals: 4, clarity: 4 },
    feedback: '',
  });
  await saveGrade(db, { userId: t, workId: two!.id, scores: { evidence: 1 }, feedback: '' });
  await setGradeReleased(db, { userId: t, workId: one!.id, released: true });
  const inOne = await db.workMember.findFirstOrThrow({ where: { workId: one!.id } });
  return { t, assignmentId, one: one!, two: two!, student: inOne.userId, ada: ada! };
}

const earned = async (t: string, assignmentId: string) =>
  (await gradeSummaries(db, { userId: t, assignmentId })).works.map((w) => [
    w.grade.earned,
    w.grade.possible,
  ]);

describe('changing a rubric', () => {
  it('keeps a removed criterion’s scores, says so, and counts them again when it is back', async () => {
    const w = await world();
    const withoutEvidence = DEFAULT_RUBRIC.filter((c) => c.id !== 'evidence');
    const removed = await updateRubric(db, {
      userId: w.t,
      assignmentId: w.assignmentId,
      rubric: withoutEvidence,
    });
    expect(removed.changes).toEqual([
      '2 graded works have scores for “Evidence”, which no longer count; they are kept, and count again if you add “Evidence” back.',
      'Grades are out of 8 instead of 12.',
      '1 released grade changes for its students at once.',
    ]);
    expect(await earned(w.t, w.assignmentId)).toEqual([
      [8, 8],
      [0, 8],
    ]);
    expect((await releasedGradesFor(db, w.student))[0]).toMatchObject({ earned: 8, possible: 8 });

    // Grading again meanwhile does not lose the removed criterion's score.
    await saveGrade(db, {
      userId: w.t,
      workId: w.two.id,
      scores: { rebuttals: 2 },
      feedback: 'Answer more objections',
    });
    const editing = await getRubricForEditing(db, { userId: w.t, assignmentId: w.assignmentId });
    expect(editing.removed).toEqual([{ id: 'evidence', label: 'Evidence', points: 4 }]);
    expect(editing.graded.map((g) => g.scores.evidence)).toEqual(expect.arrayContaining([3, 1]));

    // Added back under its name, as a new row with another id: its scores count again.
    const back = await updateRubric(db, {
      userId: w.t,
      assignmentId: w.assignmentId,
      rubric: [...withoutEvidence, { id: 'criterion', label: 'Evidence', points: 4 }],
    });
    expect(back.rubric.map((c) => c.id)).toEqual(['rebuttals', 'clarity', 'evidence']);
    expect(back.changes[0]).toBe(
      '“Evidence” comes back with the scores 2 graded works had for it, which count again.',
    );
    expect(await earned(w.t, w.assignmentId)).toEqual([
      [11, 12],
      [3, 12],
    ]);

    // A new criterion never inherits a score, whatever id the browser gave it.
    const fresh = await updateRubric(db, {
      userId: w.t,
      assignmentId: w.assignmentId,
      rubric: [
        ...back.rubric.filter((c) => c.id !== 'clarity'),
        { id: 'clarity', label: 'Sources', points: 2 },
      ],
    });
    // "clarity" named explicitly is an add-back by id (the editor's button): it keeps its scores.
    expect(fresh.rubric.at(-1)).toEqual({ id: 'clarity', label: 'Sources', points: 2 });
    const other = await updateRubric(db, {
      userId: w.t,
      assignmentId: w.assignmentId,
      rubric: [...fresh.rubric.slice(0, 2), { id: 'rebuttals-2', label: 'Style', points: 2 }],
    });
    expect(other.rubric.at(-1)).toMatchObject({ label: 'Style', points: 2 });
    expect(other.changes).toContain(
      '“Style” (2 points) is new: the 2 graded works score nothing on it until you grade them again.',
    );
  });
});
