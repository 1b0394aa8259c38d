import 'server-only';
import type { Tx } from '../db';
import { requireAssignmentAccess, requireClassAccess } from './access';
import { listDebatesFor } from './debates';
import { releasedGradesFor } from './grades';
import { sideLabels } from './work-view';
import type {
  AssignmentPage,
  AssignmentSummary,
  ReleasedGrade,
  StudentWork,
} from '@/lib/domain/classroom/views';

/**
 * What the assignment pages, the class page and a student's home page show. Access is checked
 * here: a teacher sees every piece of work with real names; a student sees only their own work,
 * and classmates under pseudonyms when the assignment is anonymous.
 */

const workSelect = () =>
  ({
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
  }) as const;

async function pseudonymsOf(tx: Tx, classId: string) {
  const rows = await tx.classMember.findMany({
    where: { classId },
    select: { userId: true, pseudonym: true },
  });
  return new Map(rows.map((r) => [r.userId, r.pseudonym]));
}

async function studentWork(
  tx: Tx,
  userId: string,
  assignmentId: string,
  released: ReleasedGrade[],
): Promise<StudentWork | null> {
  const work = await tx.assignmentWork.findFirst({
    where: { assignmentId, members: { some: { userId } } },
    select: workSelect(),
  });
  if (!work) return null;
  const a = work.assignment;
  const pseudonyms = a.anonymous ? await pseudonymsOf(tx, a.classId) : null;
  return {
    workId: work.id,
    mapId: work.mapId,
    teamName: a.mode === 'team' ? work.name : '',
    side: work.side,
    sideLabels: sideLabels(work.side, a.debate.theses),
    teammates: work.members
      .filter((m) => m.userId !== userId)
      .map((m) => pseudonyms?.get(m.userId) ?? (pseudonyms ? 'Classmate' : m.user.name))
      .sort(),
    released: released.find((r) => r.workId === work.id) ?? null,
  };
}

/**
 * What the New assignment page shows (the class's teacher only): the class's name, the debates
 * the teacher may set, and how many students the class has.
 */
export async function newAssignmentForm(tx: Tx, opts: { userId: string; classId: string }) {
  const { class: cls } = await requireClassAccess(
    tx,
    opts.userId,
    opts.classId,
    'assignment.manage',
  );
  const [debates, studentCount] = await Promise.all([
    listDebatesFor(tx, opts.userId),
    tx.classMember.count({ where: { classId: cls.id } }),
  ]);
  return { className: cls.name, timeZone: cls.timeZone, debates, studentCount };
}

/** A class's assignments, newest first: all of them for its teacher, with the student's work. */
export async function listClassAssignments(
  tx: Tx,
  opts: { userId: string; classId: string },
): Promise<AssignmentSummary[]> {
  const { class: cls, role } = await requireClassAccess(
    tx,
    opts.userId,
    opts.classId,
    'class.read',
  );
  const rows = await tx.assignment.findMany({
    where: { classId: cls.id },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      mode: true,
      round: true,
      dueAt: true,
      _count: { select: { works: true } },
    },
  });
  const released = role === 'student' ? await releasedGradesFor(tx, opts.userId) : [];
  const out: AssignmentSummary[] = [];
  for (const r of rows) {
    const mine = role === 'student' ? await studentWork(tx, opts.userId, r.id, released) : null;
    if (role === 'student' && !mine) continue;
    out.push({
      id: r.id,
      title: r.title,
      className: cls.name,
      classId: cls.id,
      mode: r.mode,
      round: r.round,
      dueAt: r.dueAt?.toISOString() ?? null,
      workCount: r._count.works,
      mine,
    });
  }
  return out;
}

/** One assignment as its viewer may see it. */
export async function getAssignmentPage(
  tx: Tx,
  opts: { userId: string; assignmentId: string },
): Promise<AssignmentPage> {
  const { assignment, role } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'class.read',
  );
  const [cls, debate, nextRounds] = await Promise.all([
    tx.classroom.findUniqueOrThrow({
      where: { id: assignment.classId },
      select: { id: true, name: true, archivedAt: true, timeZone: true },
    }),
    tx.debate.findUniqueOrThrow({
      where: { id: assignment.debateId },
      select: {
        id: true,
        motion: true,
        theses: {
          select: { position: true, label: true, text: true },
          orderBy: { position: 'asc' },
        },
      },
    }),
    tx.assignment.findMany({ where: { previousRoundId: assignment.id }, select: { id: true } }),
  ]);
  const base = {
    role,
    assignment: {
      id: assignment.id,
      title: assignment.title,
      instructions: assignment.instructions,
      dueAt: assignment.dueAt?.toISOString() ?? null,
      mode: assignment.mode,
      anonymous: assignment.anonymous,
      round: assignment.round,
      previousRoundId: assignment.previousRoundId,
      nextRoundIds: nextRounds.map((r) => r.id),
    },
    class: {
      id: cls.id,
      name: cls.name,
      archived: cls.archivedAt !== null,
      timeZone: cls.timeZone,
    },
    debate,
  };
  if (role === 'student') {
    const released = await releasedGradesFor(tx, opts.userId);
    const mine = await studentWork(tx, opts.userId, assignment.id, released);
    return { ...base, works: [], students: [], mine };
  }
  const [works, students] = await Promise.all([
    tx.assignmentWork.findMany({
      where: { assignmentId: assignment.id },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        name: true,
        side: true,
        mapId: true,
        members: { select: { userId: true, user: { select: { name: true } } } },
      },
    }),
    tx.classMember.findMany({
      where: { classId: assignment.classId },
      select: { userId: true, user: { select: { name: true } } },
    }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    ...base,
    works: works.map((w) => ({
      id: w.id,
      name: w.name || w.members[0]?.user.name || 'No student (removed from the class)',
      side: w.side,
      mapId: w.mapId,
      members: w.members.map((m) => ({ userId: m.userId, name: m.user.name })).sort(byName),
    })),
    students: students.map((s) => ({ userId: s.userId, name: s.user.name })).sort(byName),
    mine: null,
  };
}
