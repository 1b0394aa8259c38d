import 'server-only';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { secureRandomInt, type RandomInt } from '@/lib/domain/classroom/random';
import {
  clampTeamCount,
  isSide,
  planSides,
  smallerSide,
  smallestGroup,
  splitEvenly,
  swapSide,
  teamName,
  type Mode,
  type Side,
  type SidePlan,
} from '@/lib/domain/classroom/teams';
import { AppError } from '@/lib/errors';
import type { Db, Tx } from '../db';
import { lockMap } from '../locks';
import { createMap } from '../maps';
import { requireAssignmentAccess, requireClassAccess } from './access';
import { lockClass } from './classes';
import { requireDebateRead } from './debates';

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

interface NewWork {
  name: string;
  side: Side;
  studentIds: string[];
}

const mapTitle = (assignmentTitle: string, workName: string) =>
  `${assignmentTitle} — ${workName}`.slice(0, 200);

/** Creates one piece of work: its map (owned by the teacher), members and editors. */
async function createWork(
  tx: Tx,
  a: { id: string; title: string; debateId: string; teacherId: string },
  work: NewWork,
  studentNames: Map<string, string>,
) {
  const label = work.name || studentNames.get(work.studentIds[0] ?? '') || 'Student';
  const map = await createMap(tx, {
    userId: a.teacherId,
    title: mapTitle(a.title, label),
    debateId: a.debateId,
  });
  const created = await tx.assignmentWork.create({
    data: { assignmentId: a.id, name: work.name, side: work.side, mapId: map.id },
    select: { id: true },
  });
  for (const userId of work.studentIds) {
    await tx.workMember.create({ data: { workId: created.id, userId } });
    await tx.mapMember.create({ data: { mapId: map.id, userId, role: 'editor' } });
  }
  return created;
}

async function studentsOf(tx: Tx, classId: string) {
  const rows = await tx.classMember.findMany({
    where: { classId },
    select: { userId: true, user: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ id: r.userId, name: r.user.name }));
}

/** The pieces of work for a new assignment: by mode, with sides by plan. */
export function planWorks(
  students: { id: string; name: string }[],
  mode: Mode,
  opts: { teamCount: number; sides: SidePlan; teamFill?: 'random' | 'empty' },
  random: RandomInt,
): NewWork[] {
  if (mode === 'class') {
    const side: Side = opts.sides === 'split' ? 'both' : opts.sides;
    return [{ name: 'Whole class', side, studentIds: students.map((s) => s.id) }];
  }
  if (mode === 'team') {
    if (opts.teamFill === 'empty') {
      // Teams made by hand: the teacher puts each student in a team on the assignment page.
      const count = Math.min(Math.max(1, Math.floor(opts.teamCount) || 1), 100);
      const sides = planSides(count, opts.sides, random);
      return sides.map((side, i) => ({ name: teamName(i), side, studentIds: [] }));
    }
    const count = clampTeamCount(opts.teamCount, students.length);
    const teams = splitEvenly(students, count, random);
    const sides = planSides(count, opts.sides, random);
    return teams.map((team, i) => ({
      name: teamName(i),
      side: sides[i]!,
      studentIds: team.map((s) => s.id),
    }));
  }
  const sides = planSides(students.length, opts.sides, random);
  return students.map((s, i) => ({ name: '', side: sides[i]!, studentIds: [s.id] }));
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
  await db.$transaction(async (tx) => {
    await requireAssignmentAccess(tx, opts.userId, opts.assignmentId, 'assignment.manage');
    await tx.assignment.update({
      where: { id: opts.assignmentId },
      data: {
        title: opts.title,
        instructions: opts.instructions,
        dueAt: opts.dueAt,
        anonymous: opts.anonymous,
      },
    });
  });
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
    await requireAssignmentAccess(tx, opts.userId, opts.assignmentId, 'assignment.manage');
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
    const { assignment } = await requireAssignmentAccess(
      tx,
      opts.userId,
      opts.assignmentId,
      'assignment.manage',
    );
    if (assignment.mode !== 'team') throw new AppError('INVALID', 'Only teams have names.');
    await workOf(tx, opts.assignmentId, opts.workId);
    await tx.assignmentWork.update({ where: { id: opts.workId }, data: { name: opts.name } });
  });
}

/** Adds an empty team (team mode), to fill by moving students into it. */
export async function addTeam(db: Db, opts: { userId: string; assignmentId: string }) {
  return db.$transaction(async (tx) => {
    const { assignment } = await requireAssignmentAccess(
      tx,
      opts.userId,
      opts.assignmentId,
      'assignment.manage',
    );
    if (assignment.mode !== 'team')
      throw new AppError('INVALID', 'Only team assignments have teams.');
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
  await db.$transaction(async (tx) => {
    const { assignment } = await requireAssignmentAccess(
      tx,
      opts.userId,
      opts.assignmentId,
      'assignment.manage',
    );
    if (assignment.mode !== 'team') {
      throw new AppError('INVALID', 'Students can only be moved between teams.');
    }
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
  });
}

/**
 * Round 2: a new assignment on the same debate, with the same teams (or students) on the other
 * side and fresh maps. The first round and its maps stay as they are.
 */
export async function startNextRound(
  db: Db,
  opts: { userId: string; assignmentId: string },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { assignment } = await requireAssignmentAccess(
      tx,
      opts.userId,
      opts.assignmentId,
      'assignment.manage',
    );
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
        dueAt: null,
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
    await requireAssignmentAccess(tx, opts.userId, opts.assignmentId, 'assignment.manage');
    const works = await tx.assignmentWork.findMany({
      where: { assignmentId: opts.assignmentId },
      select: { mapId: true },
    });
    await tx.assignment.delete({ where: { id: opts.assignmentId } });
    await tx.argumentMap.deleteMany({ where: { id: { in: works.map((w) => w.mapId) } } });
  });
}

/**
 * Gives a student who has just joined a class (by code or added by the teacher) a place in the
 * class's existing assignments: their own map in individual ones (on the side fewer argue), the
 * whole-class map, and the smallest team. Runs in the caller's transaction, class locked.
 */
export async function provisionNewStudent(tx: Tx, classId: string, userId: string): Promise<void> {
  const assignments = await tx.assignment.findMany({
    where: { classId },
    include: {
      class: { select: { teacherId: true } },
      works: { include: { members: { select: { userId: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  for (const a of assignments) {
    if (a.works.some((w) => w.members.some((m) => m.userId === userId))) continue;
    if (a.mode === 'individual') {
      const sides = a.works.map((w) => (isSide(w.side) ? w.side : 'both'));
      await createWork(
        tx,
        { ...a, teacherId: a.class.teacherId },
        { name: '', side: smallerSide(sides), studentIds: [userId] },
        new Map([[userId, user.name]]),
      );
      continue;
    }
    if (a.works.length === 0) continue;
    const target = a.works[smallestGroup(a.works.map((w) => w.members.length))]!;
    await tx.workMember.create({ data: { workId: target.id, userId } });
    await tx.mapMember.upsert({
      where: { mapId_userId: { mapId: target.mapId, userId } },
      create: { mapId: target.mapId, userId, role: 'editor' },
      update: { role: 'editor' },
    });
  }
}
