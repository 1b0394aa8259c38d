import 'server-only';
import {
  parseRubric,
  parseScores,
  parseStoredRubric,
  scoreTotal,
  storeRubric,
  type RubricCriterion,
  type RubricScores,
} from '@/lib/domain/classroom/rubric';
import {
  describeRubricChange,
  reviseRubric,
  type GradedWork,
} from '@/lib/domain/classroom/rubric-changes';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { sqlDate, sqlNumber } from '../ops/sql-rows';
import { ltiGradeChanged } from '../lti/grades';
import { notify } from '../notifications';
import { READING, requireAssignmentAccess, requireWorkAccess } from './access';
import { memberNames } from './review-parts';
import type { GradeView, ReleasedGrade } from '@/lib/domain/classroom/views';

/**
 * Grades and rubrics. The teacher of the class ('grade.write') edits an assignment's rubric,
 * scores a piece of work against it with overall feedback, and releases or withdraws it. A
 * student ('grade.read-own') sees a grade only once it is released and only for work they are a
 * member of: nothing unreleased ever leaves the server for them.
 */

export function toGradeView(
  workId: string,
  rubric: readonly RubricCriterion[],
  grade: { scores: string; feedback: string; releasedAt: Date | null; updatedAt: Date } | null,
): GradeView {
  const scores = parseScores(grade?.scores);
  const known = Object.fromEntries(
    Object.entries(scores).filter(([key]) => rubric.some((c) => c.id === key)),
  );
  return {
    workId,
    scores: known,
    feedback: grade?.feedback ?? '',
    ...scoreTotal(rubric, known),
    scored: Object.keys(known).length > 0,
    releasedAt: grade?.releasedAt?.toISOString() ?? null,
    updatedAt: grade?.updatedAt.toISOString() ?? null,
  };
}

/** The assignment's rubric, for its teacher. */
export async function getRubric(
  tx: Tx,
  opts: { userId: string; assignmentId: string },
): Promise<RubricCriterion[]> {
  const { assignment } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'grade.write',
    READING,
  );
  return parseRubric(assignment.rubric);
}

/** The scores stored for each graded work of an assignment (removed criteria's too). */
async function gradedWorks(tx: Tx, assignmentId: string): Promise<GradedWork[]> {
  const grades = await tx.grade.findMany({
    where: { work: { assignmentId } },
    select: { scores: true, releasedAt: true },
  });
  return grades
    .map((g) => ({ scores: parseScores(g.scores), released: g.releasedAt !== null }))
    .filter((g) => Object.keys(g.scores).length > 0);
}

/** What the rubric editor needs (teacher only): the rubric, what was removed, the scores given. */
export async function getRubricForEditing(
  tx: Tx,
  opts: { userId: string; assignmentId: string },
): Promise<{ criteria: RubricCriterion[]; removed: RubricCriterion[]; graded: GradedWork[] }> {
  const { assignment } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'grade.write',
    READING,
  );
  return { ...parseStoredRubric(assignment.rubric), graded: await gradedWorks(tx, assignment.id) };
}

/**
 * Replaces the assignment's rubric (already validated by rubricSchema) and says what that did to
 * the scores already given (lib/domain/classroom/rubric-changes.ts): nothing stored is deleted; a
 * removed criterion's scores stop counting and count again when it is added back; a criterion
 * whose points drop counts at most its new points.
 */
export async function updateRubric(
  tx: Tx,
  opts: { userId: string; assignmentId: string; rubric: RubricCriterion[] },
): Promise<{ rubric: RubricCriterion[]; removed: RubricCriterion[]; changes: string[] }> {
  const { assignment } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'grade.write',
  );
  const previous = parseStoredRubric(assignment.rubric);
  const graded = await gradedWorks(tx, assignment.id);
  const next = reviseRubric(
    previous,
    opts.rubric,
    graded.flatMap((g) => Object.keys(g.scores)),
  );
  await tx.assignment.update({
    where: { id: opts.assignmentId },
    data: { rubric: storeRubric(next) },
  });
  return {
    rubric: next.criteria,
    removed: next.removed,
    changes: describeRubricChange(previous, next, graded).lines,
  };
}

/** The grade of one piece of work (private or not), for the teacher. */
export async function getGrade(
  tx: Tx,
  opts: { userId: string; workId: string },
): Promise<GradeView> {
  const { work } = await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write', READING);
  const grade = await tx.grade.findUnique({ where: { workId: work.id } });
  return toGradeView(work.id, parseRubric(work.assignment.rubric), grade);
}

/**
 * Saves the teacher's scores and overall feedback. Every score must name a criterion of the
 * rubric and lie within 0..its points. Scores stored for criteria removed from the rubric are
 * kept (they count again if the criterion is added back). Saving does not change whether the
 * grade is released.
 */
export async function saveGrade(
  tx: Tx,
  opts: { userId: string; workId: string; scores: RubricScores; feedback: string },
): Promise<GradeView> {
  const { work } = await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write');
  const rubric = parseRubric(work.assignment.rubric);
  for (const [key, value] of Object.entries(opts.scores)) {
    const criterion = rubric.find((c) => c.id === key);
    if (!criterion) {
      throw new AppError(
        'INVALID',
        'The rubric has changed since this page was opened. Reload it to grade again.',
      );
    }
    if (!Number.isInteger(value) || value < 0 || value > criterion.points) {
      throw new AppError(
        'INVALID',
        `${criterion.label} is scored from 0 to ${criterion.points} points.`,
        `score-${criterion.id}`,
      );
    }
  }
  if (opts.feedback.length > 5000) {
    throw new AppError('INVALID', 'Overall feedback is at most 5000 characters.', 'feedback');
  }
  const stored = parseScores(
    (await tx.grade.findUnique({ where: { workId: work.id }, select: { scores: true } }))?.scores,
  );
  const kept = Object.fromEntries(
    Object.entries(stored).filter(([id]) => !rubric.some((c) => c.id === id)),
  );
  const data = { scores: JSON.stringify({ ...kept, ...opts.scores }), feedback: opts.feedback };
  const grade = await tx.grade.upsert({
    where: { workId: work.id },
    create: { workId: work.id, ...data },
    update: data,
  });
  // A released grade changed: the LMS's gradebook follows (lib/server/lti/grades.ts).
  if (grade.releasedAt) await ltiGradeChanged(tx, { workId: work.id, released: true });
  return toGradeView(work.id, rubric, grade);
}

/**
 * Releases (students see the grade and the claim feedback from now on) or withdraws a work's
 * grade and feedback. Releasing work that has no grade yet releases its feedback alone.
 */
export async function setGradeReleased(
  tx: Tx,
  opts: { userId: string; workId: string; released: boolean },
): Promise<GradeView> {
  const { work } = await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write');
  const before = await tx.grade.findUnique({
    where: { workId: work.id },
    select: { releasedAt: true },
  });
  const releasedAt = opts.released ? new Date() : null;
  const grade = await tx.grade.upsert({
    where: { workId: work.id },
    create: { workId: work.id, releasedAt },
    update: { releasedAt },
  });
  if (opts.released && !before?.releasedAt) await feedbackReleased(tx, opts.userId, work);
  // The LMS's gradebook gets the score, or loses it when withdrawn (lib/server/lti/grades.ts).
  if (opts.released || before?.releasedAt) {
    await ltiGradeChanged(tx, { workId: work.id, released: opts.released });
  }
  return toGradeView(work.id, parseRubric(work.assignment.rubric), grade);
}

/** Tells a work's students that its feedback is released (the bell). */
function feedbackReleased(
  tx: Tx,
  teacherId: string,
  work: { mapId: string; assignmentId: string; members: { userId: string }[] },
) {
  return notify(
    tx,
    work.members.map((m) => ({
      userId: m.userId,
      kind: 'feedback-released' as const,
      actorId: teacherId,
      mapId: work.mapId,
      data: { assignmentId: work.assignmentId },
    })),
  );
}

/**
 * Releases every piece of work of an assignment that has a grade or claim feedback and is not
 * released yet. Returns how many were released.
 */
export async function releaseAllGrades(
  tx: Tx,
  opts: { userId: string; assignmentId: string },
): Promise<{ released: number }> {
  await requireAssignmentAccess(tx, opts.userId, opts.assignmentId, 'grade.write');
  const works = await tx.assignmentWork.findMany({
    where: { assignmentId: opts.assignmentId },
    select: {
      id: true,
      mapId: true,
      assignmentId: true,
      members: { select: { userId: true } },
      grade: { select: { releasedAt: true } },
      _count: { select: { feedback: true } },
    },
  });
  const now = new Date();
  let released = 0;
  for (const work of works) {
    if (work.grade?.releasedAt) continue;
    if (!work.grade && work._count.feedback === 0) continue;
    await tx.grade.upsert({
      where: { workId: work.id },
      create: { workId: work.id, releasedAt: now },
      update: { releasedAt: now },
    });
    await feedbackReleased(tx, opts.userId, work);
    await ltiGradeChanged(tx, { workId: work.id, released: true });
    released++;
  }
  return { released };
}

/**
 * Every released grade of work `userId` is a member of, in classes they are still in, newest
 * release first (for a student's home page). Nothing unreleased is read. One plain statement: a
 * student's home page reads it at the start of every lesson (as a Prisma query its planning cost
 * more than the rest of the page's reads together).
 */
export async function releasedGradesFor(tx: Tx, userId: string): Promise<ReleasedGrade[]> {
  const rows = await tx.$queryRaw<
    {
      workId: string;
      mapId: string;
      assignmentId: string;
      title: string;
      rubric: string;
      scores: string;
      feedback: string;
      releasedAt: unknown;
      updatedAt: unknown;
      feedbackCount: unknown;
    }[]
  >`SELECT w."id" AS "workId", w."mapId", a."id" AS "assignmentId", a."title", a."rubric",
      g."scores", g."feedback", g."releasedAt", g."updatedAt",
      (SELECT COUNT(*) FROM "claim_feedback" f WHERE f."workId" = w."id") AS "feedbackCount"
    FROM "grade" g
    JOIN "assignment_work" w ON w."id" = g."workId"
    JOIN "assignment" a ON a."id" = w."assignmentId"
    WHERE g."releasedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "work_member" wm WHERE wm."workId" = w."id" AND wm."userId" = ${userId})
      AND EXISTS (SELECT 1 FROM "class_member" cm WHERE cm."classId" = a."classId" AND cm."userId" = ${userId})`;
  return rows
    .map((r): ReleasedGrade => {
      const releasedAt = sqlDate(r.releasedAt)!;
      const view = toGradeView(r.workId, parseRubric(r.rubric), {
        scores: r.scores,
        feedback: r.feedback,
        releasedAt,
        updatedAt: sqlDate(r.updatedAt)!,
      });
      return {
        workId: r.workId,
        assignmentId: r.assignmentId,
        assignmentTitle: r.title,
        mapId: r.mapId,
        earned: view.earned,
        possible: view.possible,
        scored: view.scored,
        feedback: view.feedback,
        releasedAt: releasedAt.toISOString(),
        claimFeedbackCount: sqlNumber(r.feedbackCount) ?? 0,
      };
    })
    .sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
}

export interface WorkGradeSummary {
  workId: string;
  mapId: string;
  /** The team's name, or the students' names for individual and whole-class work. */
  name: string;
  side: string;
  students: string[];
  grade: GradeView;
  claimFeedbackCount: number;
}

/**
 * Every piece of work of an assignment with its grade and release state, for the teacher (the
 * rubric page's list, the dashboard's grade column). Real names: only the teacher reads this.
 */
export async function gradeSummaries(
  tx: Tx,
  opts: { userId: string; assignmentId: string },
): Promise<{
  /** archived: the class is archived, so all of this is read-only. */
  assignment: { id: string; title: string; classId: string; archived: boolean };
  rubric: RubricCriterion[];
  works: WorkGradeSummary[];
}> {
  const { assignment } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'grade.write',
    READING,
  );
  const rubric = parseRubric(assignment.rubric);
  const { archivedAt } = await tx.classroom.findUniqueOrThrow({
    where: { id: assignment.classId },
    select: { archivedAt: true },
  });
  const works = await tx.assignmentWork.findMany({
    where: { assignmentId: assignment.id },
    orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      mapId: true,
      name: true,
      side: true,
      grade: true,
      members: { select: { user: { select: { name: true } } } },
      _count: { select: { feedback: true } },
    },
  });
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      classId: assignment.classId,
      archived: archivedAt !== null,
    },
    rubric,
    works: works.map((w) => {
      const students = memberNames(w.members);
      return {
        workId: w.id,
        mapId: w.mapId,
        name: w.name || students.join(', ') || 'No students yet',
        side: w.side,
        students,
        grade: toGradeView(w.id, rubric, w.grade),
        claimFeedbackCount: w._count.feedback,
      };
    }),
  };
}
