import 'server-only';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { secureRandomInt, type RandomInt } from '@/lib/domain/classroom/random';
import {
  isSide,
  smallerSide,
  swapSide,
  teamName,
  type Mode,
  type SidePlan,
} from '@/lib/domain/classroom/teams';
import { AppError } from '@/lib/errors';
import type { Db, Tx } from '../db';
import { accessChanged } from '../live/access';
import { lockMap } from '../locks';
import { requireAssignmentAccess, requireClassAccess } from './access';
import { lockClass } from './classes';
import { requireDebateRead } from './debates';
import { createWork, planWorks, studentsOf } from './works';

/**
 * Assignments: a debate set for a class, and its pieces of work (AssignmentWork), each one map.
 * The teacher owns every map; the work's students are its editors (MapMember, kept in step with
 * WorkMember by the functions here). Every function checks access through ./access.ts.
 */

export interface AssignmentInput {
  title: string;
  debateId: string;
  instructions: string;
  dueAt: Date | null;
  anonymous: boolean;
}

/** Creates an assignment and all its work (maps, members) in one transaction. */
export async function createAssignment(
  db: Db,
  opts: AssignmentInput & {
    userId: string;
    classId: string;
    mode: Mode;
    teamCount: number;
    teamFill?: 'random' | 'empty';
    sides: SidePlan;
    random?: RandomInt;
  },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { class: cls } = await requireClassAccess(
      tx,
      opts.userId,
      opts.classId,
      'assignment.manage',
    );
    await requireDebateRead(tx, opts.userId, opts.debateId);
    await lockClass(tx, cls.id);
    const students = await studentsOf(tx, cls.id);
    const assignment = await tx.assignment.create({
      data: {
        classId: cls.id,
        debateId: opts.debateId,
        title: opts.title,
        instructions: opts.instructions,
        dueAt: opts.dueAt,
        mode: opts.mode,
        anonymous: opts.anonymous,
        rubric: JSON.stringify(DEFAULT_RUBRIC),
      },
    });
    const names = new Map(students.map((s) => [s.id, s.name]));
    const works = planWorks(students, opts.mode, opts, opts.random ?? secureRandomInt);
    const a = { ...assignment, teacherId: cls.teacherId };
    for (const work of works) await createWork(tx, a, work, names);
    return { id: assignment.id };
  });
}

/** Changes an assignment's title, instructions, due date and anonymity (not its mode). */
export async function updateAssignment(
  db: Db,
  opts: Omit<AssignmentInput, 'debateId'> & { userId: string; assignmentId: string },
) {
  const readers = await db.$transaction(async (tx) => {
    const assignment = await managed(tx, opts);
    await tx.assignment.update({
      where: { id: opts.assignmentId },
      data: {
        title: opts.title,
        instructions: opts.instructions,
        dueAt: opts.dueAt,
        anonymous: opts.anonymous,
      },
    });
    if (assignment.anonymous === opts.anonymous) return [];
    // Names shown or hidden: everyone with one of its maps open sees it anew.
    return tx.workMember.findMany({
      where: { work: { assignmentId: opts.assignmentId } },
      select: { userId: true, work: { select: { mapId: true } } },
    });
  });
  accessChanged(
    ...readers.map((r) => ({ userId: r.userId, reason: 'role' as const, mapIds: [r.work.mapId] })),
  );
}

/** The assignment, for its teacher; `teamOnly` refuses other modes with that message. */
async function managed(tx: Tx, opts: { userId: string; assignmentId: string }, teamOnly?: string) {
  const { assignment } = await requireAssignmentAccess(
    tx,
    opts.userId,
    opts.assignmentId,
    'assignment.manage',
  );
  if (teamOnly && assignment.mode !== 'team') throw new AppError('INVALID', teamOnly);
  return assignment;
}

async function workOf(tx: Tx, assignmentId: string, workId: string) {
  const work = await tx.assignmentWork.findFirst({ where: { id: workId, assignmentId } });
  if (!work) throw new AppError('NOT_FOUND', 'That piece of work is not in this assignment.');
  return work;
}

/** Sets which thesis a piece of work argues. */
export async function setWorkSide(
  db: Db,
  opts: { userId: string; assignmentId: string; workId: string; side: string },
) {
  if (!isSide(opts.side)) throw new AppError('INVALID', 'Choose thesis 1, thesis 2 or both.');
  const side = opts.side;
  await db.$transaction(async (tx) => {
    await managed(tx, opts);
    await workOf(tx, opts.assignmentId, opts.workId);
    await tx.assignmentWork.update({ where: { id: opts.workId }, data: { side } });
  });
}

/** Renames a team (its map keeps its title). */
export async function renameTeam(
  db: Db,
  opts: { userId: string; assignmentId: string; workId: string; name: string },
) {
  await db.$transaction(async (tx) => {
    await managed(tx, opts, 'Only teams have names.');
    await workOf(tx, opts.assignmentId, opts.workId);
    await tx.assignmentWork.update({ where: { id: opts.workId }, data: { name: opts.name } });
  });
}

/** Adds an empty team (team mode), to fill by moving students into it. */
export async function addTeam(db: Db, opts: { userId: string; assignmentId: string }) {
  return db.$transaction(async (tx) => {
    const assignment = await managed(tx, opts, 'Only team assignments have teams.');
    const cls = await tx.classroom.findUniqueOrThrow({ where: { id: assignment.classId } });
    await lockClass(tx, cls.id);
    const works = await tx.assignmentWork.findMany({
      where: { assignmentId: assignment.id },
      select: { side: true },
    });
    if (works.length >= 100) throw new AppError('INVALID', 'An assignment has at most 100 teams.');
    const sides = works.map((w) => (isSide(w.side) ? w.side : 'both'));
    return createWork(
      tx,
      { ...assignment, teacherId: cls.teacherId },
      { name: teamName(works.length), side: smallerSide(sides), studentIds: [] },
      new Map(),
    );
  });
}

/**
 * Moves a student to another team of the assignment: their membership of the old team's work and
 * their editor role on its map end, and they become a member and editor of the new one.
 */
export async function moveStudent(
  db: Db,
  opts: { userId: string; assignmentId: string; studentId: string; toWorkId: string },
) {
  const left = await db.$transaction(async (tx) => {
    const assignment = await managed(tx, opts, 'Students can only be moved between teams.');
    await lockClass(tx, assignment.classId);
    const inClass = await tx.classMember.findUnique({
      where: { classId_userId: { classId: assignment.classId, userId: opts.studentId } },
    });
    if (!inClass) throw new AppError('NOT_FOUND', 'That student is not in this class.');
    const target = await workOf(tx, assignment.id, opts.toWorkId);
    const current = await tx.assignmentWork.findMany({
      where: { assignmentId: assignment.id, members: { some: { userId: opts.studentId } } },
      select: { id: true, mapId: true },
    });
    for (const mapId of [target.mapId, ...current.map((w) => w.mapId)].sort()) {
      await lockMap(tx, mapId);
    }
    for (const w of current) {
      if (w.id === target.id) continue;
      await tx.workMember.delete({
        where: { workId_userId: { workId: w.id, userId: opts.studentId } },
      });
      await tx.mapMember.deleteMany({ where: { mapId: w.mapId, userId: opts.studentId } });
    }
    await tx.workMember.upsert({
      where: { workId_userId: { workId: target.id, userId: opts.studentId } },
      create: { workId: target.id, userId: opts.studentId },
      update: {},
    });
    await tx.mapMember.upsert({
      where: { mapId_userId: { mapId: target.mapId, userId: opts.studentId } },
      create: { mapId: target.mapId, userId: opts.studentId, role: 'editor' },
      update: { role: 'editor' },
    });
    return current.filter((w) => w.id !== target.id).map((w) => w.mapId);
  });
  // Their open pages of the old team's map end at once.
  if (left.length > 0) accessChanged({ userId: opts.studentId, reason: 'moved', mapIds: left });
}

/**
 * Round 2: a new assignment on the same debate, with the same teams (or students) on the other
 * side and fresh maps, due when the teacher says (or with no due date). The first round and its maps stay as they are.
 */
export async function startNextRound(
  db: Db,
  opts: { userId: string; assignmentId: string; dueAt?: Date | null },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const assignment = await managed(tx, opts);
    const cls = await tx.classroom.findUniqueOrThrow({ where: { id: assignment.classId } });
    await lockClass(tx, cls.id);
    const next = await tx.assignment.create({
      data: {
        classId: assignment.classId,
        debateId: assignment.debateId,
        title:
          `${assignment.title.replace(/ \(round \d+\)$/, '')} (round ${assignment.round + 1})`.slice(
            0,
            120,
          ),
        instructions: assignment.instructions,
        dueAt: opts.dueAt ?? null,
        mode: assignment.mode,
        anonymous: assignment.anonymous,
        round: assignment.round + 1,
        previousRoundId: assignment.id,
        rubric: assignment.rubric,
      },
    });
    const works = await tx.assignmentWork.findMany({
      where: { assignmentId: assignment.id },
      orderBy: { createdAt: 'asc' },
      include: { members: { select: { userId: true, user: { select: { name: true } } } } },
    });
    const names = new Map(works.flatMap((w) => w.members.map((m) => [m.userId, m.user.name])));
    const a = { ...next, teacherId: cls.teacherId };
    for (const w of works) {
      await createWork(
        tx,
        a,
        {
          name: w.name,
          side: swapSide(isSide(w.side) ? w.side : 'both'),
          studentIds: w.members.map((m) => m.userId),
        },
        names as Map<string, string>,
      );
    }
    return { id: next.id };
  });
}

/** Deletes an assignment with its maps (they belong to it). */
export async function deleteAssignment(db: Db, opts: { userId: string; assignmentId: string }) {
  await db.$transaction(async (tx) => {
    await managed(tx, opts);
    const works = await tx.assignmentWork.findMany({
      where: { assignmentId: opts.assignmentId },
      select: { mapId: true },
    });
    await tx.assignment.delete({ where: { id: opts.assignmentId } });
    await tx.argumentMap.deleteMany({ where: { id: { in: works.map((w) => w.mapId) } } });
  });
}
