import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { GET as getCsv } from '@/app/api/assignments/[assignmentId]/dashboard.csv/route';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { compareWorks } from '@/lib/server/classroom/compare-works';
import { assignmentDashboard, dashboardCsvFor } from '@/lib/server/classroom/dashboard';
import { removeStudent } from '@/lib/server/classroom/roster';
import { createMap } from '@/lib/server/maps';
import { apply, claim, createUser, db, debate, quote, remove } from '../support/factories';
import { headersFor } from '../support/fake-session';

vi.mock('@/lib/server/session', () => import('../support/fake-session'));

/**
 * A class with a team assignment, rows written directly as the assignment module would: team A
 * (ana, ben) argues the first thesis, team B (cai) the second; dee was in team B and is removed.
 */
async function world() {
  const { debate: d, a, b } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const [ana, ben, cai, dee] = await Promise.all(
    ['Ana', 'Ben', 'Cai', 'Dee'].map((n) => createUser(n)),
  );
  const cls = await db.classroom.create({ data: { name: 'Civics 9', teacherId: teacher.id } });
  for (const [i, s] of [ana!, ben!, cai!, dee!].entries()) {
    await db.classMember.create({ data: { classId: cls.id, userId: s.id, pseudonym: `P${i}` } });
  }
  const newAssignment = (title: string) =>
    db.assignment.create({
      data: {
        classId: cls.id,
        debateId: d.id,
        title,
        mode: 'team',
        rubric: JSON.stringify(DEFAULT_RUBRIC),
      },
    });
  const assignment = await newAssignment('Olympic thaw');
  async function work(assignmentId: string, name: string, side: string, members: { id: string }[]) {
    const map = await createMap(db, { userId: teacher.id, title: name, debateId: d.id });
    const w = await db.assignmentWork.create({
      data: { assignmentId, name, side, mapId: map.id },
    });
    for (const m of members) {
      await db.workMember.create({ data: { workId: w.id, userId: m.id } });
      await db.mapMember.create({ data: { mapId: map.id, userId: m.id, role: 'editor' } });
    }
    return { ...w, mapId: map.id };
  }
  await work(assignment.id, 'Team A', 'first', [ana!, ben!]);
  await work(assignment.id, 'Team B', 'second', [cai!, dee!]);
  await work(assignment.id, '', 'both', []);
  const later = await newAssignment('Second round');
  await work(later.id, 'Team C', 'first', [ana!]);
  return { d, a, b, teacher, ana: ana!, ben: ben!, cai: cai!, dee: dee!, cls, assignment };
}

async function built() {
  const w = await world();
  const works = await db.assignmentWork.findMany({
    where: { assignment: { classId: w.cls.id } },
  });
  const byName = (n: string) => works.find((x) => x.name === n)!;
  const teamA = byName('Team A');
  const teamB = byName('Team B');
  const idle = works.find((x) => x.name === '')!;
  const elsewhere = byName('Team C');
  const { a, b, ana, ben, cai } = w;

  // Team A: p1 (pro, quoted) ← o1 (con) ← r1 (con: rebuttal); p1 ← o2 (con: unanswered);
  // a deleted claim; one comment on p1.
  const p1 = await claim(ana.id, teamA.mapId, a.id, null, 'pro', 'Sport opens doors');
  await quote(ana.id, teamA.mapId, p1.id, a.sourceId);
  const o1 = await claim(ben.id, teamA.mapId, a.id, p1.id, 'con', 'Games end, enmity stays');
  await claim(ana.id, teamA.mapId, a.id, o1.id, 'con', 'Contacts outlast the games');
  await claim(ben.id, teamA.mapId, a.id, p1.id, 'con', 'The North uses sport as propaganda');
  const gone = await claim(ben.id, teamA.mapId, a.id, null, 'pro', 'A mistake');
  await remove(ben.id, teamA.mapId, gone.id);
  await apply(ben.id, teamA.mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId: p1.id,
    parentId: null,
    body: 'Which passage?',
  });
  await db.grade.create({
    data: {
      workId: teamA.id,
      scores: JSON.stringify({ evidence: 3, rebuttals: 2 }),
      releasedAt: new Date(),
    },
  });

  // Team B: q1 quotes the same sentence as p1 and attacks p1's thesis by a cross-link.
  const q1 = await claim(cai.id, teamB.mapId, b.id, null, 'pro', 'Pressure brought them to talk');
  await quote(cai.id, teamB.mapId, q1.id, a.sourceId);
  const q2 = await claim(
    cai.id,
    teamB.mapId,
    b.id,
    null,
    'pro',
    'The North uses sport as propaganda',
  );
  await apply(cai.id, teamB.mapId, {
    kind: 'link.add',
    linkId: crypto.randomUUID(),
    fromClaimId: q2.id,
    target: { thesisId: a.id },
    stance: 'con',
  });
  return { ...w, teamA, teamB, idle, elsewhere, p1, o1, q1, q2 };
}

describe('teacher dashboard', () => {
  it('counts each work of the assignment', async () => {
    const w = await built();
    const data = await assignmentDashboard(db, w.teacher.id, w.assignment.id);
    expect(data.theses.map((t) => t.id)).toEqual([w.a.id, w.b.id]);
    expect(data.rows.map((r) => r.name)).toEqual(['No students yet', 'Team A', 'Team B']);
    const [idle, teamA, teamB] = data.rows;
    expect(teamA).toMatchObject({
      workId: w.teamA.id,
      members: ['Ana', 'Ben'],
      sideLabels: [w.a.label],
      claims: 4,
      anchored: 1,
      anchoredShare: 0.25,
      unrebutted: 1,
      comments: 1,
      grade: { earned: 5, possible: 12 },
      released: true,
    });
    expect(teamA!.perThesis[w.a.id]).toEqual({ pros: 2, cons: 2 });
    expect(teamA!.perThesis[w.b.id]).toEqual({ pros: 0, cons: 0 });
    // Who did what in Team A: Ana wrote p1 (quoted) and the rebuttal r1; Ben the two objections,
    // the comment, and a claim he deleted.
    expect(
      data.people[w.teamA.id]!.map((p) => [
        p.name,
        p.claims,
        p.quotes,
        p.rebuttals,
        p.comments,
        p.edits,
      ]),
    ).toEqual([
      ['Ana', 2, 1, 1, 0, 0],
      ['Ben', 2, 0, 0, 1, 1],
    ]);
    expect(data.people[idle!.workId]).toEqual([]);
    expect(Date.now() - Date.parse(teamA!.lastActivity!)).toBeLessThan(60_000);
    // Team B: dee was removed after building nothing; q2's attack on thesis 1 is unanswered.
    expect(teamB).toMatchObject({
      members: ['Cai', 'Dee'],
      claims: 2,
      anchored: 1,
      unrebutted: 1,
      comments: 0,
      grade: null,
      released: false,
    });
    expect(teamB!.perThesis[w.b.id]).toEqual({ pros: 2, cons: 0 });
    expect(idle).toMatchObject({
      members: [],
      claims: 0,
      anchoredShare: null,
      lastActivity: null,
      sideLabels: [w.a.label, w.b.label],
    });

    const { csv, fileName } = await dashboardCsvFor(db, w.teacher.id, w.assignment.id);
    expect(fileName).toBe('Olympic thaw dashboard.csv');
    // A line per work; then, after an empty line, a line per person and work.
    const [workLines, personLines] = csv.split('\r\n\r\n').map((t) => t!.trim().split('\r\n'));
    const lines = workLines!;
    expect(lines).toHaveLength(4);
    expect(personLines!.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      `Ana,Team A,${w.a.label},member`,
      `Ben,Team A,${w.a.label},member`,
      `Cai,Team B,${w.b.label},member`,
      `Dee,Team B,${w.b.label},member`,
    ]);
    expect(lines[2]).toMatch(/^Team A,Ana; Ben,[^,]+,4,2,2,0,0,1,25,1,1,[^,]+,5,12,yes$/);
    // Times in the class's zone, named: the teacher's own for a class without one (the tz
    // cookie), else the class's; in both tables.
    expect(lines[0]).toContain(',Last activity (UTC),');
    expect(personLines![0]).toMatch(/,Last active \(UTC\)$/);
    const chicago = await dashboardCsvFor(db, w.teacher.id, w.assignment.id, 'America/Chicago');
    expect(chicago.csv).toContain(',Last activity (America/Chicago),');
    expect(chicago.csv).toContain(',Last active (America/Chicago)\r\n');
    await db.classroom.update({
      where: { id: w.cls.id },
      data: { timeZone: 'Asia/Seoul' },
    });
    const seoul = await dashboardCsvFor(db, w.teacher.id, w.assignment.id, 'America/Chicago');
    expect(seoul.csv).toContain(',Last activity (Asia/Seoul),');
    // Team A's last activity, as Seoul's wall clock (UTC+9, no daylight time).
    const seoulWall = new Date(Date.parse(teamA!.lastActivity!) + 9 * 3_600_000).toISOString();
    expect(seoul.csv).toContain(`,${seoulWall.slice(0, 10)} ${seoulWall.slice(11, 16)},`);
    expect(seoul.csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);

    const res = await getCsv(
      new Request('http://localhost/x', { headers: headersFor(w.teacher.id) }),
      { params: Promise.resolve({ assignmentId: w.assignment.id }) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Olympic thaw/);
    expect(await res.text()).toContain('Team A,Ana; Ben');
  });

  it('compares two works: shared passages, close wording, gaps and cross-links', async () => {
    const w = await built();
    const cmp = await compareWorks(db, w.teacher.id, w.assignment.id, w.teamA.id, w.teamB.id);
    expect(cmp.a.name).toBe('Team A');
    expect(cmp.b.name).toBe('Team B');
    expect(cmp.meetings.map((m) => [m.a.id, m.b.id, m.reasons])).toEqual([
      [w.p1.id, w.q1.id, ['passage']],
      [expect.any(String), w.q2.id, ['text']],
    ]);
    expect(cmp.meetings[0]!.passage!.text).toBe(
      'The two Koreas, however, have to start somewhere.',
    );
    expect(cmp.sources[cmp.meetings[0]!.passage!.sourceId]).toBeTruthy();
    expect(cmp.a.unanswered.map((u) => u.claim.text)).toEqual([
      'The North uses sport as propaganda',
    ]);
    expect(cmp.b.unanswered.map((u) => [u.claim.id, u.viaLink])).toEqual([[w.q2.id, true]]);
    expect(cmp.b.crossLinks.map((l) => [l.from.id, l.stance, l.toThesisId])).toEqual([
      [w.q2.id, 'con', w.a.id],
    ]);
    expect(cmp.a.outline[w.a.id]!.map((e) => [e.depth, e.polarity])).toEqual([
      [0, 1],
      [1, -1],
      [2, 1],
      [1, -1],
    ]);

    await expect(
      compareWorks(db, w.teacher.id, w.assignment.id, w.teamA.id, w.elsewhere.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      compareWorks(db, w.teacher.id, w.assignment.id, w.teamA.id, w.teamA.id),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('refuses a student, another class’s teacher, a removed student and a stranger', async () => {
    const w = await built();
    await removeStudent(db, { userId: w.teacher.id, classId: w.cls.id, studentId: w.dee.id });
    const otherTeacher = await createUser('OtherTeacher');
    await db.user.update({ where: { id: otherTeacher.id }, data: { accountKind: 'teacher' } });
    const other = await db.classroom.create({
      data: { name: 'Other', teacherId: otherTeacher.id },
    });
    const otherAssignment = await db.assignment.create({
      data: { classId: other.id, debateId: w.d.id, title: 'Theirs', mode: 'team', rubric: '[]' },
    });
    const stranger = await createUser('Stranger');

    const cases: [string, string, 'FORBIDDEN' | 'NOT_FOUND'][] = [
      ['student', w.ana.id, 'FORBIDDEN'],
      ['other teacher', otherTeacher.id, 'NOT_FOUND'],
      ['removed student', w.dee.id, 'NOT_FOUND'],
      ['stranger', stranger.id, 'NOT_FOUND'],
    ];
    for (const [who, userId, code] of cases) {
      const id = w.assignment.id;
      await expect(assignmentDashboard(db, userId, id), who).rejects.toMatchObject({ code });
      await expect(dashboardCsvFor(db, userId, id), who).rejects.toMatchObject({ code });
      await expect(compareWorks(db, userId, id, w.teamA.id, w.teamB.id), who).rejects.toMatchObject(
        { code },
      );
      const res = await getCsv(new Request('http://localhost/x', { headers: headersFor(userId) }), {
        params: Promise.resolve({ assignmentId: id }),
      });
      expect(res.status, who).toBe(code === 'FORBIDDEN' ? 403 : 404);
      expect(res.headers.get('content-disposition'), who).toBeNull();
    }
    const signedOut = await getCsv(new Request('http://localhost/x'), {
      params: Promise.resolve({ assignmentId: w.assignment.id }),
    });
    expect(signedOut.status).toBe(401);

    // Another class's teacher cannot reach these works through their own assignment either.
    await expect(
      compareWorks(db, otherTeacher.id, otherAssignment.id, w.teamA.id, w.teamB.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The removed student's name is gone from the row.
    const data = await assignmentDashboard(db, w.teacher.id, w.assignment.id);
    expect(data.rows.find((r) => r.workId === w.teamB.id)!.members).toEqual(['Cai']);
  });
});
