import { describe, expect, it } from 'vitest';
import { requireMapAccess } from '@/lib/server/access';
import {
  addTeam,
  createAssignment,
  deleteAssignment,
  moveStudent,
  renameTeam,
  setWorkSide,
  startNextRound,
  updateAssignment,
} from '@/lib/server/classroom/assignments';
import { getAssignmentPage, listClassAssignments } from '@/lib/server/classroom/assignment-views';
import { studentAssignments } from '@/lib/server/classroom/student-home';
import { addClassMember, createClass, joinClass, lockClass } from '@/lib/server/classroom/classes';
import { removeStudent } from '@/lib/server/classroom/roster';
import { listMyMaps } from '@/lib/server/maps';
import { createAssignmentSchema } from '@/lib/schemas/assignments';
import { createUser, db, debate } from '../support/factories';

/** A teacher and a class of `size` students on the seeded debate. */
async function classWorld(size: number) {
  const { debate: d } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id } = await createClass(db, { userId: teacher.id, name: 'Civics 9' });
  const cls = await db.classroom.findUniqueOrThrow({ where: { id } });
  const students = [];
  for (let i = 0; i < size; i++) students.push(await enrol(cls.id, `Student${i + 1}`));
  return { debateId: d.id, teacher, cls, students };
}

/** A new student added by the teacher (addClassMember, which provisions their assignments). */
async function enrol(classId: string, name: string) {
  const s = await createUser(name);
  await db.$transaction(async (tx) => {
    await lockClass(tx, classId);
    await addClassMember(tx, classId, s.id);
  });
  return s;
}

type World = Awaited<ReturnType<typeof classWorld>>;

function create(w: World, mode: 'individual' | 'team' | 'class', extra: object = {}) {
  return createAssignment(db, {
    userId: w.teacher.id,
    classId: w.cls.id,
    debateId: w.debateId,
    title: 'Olympic thaw',
    instructions: 'Argue your side.',
    dueAt: new Date('2030-01-01T12:00:00Z'),
    anonymous: false,
    mode,
    teamCount: 2,
    sides: 'split',
    ...extra,
  });
}

async function worksOf(assignmentId: string) {
  return db.assignmentWork.findMany({
    where: { assignmentId },
    include: { members: true, map: { include: { members: true } } },
    orderBy: { createdAt: 'asc' },
  });
}

/** Teacher owns every map; its editors are exactly the work's members, who can edit it only. */
async function expectInStep(works: Awaited<ReturnType<typeof worksOf>>, teacherId: string) {
  for (const w of works) {
    for (const m of w.members) {
      await expect(requireMapAccess(db, m.userId, w.mapId, 'map.edit')).resolves.toBeTruthy();
      const elsewhere = works.filter(
        (o) => o.id !== w.id && !o.members.some((x) => x.userId === m.userId),
      );
      for (const o of elsewhere) {
        await refusedWith(requireMapAccess(db, m.userId, o.mapId, 'map.read'), 'NOT_FOUND');
      }
    }
    expect(w.map.ownerId).toBe(teacherId);
    expect(w.map.members.map((m) => m.userId).sort()).toEqual(
      w.members.map((m) => m.userId).sort(),
    );
    for (const m of w.map.members) expect(m.role).toBe('editor');
  }
}

const sideCounts = (works: { side: string }[]) => ({
  first: works.filter((w) => w.side === 'first').length,
  second: works.filter((w) => w.side === 'second').length,
});

async function refusedWith(p: Promise<unknown>, code: 'NOT_FOUND' | 'FORBIDDEN') {
  await expect(p).rejects.toMatchObject({ code });
}

describe('creating assignments', () => {
  it('individual: a map per student, sides split evenly, teacher owns, students edit', async () => {
    const w = await classWorld(5);
    const { id } = await create(w, 'individual');
    const works = await worksOf(id);
    expect(works).toHaveLength(5);
    const { first, second } = sideCounts(works);
    expect(first + second).toBe(5);
    expect(Math.abs(first - second)).toBeLessThanOrEqual(1);
    await expectInStep(works, w.teacher.id);
    for (const work of works) expect(work.members).toHaveLength(1);
    // Each map is titled with its student's name.
    const titles = works.map((x) => x.map.title);
    expect(titles.some((t) => t.includes('Student1'))).toBe(true);
  });

  it('team: N teams of even sizes, even sides; a student cannot reach another team map', async () => {
    const w = await classWorld(7);
    const { id } = await create(w, 'team', { teamCount: 3 });
    const works = await worksOf(id);
    expect(works).toHaveLength(3);
    const sizes = works.map((x) => x.members.length).sort();
    expect(sizes).toEqual([2, 2, 3]);
    expect(new Set(works.flatMap((x) => x.members.map((m) => m.userId))).size).toBe(7);
    const { first, second } = sideCounts(works);
    expect(Math.abs(first - second)).toBeLessThanOrEqual(1);
    expect(works.map((x) => x.name)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    await expectInStep(works, w.teacher.id);
    const member = works[0]!.members[0]!.userId;
    await expect(requireMapAccess(db, member, works[0]!.mapId, 'map.edit')).resolves.toBeTruthy();
    await refusedWith(requireMapAccess(db, member, works[1]!.mapId, 'map.read'), 'NOT_FOUND');
    await expect(
      requireMapAccess(db, w.teacher.id, works[1]!.mapId, 'map.edit'),
    ).resolves.toMatchObject({ role: 'owner' });
  });

  it('class: one map with everyone; sides "both" when split', async () => {
    const w = await classWorld(4);
    const { id } = await create(w, 'class');
    const works = await worksOf(id);
    expect(works).toHaveLength(1);
    expect(works[0]!.members).toHaveLength(4);
    expect(works[0]!.side).toBe('both');
    await expectInStep(works, w.teacher.id);
  });

  it('everyone on one side when asked; assignment maps stay out of My maps', async () => {
    const w = await classWorld(3);
    const { id } = await create(w, 'individual', { sides: 'second' });
    const works = await worksOf(id);
    expect(works.every((x) => x.side === 'second')).toBe(true);
    expect(await listMyMaps(db, { userId: w.teacher.id })).toEqual([]);
    expect(await listMyMaps(db, { userId: w.students[0]!.id })).toEqual([]);
  });
});

describe('editing an assignment', () => {
  it('moving a student keeps WorkMember and MapMember in step', async () => {
    const w = await classWorld(4);
    const { id } = await create(w, 'team', { teamCount: 2 });
    let works = await worksOf(id);
    const mover = works[0]!.members[0]!.userId;
    await moveStudent(db, {
      userId: w.teacher.id,
      assignmentId: id,
      studentId: mover,
      toWorkId: works[1]!.id,
    });
    works = await worksOf(id);
    expect(works[0]!.members.map((m) => m.userId)).not.toContain(mover);
    expect(works[1]!.members.map((m) => m.userId)).toContain(mover);
    await expectInStep(works, w.teacher.id);
    await refusedWith(requireMapAccess(db, mover, works[0]!.mapId, 'map.read'), 'NOT_FOUND');
  });

  it('empty teams are filled by hand, one student at a time', async () => {
    const w = await classWorld(3);
    const { id } = await create(w, 'team', { teamCount: 2, teamFill: 'empty' });
    let works = await worksOf(id);
    expect(works.map((x) => x.members.length)).toEqual([0, 0]);
    expect(sideCounts(works)).toEqual({ first: 1, second: 1 });
    for (const [i, s] of w.students.entries()) {
      await moveStudent(db, {
        userId: w.teacher.id,
        assignmentId: id,
        studentId: s.id,
        toWorkId: works[i % 2]!.id,
      });
    }
    works = await worksOf(id);
    expect(works.map((x) => x.members.length)).toEqual([2, 1]);
    await expectInStep(works, w.teacher.id);
  });

  it('teacher renames a team, changes a side, edits details, adds a team', async () => {
    const w = await classWorld(4);
    const { id } = await create(w, 'team', { teamCount: 2 });
    const works = await worksOf(id);
    await renameTeam(db, {
      userId: w.teacher.id,
      assignmentId: id,
      workId: works[0]!.id,
      name: 'Owls',
    });
    await setWorkSide(db, {
      userId: w.teacher.id,
      assignmentId: id,
      workId: works[0]!.id,
      side: 'both',
    });
    await updateAssignment(db, {
      userId: w.teacher.id,
      assignmentId: id,
      title: 'Renamed',
      instructions: '',
      dueAt: null,
      anonymous: true,
    });
    await addTeam(db, { userId: w.teacher.id, assignmentId: id });
    const after = await worksOf(id);
    expect(after[0]).toMatchObject({ name: 'Owls', side: 'both' });
    expect(after).toHaveLength(3);
    expect(after[2]!.members).toHaveLength(0);
    expect(await db.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: 'Renamed',
      anonymous: true,
      dueAt: null,
    });
  });

  it('round 2 swaps sides with fresh maps and keeps round 1 as it was', async () => {
    const w = await classWorld(4);
    const { id } = await create(w, 'team', { teamCount: 2 });
    const before = await worksOf(id);
    const dueAt = new Date('2026-12-20T15:00:00.000Z');
    const { id: next } = await startNextRound(db, {
      userId: w.teacher.id,
      assignmentId: id,
      dueAt,
    });
    const round2 = await worksOf(next);
    expect(await db.assignment.findUniqueOrThrow({ where: { id: next } })).toMatchObject({
      round: 2,
      previousRoundId: id,
      dueAt,
    });
    expect(round2).toHaveLength(2);
    for (const [i, w2] of round2.entries()) {
      const w1 = before[i]!;
      expect(w2.side).toBe(w1.side === 'first' ? 'second' : 'first');
      expect(w2.mapId).not.toBe(w1.mapId);
      expect(w2.members.map((m) => m.userId).sort()).toEqual(
        w1.members.map((m) => m.userId).sort(),
      );
    }
    await expectInStep(round2, w.teacher.id);
    const still = await worksOf(id);
    expect(still.map((x) => [x.mapId, x.side])).toEqual(before.map((x) => [x.mapId, x.side]));
  });

  it('deleting an assignment deletes its maps', async () => {
    const w = await classWorld(2);
    const { id } = await create(w, 'individual');
    const mapIds = (await worksOf(id)).map((x) => x.mapId);
    await deleteAssignment(db, { userId: w.teacher.id, assignmentId: id });
    expect(await db.argumentMap.count({ where: { id: { in: mapIds } } })).toBe(0);
    expect(await db.assignment.findUnique({ where: { id } })).toBeNull();
  });
});

describe('a student joining later', () => {
  it('gets their own map, joins the whole-class map and the smallest team', async () => {
    const w = await classWorld(3);
    const individual = await create(w, 'individual');
    const team = await create(w, 'team', { teamCount: 2 });
    const whole = await create(w, 'class');
    const late = await enrol(w.cls.id, 'Late'); // added by the teacher
    const joiner = await createUser('Joiner'); // joins with the class code
    await joinClass(db, { userId: joiner.id, code: w.cls.joinCode! });

    const ind = await worksOf(individual.id);
    expect(ind).toHaveLength(5);
    expect(Math.abs(sideCounts(ind).first - sideCounts(ind).second)).toBe(1);
    for (const u of [late, joiner]) {
      expect(ind.filter((x) => x.members.some((m) => m.userId === u.id))).toHaveLength(1);
    }
    const teams = await worksOf(team.id);
    expect(teams.map((t) => t.members.length).sort()).toEqual([2, 3]);
    const teamOf = (id: string) => teams.filter((t) => t.members.some((m) => m.userId === id));
    expect(teamOf(late.id)).toHaveLength(1);
    expect(teamOf(joiner.id)).toHaveLength(1);
    expect(teamOf(late.id)[0]!.id).not.toBe(teamOf(joiner.id)[0]!.id);
    const cls = await worksOf(whole.id);
    expect(cls[0]!.members.map((m) => m.userId)).toEqual(
      expect.arrayContaining([late.id, joiner.id]),
    );
    for (const works of [ind, teams, cls]) await expectInStep(works, w.teacher.id);
    const mine = await studentAssignments(db, joiner.id);
    expect(mine).toHaveLength(3);
    expect(mine.every((a) => a.mine !== null)).toBe(true);
  });
});

describe('a student home page', () => {
  it('lists their assignments with side labels and team', async () => {
    const w = await classWorld(4);
    const team = await create(w, 'team', { teamCount: 2 });
    await create(w, 'class', { title: 'Whole', dueAt: null });
    const works = await worksOf(team.id);
    const s = works[0]!.members[0]!.userId;
    const theses = await db.thesis.findMany({
      where: { debateId: w.debateId },
      orderBy: { position: 'asc' },
    });
    const list = await studentAssignments(db, s);
    expect(list.map((a) => a.title)).toEqual(['Olympic thaw', 'Whole']);
    const [t, c] = list;
    expect(t!.mine).toMatchObject({ workId: works[0]!.id, teamName: 'Team 1' });
    const label = theses[works[0]!.side === 'first' ? 0 : 1]!.label;
    expect(t!.mine!.sideLabels).toEqual([label]);
    expect(t!.mine!.teammates).toHaveLength(1);
    expect(c!.mine).toMatchObject({ teamName: '', side: 'both' });
    expect(c!.mine!.sideLabels).toEqual(theses.map((x) => x.label));
  });
});

describe('input validation', () => {
  const ok = {
    classId: 'c1',
    debateId: 'd1',
    title: 'Round 1',
    instructions: '',
    dueAt: '2030-01-01T12:00:00Z',
    mode: 'team',
    teamCount: 2,
    sides: 'split',
  };
  it('accepts a good assignment and refuses bad fields', () => {
    expect(createAssignmentSchema.safeParse(ok).success).toBe(true);
    expect(createAssignmentSchema.parse({ ...ok, dueAt: '' }).dueAt).toBeNull();
    for (const bad of [
      { title: '   ' },
      { mode: 'pairs' },
      { dueAt: 'next Tuesday' },
      { dueAt: '2030-13-45T99:00:00Z' },
      { teamCount: 0 },
      { teamCount: 101 },
      { sides: 'random' },
      { title: 'x'.repeat(121) },
    ]) {
      expect(createAssignmentSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
    }
  });
});

describe('authorization', () => {
  /** Everything the assignment functions could change in a class. */
  async function snapshot(classId: string) {
    const assignments = await db.assignment.findMany({
      where: { classId },
      orderBy: { id: 'asc' },
      include: {
        works: {
          orderBy: { id: 'asc' },
          include: {
            members: { orderBy: { userId: 'asc' } },
            map: { include: { members: { orderBy: { userId: 'asc' } } } },
          },
        },
      },
    });
    return { assignments, maps: await db.argumentMap.count() };
  }

  async function outsiders() {
    const w = await classWorld(4);
    const { id } = await create(w, 'team', { teamCount: 2 });
    const works = await worksOf(id);
    // A teacher of another class, with a student of their own.
    const other = await classWorld(1);
    const stranger = await createUser('Stranger');
    // A removed student, removed by the teacher from the roster.
    const removed = works[0]!.members[0]!.userId;
    await removeStudent(db, { userId: w.teacher.id, classId: w.cls.id, studentId: removed });
    const classmate = works[0]!.members[1]!.userId;
    const otherTeam = works[1]!.members[0]!.userId;
    return { w, id, works, other, stranger, removed, classmate, otherTeam };
  }

  function everything(w: World, userId: string, assignmentId: string, workId: string) {
    return {
      create: () =>
        createAssignment(db, {
          userId,
          classId: w.cls.id,
          debateId: w.debateId,
          title: 'x',
          instructions: '',
          dueAt: null,
          anonymous: false,
          mode: 'class',
          teamCount: 1,
          sides: 'both',
        }),
      update: () =>
        updateAssignment(db, {
          userId,
          assignmentId,
          title: 'x',
          instructions: '',
          dueAt: null,
          anonymous: false,
        }),
      side: () => setWorkSide(db, { userId, assignmentId, workId, side: 'first' }),
      rename: () => renameTeam(db, { userId, assignmentId, workId, name: 'x' }),
      addTeam: () => addTeam(db, { userId, assignmentId }),
      move: () => moveStudent(db, { userId, assignmentId, studentId: userId, toWorkId: workId }),
      nextRound: () => startNextRound(db, { userId, assignmentId }),
      remove: () => deleteAssignment(db, { userId, assignmentId }),
    };
  }

  it('refuses strangers, other teachers and removed students every read and write', async () => {
    const { w, id, works, other, stranger, removed } = await outsiders();
    const before = await snapshot(w.cls.id);
    const people = [other.teacher.id, other.students[0]!.id, stranger.id, removed];
    for (const userId of people) {
      for (const [name, run] of Object.entries(everything(w, userId, id, works[1]!.id))) {
        await expect(run(), `${name} by ${userId}`).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      await refusedWith(getAssignmentPage(db, { userId, assignmentId: id }), 'NOT_FOUND');
      await refusedWith(listClassAssignments(db, { userId, classId: w.cls.id }), 'NOT_FOUND');
      expect(await studentAssignments(db, userId)).toEqual([]);
      for (const work of works) {
        await refusedWith(requireMapAccess(db, userId, work.mapId, 'map.read'), 'NOT_FOUND');
      }
    }
    // Nothing changed.
    expect(await snapshot(w.cls.id)).toEqual(before);
  });

  it('refuses students of the class every write, and shows them only their own work', async () => {
    const { w, id, works, classmate, otherTeam } = await outsiders();
    const before = await snapshot(w.cls.id);
    for (const userId of [classmate, otherTeam]) {
      for (const [name, run] of Object.entries(everything(w, userId, id, works[0]!.id))) {
        await expect(run(), `${name} by a student`).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    const page = await getAssignmentPage(db, { userId: otherTeam, assignmentId: id });
    expect(page.works).toEqual([]);
    expect(page.students).toEqual([]);
    expect(page.mine?.workId).toBe(works[1]!.id);
    const list = await listClassAssignments(db, { userId: classmate, classId: w.cls.id });
    expect(list.map((a) => a.mine?.workId)).toEqual([works[0]!.id]);
    await refusedWith(requireMapAccess(db, otherTeam, works[0]!.mapId, 'map.read'), 'NOT_FOUND');
    expect(await snapshot(w.cls.id)).toEqual(before);
  });
});
