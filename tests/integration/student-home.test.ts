import { describe, expect, it } from 'vitest';
import type { AssignmentSummary, ReleasedGrade } from '@/lib/domain/classroom/views';
import { createAssignment } from '@/lib/server/classroom/assignments';
import { addClassMember, createClass, lockClass } from '@/lib/server/classroom/classes';
import { parseRubric } from '@/lib/domain/classroom/rubric';
import {
  releasedGradesFor,
  saveGrade,
  setGradeReleased,
  toGradeView,
} from '@/lib/server/classroom/grades';
import { homeClasses, studentAssignments } from '@/lib/server/classroom/student-home';
import { sideLabels } from '@/lib/server/classroom/work-view';
import type { Tx } from '@/lib/server/db';
import { createUser, db, debate } from '../support/factories';

// A student's home page reads their assignments and released grades in plain statements
// (lib/server/classroom/student-home.ts, releasedGradesFor). Held here: the same as the Prisma
// readings they replaced (below, as they were), for every kind of assignment and student, on both
// databases.

/** The Prisma reading releasedGradesFor replaced, as it was. */
async function releasedBefore(tx: Tx, userId: string): Promise<ReleasedGrade[]> {
  const works = await tx.assignmentWork.findMany({
    where: {
      members: { some: { userId } },
      grade: { releasedAt: { not: null } },
      assignment: { class: { members: { some: { userId } } } },
    },
    select: {
      id: true,
      mapId: true,
      assignment: { select: { id: true, title: true, rubric: true } },
      grade: true,
      _count: { select: { feedback: true } },
    },
  });
  return works
    .flatMap((work): ReleasedGrade[] => {
      if (!work.grade?.releasedAt) return [];
      const view = toGradeView(work.id, parseRubric(work.assignment.rubric), work.grade);
      return [
        {
          workId: work.id,
          assignmentId: work.assignment.id,
          assignmentTitle: work.assignment.title,
          mapId: work.mapId,
          earned: view.earned,
          possible: view.possible,
          scored: view.scored,
          feedback: view.feedback,
          releasedAt: work.grade.releasedAt.toISOString(),
          claimFeedbackCount: work._count.feedback,
        },
      ];
    })
    .sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
}

/** The Prisma reading studentAssignments replaced, as it was. */
async function asBefore(tx: Tx, userId: string): Promise<AssignmentSummary[]> {
  const rows = await tx.assignment.findMany({
    where: {
      class: { members: { some: { userId } }, archivedAt: null },
      works: { some: { members: { some: { userId } } } },
    },
    select: {
      id: true,
      title: true,
      mode: true,
      round: true,
      dueAt: true,
      class: { select: { id: true, name: true } },
      _count: { select: { works: true } },
    },
    take: 100,
  });
  const released = await releasedBefore(tx, userId);
  const out: AssignmentSummary[] = [];
  for (const r of rows) {
    const work = await tx.assignmentWork.findFirst({
      where: { assignmentId: r.id, members: { some: { userId } } },
      select: {
        id: true,
        mapId: true,
        name: true,
        side: true,
        members: { select: { userId: true, user: { select: { name: true } } } },
        assignment: {
          select: {
            anonymous: true,
            mode: true,
            classId: true,
            debate: { select: { theses: { select: { position: true, label: true } } } },
          },
        },
      },
    });
    let mine = null;
    if (work) {
      const a = work.assignment;
      const pseudonyms = a.anonymous
        ? new Map(
            (
              await tx.classMember.findMany({
                where: { classId: a.classId },
                select: { userId: true, pseudonym: true },
              })
            ).map((m) => [m.userId, m.pseudonym]),
          )
        : null;
      mine = {
        workId: work.id,
        mapId: work.mapId,
        teamName: a.mode === 'team' ? work.name : '',
        side: work.side,
        sideLabels: sideLabels(work.side, a.debate.theses),
        teammates: work.members
          .filter((m) => m.userId !== userId)
          .map((m) => pseudonyms?.get(m.userId) ?? (pseudonyms ? 'Classmate' : m.user.name))
          .sort(),
        released: released.find((g) => g.workId === work.id) ?? null,
      };
    }
    out.push({
      id: r.id,
      title: r.title,
      className: r.class.name,
      classId: r.class.id,
      mode: r.mode,
      round: r.round,
      dueAt: r.dueAt?.toISOString() ?? null,
      workCount: r._count.works,
      mine,
    });
  }
  const due = (a: AssignmentSummary) => (a.dueAt ? Date.parse(a.dueAt) : Number.MAX_SAFE_INTEGER);
  return out.sort((a, b) => due(a) - due(b) || a.title.localeCompare(b.title));
}

async function school() {
  const { debate: d } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const classes: string[] = [];
  for (const name of ['Civics 9', 'History 10']) {
    const { id } = await createClass(db, { userId: teacher.id, name });
    classes.push(id);
  }
  const students: string[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await createUser(`Student ${i + 1}`);
    await db.$transaction(async (tx) => {
      for (const classId of i < 3 ? classes : [classes[0]!]) {
        await lockClass(tx, classId);
        await addClassMember(tx, classId, s.id);
      }
    });
    students.push(s.id);
  }
  const assign = (classId: string, title: string, extra: object) =>
    createAssignment(db, {
      userId: teacher.id,
      classId,
      debateId: d.id,
      title,
      instructions: 'Argue your side.',
      dueAt: null,
      anonymous: false,
      mode: 'individual',
      teamCount: 2,
      sides: 'split',
      ...extra,
    });
  await assign(classes[0]!, 'Own maps', { dueAt: new Date('2030-03-01T09:00:00Z') });
  await assign(classes[0]!, 'Teams', { mode: 'team', dueAt: new Date('2030-02-01T09:00:00Z') });
  await assign(classes[0]!, 'Anonymous teams', { mode: 'team', anonymous: true });
  await assign(classes[0]!, 'Whole class', { mode: 'class', anonymous: true, sides: 'both' });
  const history = await assign(classes[1]!, 'History map', { sides: 'both' });
  // A released grade, and one kept back.
  const works = await db.assignmentWork.findMany({
    where: { assignment: { classId: classes[0]! } },
    include: { members: true },
  });
  const graded = works.filter((w) => w.members.some((m) => m.userId === students[0]));
  for (const [i, work] of graded.slice(0, 2).entries()) {
    const scores = { evidence: 3 + i, clarity: 2 };
    await saveGrade(db, { userId: teacher.id, workId: work.id, scores, feedback: `Fine ${i}` });
    if (i === 0)
      await setGradeReleased(db, { userId: teacher.id, workId: work.id, released: true });
  }
  return { teacher: teacher.id, classes, students, historyId: history.id };
}

describe('a student’s home page', () => {
  it('lists the same assignments as the Prisma reading it replaced', async () => {
    const w = await school();
    // No longer a member of a class: none of its assignments, even with work left in it.
    await db.classMember.deleteMany({ where: { classId: w.classes[1]!, userId: w.students[2]! } });
    expect((await studentAssignments(db, w.students[2]!)).map((a) => a.title)).not.toContain(
      'History map',
    );
    // An archived class is hidden.
    await db.classroom.update({ where: { id: w.classes[1]! }, data: { archivedAt: new Date() } });
    const readers = [...w.students, w.teacher];
    for (const userId of readers) {
      expect(await studentAssignments(db, userId)).toEqual(await asBefore(db, userId));
      expect(await releasedGradesFor(db, userId)).toEqual(await releasedBefore(db, userId));
    }
    const first = await studentAssignments(db, w.students[0]!);
    expect(first.map((a) => a.title)).toEqual([
      'Teams',
      'Own maps',
      'Anonymous teams',
      'Whole class',
    ]);
    expect(first.flatMap((a) => a.mine?.released ?? [])).toMatchObject([
      { earned: 5, possible: 12, scored: true, feedback: 'Fine 0', claimFeedbackCount: 0 },
    ]);
    const whole = first.find((a) => a.title === 'Whole class')!.mine!;
    // Anonymous: classmates by pseudonym, never by name.
    expect(whole.teammates).toHaveLength(4);
    expect(whole.teammates.join()).not.toMatch(/Student/);
    expect(first.find((a) => a.title === 'Teams')!.mine!.teammates.join()).toMatch(/Student/);

    // The archived class back: its assignment returns, for those in it.
    await db.classroom.update({ where: { id: w.classes[1]! }, data: { archivedAt: null } });
    for (const userId of readers) {
      expect(await studentAssignments(db, userId)).toEqual(await asBefore(db, userId));
    }
    expect((await studentAssignments(db, w.students[1]!)).map((a) => a.title)).toContain(
      'History map',
    );
    expect((await studentAssignments(db, w.students[4]!)).map((a) => a.title)).not.toContain(
      'History map',
    );
  });

  it('says what the home page shows above the debate: a teacher’s classes, a student’s', async () => {
    const w = await school();
    expect(await homeClasses(db, w.teacher)).toEqual({
      teaching: [
        { id: w.classes[1], name: 'History 10', studentCount: 3 },
        { id: w.classes[0], name: 'Civics 9', studentCount: 5 },
      ],
      attends: false,
    });
    expect(await homeClasses(db, w.students[0]!)).toEqual({ teaching: null, attends: true });
    await db.classroom.updateMany({
      where: { id: { in: w.classes } },
      data: { archivedAt: new Date() },
    });
    expect(await homeClasses(db, w.students[0]!)).toEqual({ teaching: null, attends: false });
    expect((await homeClasses(db, w.teacher)).teaching).toEqual([]);
    const nobody = await createUser('Nobody');
    expect(await homeClasses(db, nobody.id)).toEqual({ teaching: null, attends: false });
  });
});
