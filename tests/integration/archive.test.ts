import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ARCHIVED_WORDS } from '@/lib/domain/classroom/archive';
import { mapRole, requireMapAccess } from '@/lib/server/access';
import { setClassArchived } from '@/lib/server/classroom/archive';
import { createManagedStudents, resetStudentPassword } from '@/lib/server/classroom/accounts';
import {
  createAssignment,
  deleteAssignment,
  renameTeam,
  startNextRound,
  updateAssignment,
} from '@/lib/server/classroom/assignments';
import { getAssignmentPage, listClassAssignments } from '@/lib/server/classroom/assignment-views';
import { studentAssignments } from '@/lib/server/classroom/student-home';
import {
  closeJoining,
  createClass,
  getClassPage,
  joinClass,
  listClasses,
  regenerateJoinCode,
  renameClass,
  setClassTimeZone,
} from '@/lib/server/classroom/classes';
import { assignmentDashboard } from '@/lib/server/classroom/dashboard';
import { addClaimFeedback, releasedFeedbackFor } from '@/lib/server/classroom/feedback';
import {
  gradeSummaries,
  releaseAllGrades,
  saveGrade,
  setGradeReleased,
  updateRubric,
} from '@/lib/server/classroom/grades';
import {
  listRemovedStudents,
  listRoster,
  removeStudent,
  rosterCsv,
} from '@/lib/server/classroom/roster';
import { getGradingData } from '@/lib/server/classroom/work-view';
import { deleteMap, getMapForMember, renameMap } from '@/lib/server/maps';
import { getOrCreateShareLink, joinViaLink } from '@/lib/server/share-links';
import { castVote, listVotes } from '@/lib/server/votes';
import { addMark } from '@/lib/server/marks';
import { listSuggestions, suggestClaim } from '@/lib/server/suggestions';
import { apply, createUser, db, debate } from '../support/factories';
import { addClaim, published } from '../support/members';

// An archived class is read-only everywhere (lib/domain/classroom/archive.ts): every write to it
// or to one of its maps, by anyone, is refused with one clear message, inside the server's access
// checks; everything still reads. Unarchiving gives every write back.

const ARCHIVED = { code: 'FORBIDDEN', message: ARCHIVED_WORDS };

async function world() {
  const { debate: d, a } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id: classId } = await createClass(db, {
    userId: teacher.id,
    name: 'Civics 9',
    timeZone: 'America/Chicago',
  });
  const [ada, alan] = await createManagedStudents(db, {
    userId: teacher.id,
    classId,
    names: ['Ada Lovelace', 'Alan Turing'],
  });
  const { id: assignmentId } = await createAssignment(db, {
    userId: teacher.id,
    classId,
    debateId: d.id,
    title: 'Olympic thaw',
    instructions: '',
    dueAt: null,
    anonymous: false,
    mode: 'class',
    teamCount: 1,
    sides: 'split',
  });
  const work = await db.assignmentWork.findFirstOrThrow({ where: { assignmentId } });
  const { joinCode } = await db.classroom.findUniqueOrThrow({ where: { id: classId } });
  const claimId = crypto.randomUUID();
  await apply(ada!.userId, work.mapId, {
    kind: 'claim.add',
    claimId,
    thesisId: a.id,
    parentId: null,
    stance: 'pro',
    text: 'Sport opens doors',
    order: 'a0',
  });
  // Made before the archive: an edit link, a grade.
  const link = await getOrCreateShareLink(db, {
    userId: teacher.id,
    mapId: work.mapId,
    role: 'editor',
  });
  await saveGrade(db, {
    userId: teacher.id,
    workId: work.id,
    scores: { evidence: 3 },
    feedback: 'Good start',
  });
  return {
    teacher: teacher.id,
    ada: ada!.userId,
    alan: alan!.userId,
    classId,
    assignmentId,
    work,
    thesisId: a.id,
    claimId,
    joinCode: joinCode!,
    linkToken: link.token,
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** Every kind of write to the class and its work, by whoever may make it while it is open. */
function writes(w: World) {
  const t = w.teacher;
  const comment = (userId: string) =>
    apply(userId, w.work.mapId, {
      kind: 'comment.add',
      commentId: crypto.randomUUID(),
      claimId: w.claimId,
      parentId: null,
      body: 'Why?',
    });
  return {
    'a student adds a claim': () => addClaim(w.ada, w.work.mapId, w.thesisId),
    'the teacher adds a claim': () => addClaim(t, w.work.mapId, w.thesisId),
    'a student comments': () => comment(w.alan),
    'a student votes': () =>
      castVote(db, { userId: w.alan, mapId: w.work.mapId, claimId: w.claimId, impact: 3 }),
    'a student suggests a claim': () =>
      suggestClaim(db, {
        userId: w.alan,
        mapId: w.work.mapId,
        thesisId: w.thesisId,
        parentId: w.claimId,
        stance: 'con',
        text: 'Not always',
      }),
    'the teacher marks a claim': () =>
      addMark(db, {
        userId: t,
        mapId: w.work.mapId,
        claimId: w.claimId,
        kind: 'needs-quote',
        explanation: '',
      }),
    'the teacher renames the map': () =>
      renameMap(db, { userId: t, mapId: w.work.mapId, title: 'Renamed' }),
    'the teacher shares the map': () =>
      getOrCreateShareLink(db, { userId: t, mapId: w.work.mapId, role: 'commenter' }),
    'the teacher writes claim feedback': () =>
      addClaimFeedback(db, { userId: t, workId: w.work.id, claimId: w.claimId, body: 'Source?' }),
    'the teacher grades': () =>
      saveGrade(db, { userId: t, workId: w.work.id, scores: { evidence: 4 }, feedback: 'Yes' }),
    'the teacher releases the grade': () =>
      setGradeReleased(db, { userId: t, workId: w.work.id, released: true }),
    'the teacher releases every grade': () =>
      releaseAllGrades(db, { userId: t, assignmentId: w.assignmentId }),
    'the teacher changes the rubric': () =>
      updateRubric(db, {
        userId: t,
        assignmentId: w.assignmentId,
        rubric: [{ id: 'evidence', label: 'Evidence', points: 5 }],
      }),
    'the teacher renames the class': () =>
      renameClass(db, { userId: t, classId: w.classId, name: 'Civics 9B' }),
    'the teacher sets its time zone': () =>
      setClassTimeZone(db, { userId: t, classId: w.classId, timeZone: 'Europe/Paris' }),
    'the teacher makes a new code': () => regenerateJoinCode(db, { userId: t, classId: w.classId }),
    'the teacher adds students': () =>
      createManagedStudents(db, { userId: t, classId: w.classId, names: ['Grace Hopper'] }),
    'the teacher resets a password': () =>
      resetStudentPassword(db, { userId: t, classId: w.classId, studentId: w.alan }),
    'the teacher sets a new assignment': async () => {
      const { debate: d } = await debate();
      return createAssignment(db, {
        userId: t,
        classId: w.classId,
        debateId: d.id,
        title: 'Another',
        instructions: '',
        dueAt: null,
        anonymous: false,
        mode: 'individual',
        teamCount: 1,
        sides: 'split',
      });
    },
    'the teacher edits the assignment': () =>
      updateAssignment(db, {
        userId: t,
        assignmentId: w.assignmentId,
        title: 'Olympic thaw, revised',
        instructions: '',
        dueAt: null,
        anonymous: false,
      }),
    'the teacher starts round 2': () =>
      startNextRound(db, { userId: t, assignmentId: w.assignmentId, dueAt: null }),
  };
}

describe('an archived class', () => {
  it('refuses every write, by anyone, with one message; reads go on; unarchiving gives them back', async () => {
    const w = await world();
    await suggestClaim(db, {
      userId: w.alan,
      mapId: w.work.mapId,
      thesisId: w.thesisId,
      parentId: w.claimId,
      stance: 'con',
      text: 'Made before the archive',
    });
    const messages = await published(w.work.mapId, () =>
      setClassArchived(db, { userId: w.teacher, classId: w.classId, archived: true }),
    );
    // Everyone with its maps open is told (their streams check again and end with the reason).
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: w.ada, reason: 'archived', mapIds: [w.work.mapId] }),
        expect.objectContaining({ userId: w.teacher, reason: 'archived' }),
      ]),
    );

    for (const [what, write] of Object.entries(writes(w))) {
      await expect(write(), what).rejects.toMatchObject(ARCHIVED);
    }
    // The teacher still sees every suggestion (their role reads as viewer while archived).
    const listed = await db.$transaction((tx) =>
      listSuggestions(tx, { userId: w.teacher, mapId: w.work.mapId }),
    );
    expect(listed.map((s) => s.text)).toContain('Made before the archive');
    // Roster changes, closing joining, deleting the work: refused alike.
    await expect(
      removeStudent(db, { userId: w.teacher, classId: w.classId, studentId: w.alan }),
    ).rejects.toMatchObject(ARCHIVED);
    await expect(closeJoining(db, { userId: w.teacher, classId: w.classId })).rejects.toMatchObject(
      ARCHIVED,
    );
    await expect(
      renameTeam(db, {
        userId: w.teacher,
        assignmentId: w.assignmentId,
        workId: w.work.id,
        name: 'X',
      }),
    ).rejects.toMatchObject(ARCHIVED);
    await expect(
      deleteAssignment(db, { userId: w.teacher, assignmentId: w.assignmentId }),
    ).rejects.toMatchObject(ARCHIVED);
    await expect(deleteMap(db, { userId: w.teacher, mapId: w.work.mapId })).rejects.toMatchObject(
      ARCHIVED,
    );
    // Nobody comes in: not with the class code, not with the map's edit link.
    const newcomer = await createUser('Newcomer');
    await expect(joinClass(db, { userId: newcomer.id, code: w.joinCode })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'code',
    });
    await expect(
      joinViaLink(db, { userId: newcomer.id, token: w.linkToken }),
    ).rejects.toMatchObject(ARCHIVED);
    // Nothing changed.
    expect(await db.claim.count({ where: { mapId: w.work.mapId } })).toBe(1);
    expect(await db.comment.count({ where: { mapId: w.work.mapId } })).toBe(0);
    expect(await db.claimVote.count({ where: { mapId: w.work.mapId } })).toBe(0);
    expect(await db.classMember.count({ where: { classId: w.classId } })).toBe(2);
    expect(await db.assignment.count({ where: { classId: w.classId } })).toBe(1);
    expect(
      (await db.grade.findUniqueOrThrow({ where: { workId: w.work.id } })).releasedAt,
    ).toBeNull();
    expect((await db.classroom.findUniqueOrThrow({ where: { id: w.classId } })).name).toBe(
      'Civics 9',
    );

    // Reads go on for the teacher and the students; in its maps everyone is a viewer.
    const t = w.teacher;
    await expect(getClassPage(db, { userId: t, classId: w.classId })).resolves.toMatchObject({
      archivedAt: expect.any(String),
      timeZone: 'America/Chicago',
    });
    await expect(getClassPage(db, { userId: w.ada, classId: w.classId })).resolves.toMatchObject({
      role: 'student',
    });
    expect(await listRoster(db, { userId: t, classId: w.classId })).toHaveLength(2);
    await expect(rosterCsv(db, { userId: t, classId: w.classId })).resolves.toBeTruthy();
    await expect(listRemovedStudents(db, { userId: t, classId: w.classId })).resolves.toEqual([]);
    expect(await listClassAssignments(db, { userId: w.ada, classId: w.classId })).toHaveLength(1);
    await expect(
      getAssignmentPage(db, { userId: t, assignmentId: w.assignmentId }),
    ).resolves.toMatchObject({ class: { archived: true } });
    await expect(assignmentDashboard(db, t, w.assignmentId)).resolves.toMatchObject({
      assignment: { archived: true },
    });
    await expect(
      gradeSummaries(db, { userId: t, assignmentId: w.assignmentId }),
    ).resolves.toBeTruthy();
    await expect(
      getGradingData(db, { userId: t, assignmentId: w.assignmentId, workId: w.work.id }),
    ).resolves.toBeTruthy();
    await expect(releasedFeedbackFor(db, w.ada, w.work.id)).resolves.toBeNull();
    for (const who of [t, w.ada]) {
      expect(await mapRole(db, who, w.work.mapId)).toBe('viewer');
      await expect(
        getMapForMember(db, { userId: who, mapId: w.work.mapId }),
      ).resolves.toMatchObject({ role: 'viewer', map: { claims: [expect.anything()] } });
      await expect(listVotes(db, { userId: who, mapId: w.work.mapId })).resolves.toMatchObject({
        canVote: false,
      });
      await expect(requireMapAccess(db, who, w.work.mapId, 'claim.suggest')).rejects.toMatchObject(
        ARCHIVED,
      );
    }
    // Strangers still learn nothing.
    await expect(
      getMapForMember(db, { userId: newcomer.id, mapId: w.work.mapId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Out of the main lists, into "Archived classes"; its assignments off the student's list.
    const lists = await listClasses(db, t);
    expect(lists.teaching.map((c) => c.id)).not.toContain(w.classId);
    expect(lists.archived.teaching.map((c) => c.id)).toContain(w.classId);
    const theirs = await listClasses(db, w.ada);
    expect(theirs.attending).toEqual([]);
    expect(theirs.archived.attending.map((c) => c.id)).toEqual([w.classId]);
    expect(await studentAssignments(db, w.ada)).toEqual([]);

    // Only its teacher archives or unarchives it.
    await expect(
      setClassArchived(db, { userId: w.ada, classId: w.classId, archived: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await createUser('Other teacher');
    await db.user.update({ where: { id: other.id }, data: { accountKind: 'teacher' } });
    await expect(
      setClassArchived(db, { userId: other.id, classId: w.classId, archived: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Unarchived: every write is back, and so is the class in the lists.
    await setClassArchived(db, { userId: t, classId: w.classId, archived: false });
    for (const [what, write] of Object.entries(writes(w))) {
      await expect(write(), what).resolves.not.toThrow();
    }
    expect(await mapRole(db, w.ada, w.work.mapId)).toBe('editor');
    expect(await mapRole(db, t, w.work.mapId)).toBe('owner');
    await expect(joinClass(db, { userId: newcomer.id, code: w.joinCode })).rejects.toMatchObject({
      code: 'NOT_FOUND', // the code was renewed above
    });
    const code = (await db.classroom.findUniqueOrThrow({ where: { id: w.classId } })).joinCode!;
    await expect(joinClass(db, { userId: newcomer.id, code })).resolves.toMatchObject({
      alreadyMember: false,
    });
    expect((await listClasses(db, t)).teaching.map((c) => c.id)).toContain(w.classId);
    expect(await studentAssignments(db, w.ada)).not.toEqual([]);
  });

  it('archiving twice keeps the first date, and nobody is told of a change that was not one', async () => {
    const w = await world();
    const first = await setClassArchived(db, {
      userId: w.teacher,
      classId: w.classId,
      archived: true,
    });
    const messages = await published(w.work.mapId, () =>
      setClassArchived(db, { userId: w.teacher, classId: w.classId, archived: true }),
    );
    expect(messages).toEqual([]);
    const again = await db.classroom.findUniqueOrThrow({ where: { id: w.classId } });
    expect(again.archivedAt?.toISOString()).toBe(first.archivedAt);
  });
});
