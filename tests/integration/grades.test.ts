import { describe, expect, it, vi } from 'vitest';
import { GET as getChanges } from '@/app/api/maps/[mapId]/changes/route';
import { GET as getVotes, PUT as putVote } from '@/app/api/maps/[mapId]/votes/route';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import {
  addClaimFeedback,
  deleteClaimFeedback,
  editClaimFeedback,
  listClaimFeedback,
  releasedFeedbackFor,
} from '@/lib/server/classroom/feedback';
import {
  getGrade,
  getRubric,
  gradeSummaries,
  releaseAllGrades,
  releasedGradesFor,
  saveGrade,
  setGradeReleased,
  updateRubric,
} from '@/lib/server/classroom/grades';
import crypto from 'node:crypto';
import { displayNamesFor } from '@/lib/server/classroom/anonymous';
import { readHistory } from '@/lib/server/history';
import { createMap, getMapForMember } from '@/lib/server/maps';
import { listPeople } from '@/lib/server/members';
import { listVotes, setVote } from '@/lib/server/votes';
import { apply, claim, createUser, db, debate } from '../support/factories';
import { headersFor } from '../support/fake-session';

vi.mock('@/lib/server/session', () => import('../support/fake-session'));

/**
 * A class with a team assignment: team A (ana, ben) argues the first thesis, team B (cai) the
 * second. Rows are written directly, as the assignment module would.
 */
async function classWorld(opts: { anonymous?: boolean; mode?: string } = {}) {
  const { debate: d, a, b } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const [ana, ben, cai] = await Promise.all(['Ana', 'Ben', 'Cai'].map((n) => createUser(n)));
  const cls = await db.classroom.create({ data: { name: 'Civics 9', teacherId: teacher.id } });
  const pseudonyms = ['Blue Heron', 'Red Fox', 'Green Owl'];
  for (const [i, s] of [ana!, ben!, cai!].entries()) {
    await db.classMember.create({
      data: { classId: cls.id, userId: s.id, pseudonym: pseudonyms[i]! },
    });
  }
  const assignment = await db.assignment.create({
    data: {
      classId: cls.id,
      debateId: d.id,
      title: 'Olympic thaw',
      mode: opts.mode ?? 'team',
      anonymous: opts.anonymous ?? false,
      rubric: JSON.stringify(DEFAULT_RUBRIC),
    },
  });
  async function work(name: string, side: string, members: { id: string }[]) {
    const map = await createMap(db, { userId: teacher.id, title: name, debateId: d.id });
    const w = await db.assignmentWork.create({
      data: { assignmentId: assignment.id, name, side, mapId: map.id },
    });
    for (const m of members) {
      await db.workMember.create({ data: { workId: w.id, userId: m.id } });
      await db.mapMember.create({ data: { mapId: map.id, userId: m.id, role: 'editor' } });
    }
    return { ...w, mapId: map.id };
  }
  const teamA = await work('Team A', 'first', [ana!, ben!]);
  const teamB = await work('Team B', 'second', [cai!]);
  const claimA = (await claim(ana!.id, teamA.mapId, a.id, null, 'pro', 'Sport opens doors')).id;
  const claimB = (await claim(cai!.id, teamB.mapId, b.id, null, 'pro', 'Sanctions work')).id;
  return {
    teacher,
    ana: ana!,
    ben: ben!,
    cai: cai!,
    cls,
    assignment,
    teamA,
    teamB,
    claimA,
    claimB,
    a,
    b,
  };
}

/** Outsiders: another class's teacher and student, and someone with no class at all. */
async function outsiders() {
  const { debate: d } = await debate();
  const otherTeacher = await createUser('OtherTeacher');
  await db.user.update({ where: { id: otherTeacher.id }, data: { accountKind: 'teacher' } });
  const otherStudent = await createUser('OtherStudent');
  const other = await db.classroom.create({ data: { name: 'Other', teacherId: otherTeacher.id } });
  await db.classMember.create({
    data: { classId: other.id, userId: otherStudent.id, pseudonym: 'Grey Wolf' },
  });
  void d;
  const stranger = await createUser('Stranger');
  return { otherTeacher, otherStudent, stranger };
}

describe('grades and feedback', () => {
  it('lets the teacher grade privately and release; students see only their released work', async () => {
    const w = await classWorld();
    const t = w.teacher.id;
    const grade = await saveGrade(db, {
      userId: t,
      workId: w.teamA.id,
      scores: { evidence: 3, rebuttals: 2, clarity: 4 },
      feedback: 'Good use of the article.',
    });
    expect(grade).toMatchObject({ earned: 9, possible: 12, releasedAt: null, scored: true });
    const note = await addClaimFeedback(db, {
      userId: t,
      workId: w.teamA.id,
      claimId: w.claimA,
      body: 'Which passage says so?',
    });
    await editClaimFeedback(db, { userId: t, feedbackId: note.id, body: 'Quote the passage.' });
    expect((await listClaimFeedback(db, { userId: t, workId: w.teamA.id }))[0]!.body).toBe(
      'Quote the passage.',
    );

    // Private: the student's read gives nothing, the home page lists nothing.
    expect(await releasedFeedbackFor(db, w.ana.id, w.teamA.id)).toBeNull();
    expect(await releasedGradesFor(db, w.ana.id)).toEqual([]);

    await setGradeReleased(db, { userId: t, workId: w.teamA.id, released: true });
    const seen = await releasedFeedbackFor(db, w.ana.id, w.teamA.id);
    expect(seen?.grade).toMatchObject({
      earned: 9,
      possible: 12,
      feedback: 'Good use of the article.',
    });
    expect(seen?.claims.map((c) => c.body)).toEqual(['Quote the passage.']);
    expect(await releasedGradesFor(db, w.ben.id)).toMatchObject([
      {
        workId: w.teamA.id,
        assignmentId: w.assignment.id,
        earned: 9,
        possible: 12,
        claimFeedbackCount: 1,
      },
    ]);
    // Team B's student sees nothing of team A's, and has nothing released of their own.
    await expect(releasedFeedbackFor(db, w.cai.id, w.teamA.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await releasedGradesFor(db, w.cai.id)).toEqual([]);

    // Withdrawn: private again.
    await setGradeReleased(db, { userId: t, workId: w.teamA.id, released: false });
    expect(await releasedFeedbackFor(db, w.ana.id, w.teamA.id)).toBeNull();
    expect(await releasedGradesFor(db, w.ana.id)).toEqual([]);

    // Feedback added after release is visible at once (the release covers the work).
    await setGradeReleased(db, { userId: t, workId: w.teamA.id, released: true });
    await deleteClaimFeedback(db, { userId: t, feedbackId: note.id });
    expect((await releasedFeedbackFor(db, w.ana.id, w.teamA.id))?.claims).toEqual([]);
  });

  it('validates scores against the rubric, and the rubric itself', async () => {
    const w = await classWorld();
    const t = w.teacher.id;
    await expect(
      saveGrade(db, { userId: t, workId: w.teamA.id, scores: { evidence: 5 }, feedback: '' }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      saveGrade(db, { userId: t, workId: w.teamA.id, scores: { nope: 1 }, feedback: '' }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      addClaimFeedback(db, { userId: t, workId: w.teamA.id, claimId: w.claimB, body: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const rubric = [
      { id: 'evidence', label: 'Evidence', points: 10 },
      { id: 'style', label: 'Style', points: 5 },
    ];
    await updateRubric(db, { userId: t, assignmentId: w.assignment.id, rubric });
    expect(await getRubric(db, { userId: t, assignmentId: w.assignment.id })).toEqual(rubric);
    const g = await saveGrade(db, {
      userId: t,
      workId: w.teamA.id,
      scores: { evidence: 10, style: 5 },
      feedback: '',
    });
    expect(g).toMatchObject({ earned: 15, possible: 15 });
  });

  it('releases all graded work of an assignment at once', async () => {
    const w = await classWorld();
    const t = w.teacher.id;
    await saveGrade(db, { userId: t, workId: w.teamA.id, scores: { evidence: 1 }, feedback: '' });
    expect(await releaseAllGrades(db, { userId: t, assignmentId: w.assignment.id })).toEqual({
      released: 1,
    });
    expect(await releasedGradesFor(db, w.ana.id)).toHaveLength(1);
    expect(await releasedFeedbackFor(db, w.cai.id, w.teamB.id)).toBeNull();
    const summary = await gradeSummaries(db, { userId: t, assignmentId: w.assignment.id });
    expect(
      summary.works.map((x) => [x.name, x.students, x.grade.earned, !!x.grade.releasedAt]),
    ).toEqual([
      ['Team A', ['Ana', 'Ben'], 1, true],
      ['Team B', ['Cai'], 0, false],
    ]);
    await expect(
      gradeSummaries(db, { userId: w.ana.id, assignmentId: w.assignment.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses every read and write to anyone but the teacher and the work’s own students', async () => {
    const w = await classWorld();
    const o = await outsiders();
    const t = w.teacher.id;
    await saveGrade(db, { userId: t, workId: w.teamA.id, scores: { evidence: 2 }, feedback: 'ok' });
    const note = await addClaimFeedback(db, {
      userId: t,
      workId: w.teamA.id,
      claimId: w.claimA,
      body: 'Private note',
    });
    await setGradeReleased(db, { userId: t, workId: w.teamA.id, released: true });

    // A removed student: the class membership and the work's places go, as removal does.
    const removed = w.ben;
    await db.workMember.deleteMany({ where: { userId: removed.id } });
    await db.mapMember.deleteMany({ where: { userId: removed.id } });
    await db.classMember.delete({
      where: { classId_userId: { classId: w.cls.id, userId: removed.id } },
    });

    const refused = [
      w.cai.id, // a student of another team
      removed.id,
      o.otherStudent.id,
      o.otherTeacher.id,
      o.stranger.id,
    ];
    const code = { code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) };
    for (const userId of refused) {
      await expect(releasedFeedbackFor(db, userId, w.teamA.id)).rejects.toMatchObject(code);
      await expect(getGrade(db, { userId, workId: w.teamA.id })).rejects.toMatchObject(code);
      await expect(
        saveGrade(db, { userId, workId: w.teamA.id, scores: {}, feedback: 'hacked' }),
      ).rejects.toMatchObject(code);
      await expect(
        setGradeReleased(db, { userId, workId: w.teamA.id, released: false }),
      ).rejects.toMatchObject(code);
      await expect(
        releaseAllGrades(db, { userId, assignmentId: w.assignment.id }),
      ).rejects.toMatchObject(code);
      await expect(listClaimFeedback(db, { userId, workId: w.teamA.id })).rejects.toMatchObject(
        code,
      );
      await expect(
        addClaimFeedback(db, { userId, workId: w.teamA.id, claimId: w.claimA, body: 'x' }),
      ).rejects.toMatchObject(code);
      await expect(
        editClaimFeedback(db, { userId, feedbackId: note.id, body: 'x' }),
      ).rejects.toMatchObject(code);
      await expect(deleteClaimFeedback(db, { userId, feedbackId: note.id })).rejects.toMatchObject(
        code,
      );
      await expect(getRubric(db, { userId, assignmentId: w.assignment.id })).rejects.toMatchObject(
        code,
      );
      await expect(
        updateRubric(db, { userId, assignmentId: w.assignment.id, rubric: [...DEFAULT_RUBRIC] }),
      ).rejects.toMatchObject(code);
      expect(await releasedGradesFor(db, userId)).toEqual([]);
    }
    // The work's own student may read released feedback but never write or read private data.
    for (const call of [
      () => getGrade(db, { userId: w.ana.id, workId: w.teamA.id }),
      () => saveGrade(db, { userId: w.ana.id, workId: w.teamA.id, scores: {}, feedback: '' }),
      () => setGradeReleased(db, { userId: w.ana.id, workId: w.teamA.id, released: false }),
      () => listClaimFeedback(db, { userId: w.ana.id, workId: w.teamA.id }),
      () => editClaimFeedback(db, { userId: w.ana.id, feedbackId: note.id, body: 'x' }),
      () => getRubric(db, { userId: w.ana.id, assignmentId: w.assignment.id }),
      () =>
        updateRubric(db, {
          userId: w.ana.id,
          assignmentId: w.assignment.id,
          rubric: [...DEFAULT_RUBRIC],
        }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // Nothing changed.
    expect((await getGrade(db, { userId: t, workId: w.teamA.id })).feedback).toBe('ok');
    expect(await listClaimFeedback(db, { userId: t, workId: w.teamA.id })).toHaveLength(1);
  });
});

describe('impact votes', () => {
  it('averages members’ ratings; validates the rating and the claim; refuses viewers', async () => {
    const w = await classWorld({ mode: 'class' });
    const map = w.teamA.mapId;
    await setVote(db, { userId: w.ana.id, mapId: map, claimId: w.claimA, impact: 4 });
    await setVote(db, { userId: w.ben.id, mapId: map, claimId: w.claimA, impact: 1 });
    const r = await setVote(db, { userId: w.teacher.id, mapId: map, claimId: w.claimA, impact: 2 });
    expect(r.tally).toEqual({ average: 2.3, count: 3 });
    const seen = await listVotes(db, { userId: w.ana.id, mapId: map });
    expect(seen.tallies[w.claimA]).toEqual({ average: 2.3, count: 3 });
    expect(seen.mine).toEqual({ [w.claimA]: 4 });
    // Clearing a vote.
    await setVote(db, { userId: w.ana.id, mapId: map, claimId: w.claimA, impact: null });
    expect((await listVotes(db, { userId: w.ben.id, mapId: map })).tallies[w.claimA]).toEqual({
      average: 1.5,
      count: 2,
    });

    for (const impact of [5, -1, 1.5]) {
      await expect(
        setVote(db, { userId: w.ana.id, mapId: map, claimId: w.claimA, impact }),
      ).rejects.toMatchObject({ code: 'INVALID' });
    }
    // A claim of another map.
    await expect(
      setVote(db, { userId: w.teacher.id, mapId: map, claimId: w.claimB, impact: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A viewer may see the tallies but not vote; a stranger may do neither.
    const viewer = await createUser('Viewer');
    await db.mapMember.create({ data: { mapId: map, userId: viewer.id, role: 'viewer' } });
    expect((await listVotes(db, { userId: viewer.id, mapId: map })).canVote).toBe(false);
    await expect(
      setVote(db, { userId: viewer.id, mapId: map, claimId: w.claimA, impact: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setVote(db, { userId: w.cai.id, mapId: map, claimId: w.claimA, impact: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listVotes(db, { userId: w.cai.id, mapId: map })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('anonymous mode', () => {
  it('shows students classmates under pseudonyms and the teacher as Teacher; the teacher sees names', async () => {
    const w = await classWorld({ anonymous: true });
    const map = w.teamA.mapId;
    for (const [who, body] of [
      [w.ana.id, 'Is this the strongest quote?'],
      [w.teacher.id, 'Look again at paragraph 3.'],
    ] as const) {
      await apply(who, map, {
        kind: 'comment.add',
        commentId: crypto.randomUUID(),
        claimId: w.claimA,
        parentId: null,
        body,
      });
    }
    const authors = async (viewer: string) =>
      (await getMapForMember(db, { userId: viewer, mapId: map })).map.comments.map(
        (c) => c.authorName,
      );
    expect(await authors(w.ben.id)).toEqual(['Blue Heron', 'Teacher']);
    expect(await authors(w.ana.id)).toEqual(['Ana', 'Teacher']);
    expect(await authors(w.teacher.id)).toEqual(['Ana', 'Rivera']);
    expect((await getMapForMember(db, { userId: w.ben.id, mapId: map })).map.ownerName).toBe(
      'Teacher',
    );

    // History: the claim was added by Ana, then Ana and the teacher commented (newest first).
    const history = await readHistory(db, { userId: w.ben.id, mapId: map });
    expect(history.entries.map((e) => e.actorName)).toEqual([
      'Teacher',
      'Blue Heron',
      'Blue Heron',
    ]);
    expect(JSON.stringify(history)).not.toContain(w.ana.id);
    const teacherHistory = await readHistory(db, { userId: w.teacher.id, mapId: map });
    expect(teacherHistory.entries.map((e) => e.actorName)).toEqual(['Rivera', 'Ana', 'Ana']);

    // The people list is the owner's (the teacher's): real names; a student may not open it.
    const people = await listPeople(db, { userId: w.teacher.id, mapId: map });
    expect(people.map((p) => p.name).sort()).toEqual(['Ana', 'Ben', 'Rivera']);
    await expect(listPeople(db, { userId: w.ben.id, mapId: map })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const shown = await displayNamesFor(db, map, w.ben.id);
    expect(shown(w.ana.id, 'Ana')).toBe('Blue Heron');
    expect(shown(w.ben.id, 'Ben')).toBe('Ben');
    expect(shown(w.teacher.id, 'Rivera')).toBe('Teacher');
    expect(shown('someone-else', 'Eve')).toBe('Guest');

    // Live catch-up: the comment as stored carries the pseudonym for a student, the name for the teacher.
    const live = async (viewer: string) => {
      const request = new Request(`http://localhost:3000/api/maps/${map}/changes?since=0`, {
        headers: headersFor(viewer),
      });
      const response = await getChanges(request, { params: Promise.resolve({ mapId: map }) });
      const body = (await response.json()) as { changes: { data?: { authorName?: string } }[] };
      return body.changes.flatMap((c) => c.data?.authorName ?? []);
    };
    expect(await live(w.ben.id)).toEqual(['Blue Heron', 'Teacher']);
    expect(await live(w.teacher.id)).toEqual(['Ana', 'Rivera']);

    // Not anonymous: names for everyone.
    const open = await classWorld();
    const names = await displayNamesFor(db, open.teamA.mapId, open.ben.id);
    expect(names.anonymous).toBe(false);
    expect(names(open.ana.id, 'Ana')).toBe('Ana');
  });
});

describe('the votes route', () => {
  it('answers averages and my votes, and refuses bad input with a clear message', async () => {
    const w = await classWorld({ mode: 'class' });
    const map = w.teamA.mapId;
    const params = { params: Promise.resolve({ mapId: map }) };
    const put = (userId: string, body: unknown) =>
      putVote(
        new Request(`http://localhost:3000/api/maps/${map}/votes`, {
          method: 'PUT',
          headers: { ...headersFor(userId), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        params,
      );
    expect((await put(w.ana.id, { claimId: w.claimA, impact: 3 })).status).toBe(200);
    const bad = await put(w.ana.id, { claimId: w.claimA, impact: 7 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/0 to 4/);
    expect((await put(w.cai.id, { claimId: w.claimA, impact: 1 })).status).toBe(404);
    const res = await getVotes(
      new Request(`http://localhost:3000/api/maps/${map}/votes`, { headers: headersFor(w.ana.id) }),
      params,
    );
    expect(await res.json()).toEqual({
      tallies: { [w.claimA]: { average: 3, count: 1 } },
      mine: { [w.claimA]: 3 },
      canVote: true,
    });
  });
});
