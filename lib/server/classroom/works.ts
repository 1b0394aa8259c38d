import 'server-only';
import type { RandomInt } from '@/lib/domain/classroom/random';
import {
  clampTeamCount,
  isSide,
  planSides,
  smallerSide,
  smallestGroup,
  splitEvenly,
  teamName,
  type Mode,
  type Side,
  type SidePlan,
} from '@/lib/domain/classroom/teams';
import type { Tx } from '../db';
import { createMap } from '../maps';
import { truncate } from '@/lib/domain/text';

/**
 * The pieces of work of an assignment (AssignmentWork): one map each, owned by the class's
 * teacher, with its students as members (WorkMember) and as the map's editors (MapMember), always
 * written together here. Callers check access and hold the class lock.
 */

export interface NewWork {
  name: string;
  side: Side;
  studentIds: string[];
}

const mapTitle = (assignmentTitle: string, workName: string) =>
  truncate(`${assignmentTitle} — ${workName}`, 200);

/** Creates one piece of work: its map (owned by the teacher), members and editors. */
export async function createWork(
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

export async function studentsOf(tx: Tx, classId: string) {
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
