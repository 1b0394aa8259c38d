import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { getAuth } from '@/lib/server/auth';
import {
  createManagedStudents,
  listAccounts,
  resetAllManagedPasswords,
  resetStudentPassword,
  setAccountKind,
} from '@/lib/server/classroom/accounts';
import {
  closeJoining,
  createClass,
  findOwnClassByCode,
  getClassPage,
  joinClass,
  listClasses,
  regenerateJoinCode,
  renameClass,
} from '@/lib/server/classroom/classes';
import {
  addBackStudent,
  listRemovedStudents,
  listRoster,
  removeStudent,
  rosterCsv,
} from '@/lib/server/classroom/roster';
import { createMap } from '@/lib/server/maps';
import { signIn, signUp } from '@/lib/server/sign-in';
import { createUser, db, debate } from '../support/factories';
import { fromIp } from '../support/request-scope';

// Classes, rosters and managed accounts through the server functions the class pages' actions
// call. Sign-in goes through better-auth with a request scope of our own (as in sign-in.test.ts).
vi.mock('next/headers', () => import('../support/request-scope'));
let ipCounter = 0;
const fromNewIp = <T>(fn: () => Promise<T>) => fromIp(`203.0.113.${++ipCounter}`, fn);

async function teacher(name = 'Teacher') {
  const user = await createUser(name);
  return db.user.update({ where: { id: user.id }, data: { accountKind: 'teacher' } });
}

/** A class with its teacher, a student who joined by code, and one who was removed. */
async function world() {
  const owner = await teacher('Owner');
  const { id: classId } = await createClass(db, { userId: owner.id, name: 'Period 3' });
  const code = (await db.classroom.findUniqueOrThrow({ where: { id: classId } })).joinCode!;
  const student = await createUser('Student');
  await joinClass(db, { userId: student.id, code });
  const removed = await createUser('Removed');
  await joinClass(db, { userId: removed.id, code });
  await removeStudent(db, { userId: owner.id, classId, studentId: removed.id });
  const otherTeacher = await teacher('Other');
  await createClass(db, { userId: otherTeacher.id, name: 'Elsewhere' });
  const stranger = await createUser('Stranger');
  return { owner, classId, code, student, removed, otherTeacher, stranger };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('classes', { timeout: 60_000 }, () => {
  it('lets only teacher accounts create classes, each with its own join code', async () => {
    const student = await createUser('Kid');
    expect(await refusal(createClass(db, { userId: student.id, name: 'Mine' }))).toBe('FORBIDDEN');
    const t = await teacher();
    const a = await createClass(db, { userId: t.id, name: 'A' });
    const b = await createClass(db, { userId: t.id, name: 'B' });
    const codes = await db.classroom.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(codes[0]!.joinCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(codes[0]!.joinCode).not.toBe(codes[1]!.joinCode);
    const listed = await listClasses(db, t.id);
    expect(listed.teaching.map((c) => c.name).sort()).toEqual(['A', 'B']);
  });

  it('joins by code in any case, once, with a unique pseudonym; the teacher is refused', async () => {
    const { owner, classId, code, student } = await world();
    const again = await joinClass(db, { userId: student.id, code: code.toLowerCase() });
    expect(again).toEqual({ classId, alreadyMember: true });
    expect(await refusal(joinClass(db, { userId: owner.id, code }))).toBe('CONFLICT');
    const others = await Promise.all([createUser('P1'), createUser('P2'), createUser('P3')]);
    for (const o of others) await joinClass(db, { userId: o.id, code });
    const members = await db.classMember.findMany({ where: { classId } });
    expect(new Set(members.map((m) => m.pseudonym.toLowerCase())).size).toBe(members.length);
    const page = await getClassPage(db, { userId: student.id, classId });
    expect(page).toMatchObject({ role: 'student', name: 'Period 3', teacherName: 'Owner' });
    expect(page.joinCode).toBeNull();
    expect((await listClasses(db, student.id)).attending.map((c) => c.id)).toEqual([classId]);
  });

  it('stops the old code when the teacher regenerates it or closes joining', async () => {
    const { owner, classId, code } = await world();
    const { joinCode } = await regenerateJoinCode(db, { userId: owner.id, classId });
    expect(joinCode).not.toBe(code);
    const own = (code: string) => findOwnClassByCode(db, { userId: owner.id, code });
    expect(await own(code)).toBeNull();
    expect(await refusal(joinClass(db, { userId: (await createUser()).id, code }))).toBe(
      'NOT_FOUND',
    );
    expect(await own(joinCode)).toEqual({ classId, role: 'teacher' });
    await closeJoining(db, { userId: owner.id, classId });
    expect(await own(joinCode)).toBeNull();
    expect(await refusal(joinClass(db, { userId: (await createUser()).id, code: joinCode }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses another teacher, a student, a removed student and a stranger every read and write', async () => {
    const w = await world();
    const { classId } = w;
    const studentId = w.student.id;
    const reads = (userId: string) => ({
      page: () => getClassPage(db, { userId, classId }),
      roster: () => listRoster(db, { userId, classId }),
      csv: () => rosterCsv(db, { userId, classId }),
    });
    const writes = (userId: string) => ({
      rename: () => renameClass(db, { userId, classId, name: 'Hacked' }),
      regenerate: () => regenerateJoinCode(db, { userId, classId }),
      close: () => closeJoining(db, { userId, classId }),
      add: () => createManagedStudents(db, { userId, classId, names: ['Intruder'] }),
      reset: () => resetStudentPassword(db, { userId, classId, studentId }),
      resetAll: () => resetAllManagedPasswords(db, { userId, classId }),
      remove: () => removeStudent(db, { userId, classId, studentId }),
      addBack: () => addBackStudent(db, { userId, classId, studentId: w.removed.id }),
      removed: () => listRemovedStudents(db, { userId, classId }),
    });
    for (const outsider of [w.otherTeacher, w.removed, w.stranger]) {
      for (const [what, work] of Object.entries({
        ...reads(outsider.id),
        ...writes(outsider.id),
      })) {
        expect([what, await refusal(work())]).toEqual([what, 'NOT_FOUND']);
      }
    }
    const asStudent = { ...reads(studentId), ...writes(studentId) };
    expect(await refusal(asStudent.page())).toBe('allowed');
    for (const [what, work] of Object.entries(asStudent)) {
      if (what === 'page') continue;
      expect([what, await refusal(work())]).toEqual([what, 'FORBIDDEN']);
    }
    // Nothing changed.
    const cls = await db.classroom.findUniqueOrThrow({ where: { id: classId } });
    expect(cls).toMatchObject({ name: 'Period 3', joinCode: w.code });
    expect(await db.user.count({ where: { name: 'Intruder' } })).toBe(0);
    expect(await db.classMember.count({ where: { classId, userId: studentId } })).toBe(1);
    const roster = await listRoster(db, { userId: w.owner.id, classId });
    expect(roster.map((r) => r.userId)).toEqual([studentId]);
  });

  it('removes a student with their work and map memberships in the class, and nothing else', async () => {
    const { owner, classId, student, code } = await world();
    const { debate: d } = await debate();
    const mine = await createMap(db, { userId: owner.id, title: 'Work' });
    const elsewhere = await createMap(db, { userId: owner.id, title: 'Not the class' });
    const assignment = await db.assignment.create({
      data: { classId, debateId: d.id, title: 'Round 1', mode: 'individual', rubric: '[]' },
    });
    const work = await db.assignmentWork.create({
      data: { assignmentId: assignment.id, side: 'first', mapId: mine.id },
    });
    await db.workMember.create({ data: { workId: work.id, userId: student.id } });
    await db.mapMember.create({ data: { mapId: mine.id, userId: student.id, role: 'editor' } });
    await db.mapMember.create({
      data: { mapId: elsewhere.id, userId: student.id, role: 'viewer' },
    });
    const peer = await createUser('Peer');
    await joinClass(db, { userId: peer.id, code });
    await db.workMember.create({ data: { workId: work.id, userId: peer.id } });
    await db.mapMember.create({ data: { mapId: mine.id, userId: peer.id, role: 'editor' } });

    // Joining gave the peer their own map in the individual assignment too: they keep it all.
    const peerWork = await db.workMember.count({ where: { userId: peer.id } });
    const peerMaps = await db.mapMember.count({ where: { userId: peer.id } });
    expect(peerWork).toBe(2);

    await removeStudent(db, { userId: owner.id, classId, studentId: student.id });
    expect(await db.classMember.count({ where: { classId, userId: student.id } })).toBe(0);
    expect(await db.workMember.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.mapMember.count({ where: { mapId: mine.id, userId: student.id } })).toBe(0);
    expect(await db.mapMember.count({ where: { mapId: elsewhere.id, userId: student.id } })).toBe(
      1,
    );
    expect(await db.workMember.count({ where: { userId: peer.id } })).toBe(peerWork);
    expect(await db.mapMember.count({ where: { userId: peer.id } })).toBe(peerMaps);
    expect(await refusal(getClassPage(db, { userId: student.id, classId }))).toBe('NOT_FOUND');
    expect(
      await refusal(removeStudent(db, { userId: owner.id, classId, studentId: student.id })),
    ).toBe('NOT_FOUND');
  });
});

describe('managed student accounts', { timeout: 120_000 }, () => {
  it('creates accounts that sign in with username and password, shown once', async () => {
    const { owner, classId } = await world();
    const created = await createManagedStudents(db, {
      userId: owner.id,
      classId,
      names: ['Ada Lovelace', 'Ada Lovelace', 'Zoë Martín'],
    });
    expect(created.map((c) => c.name)).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Zoë Martín']);
    expect(created[0]!.username).toMatch(/^adal\d{2,4}$/);
    expect(created[2]!.username).toMatch(/^zoem\d{2,4}$/);
    expect(new Set(created.map((c) => c.username)).size).toBe(3);
    const row = await db.user.findUniqueOrThrow({
      where: { id: created[0]!.userId },
      include: { accounts: true },
    });
    expect(row).toMatchObject({
      email: `${created[0]!.username}@students.invalid`,
      managedById: owner.id,
      accountKind: 'student',
    });
    // Stored hashed only.
    expect(row.accounts[0]!.password).not.toContain(created[0]!.password);
    const roster = await listRoster(db, { userId: owner.id, classId });
    expect(roster.filter((r) => r.managed)).toHaveLength(3);
    expect(roster.find((r) => r.userId === created[0]!.userId)?.email).toBeNull();

    // better-auth's own username sign-in accepts it, and so does the app's form (throttled).
    const res = await getAuth().api.signInUsername({
      body: { username: created[0]!.username, password: created[0]!.password },
    });
    expect(res.user.id).toBe(created[0]!.userId);
    await fromNewIp(() =>
      signIn({ identifier: created[1]!.username.toUpperCase(), password: created[1]!.password }),
    );
    const wrong = await refusal(
      fromNewIp(() => signIn({ identifier: created[1]!.username, password: 'nope nope' })),
    );
    expect(wrong).toBe('INVALID');

    // A new password: the old one stops working, the new one works.
    const reset = await resetStudentPassword(db, {
      userId: owner.id,
      classId,
      studentId: created[0]!.userId,
    });
    expect(reset.password).not.toBe(created[0]!.password);
    expect(
      await refusal(
        fromNewIp(() => signIn({ identifier: reset.username, password: created[0]!.password })),
      ),
    ).toBe('INVALID');
    await fromNewIp(() => signIn({ identifier: reset.username, password: reset.password }));
    const all = await resetAllManagedPasswords(db, { userId: owner.id, classId });
    expect(all).toHaveLength(3);
    await fromNewIp(() => signIn({ identifier: all[2]!.username, password: all[2]!.password }));
  });
});

describe('admin', { timeout: 60_000 }, () => {
  it('is the oldest account; only it lists accounts and makes teachers', async () => {
    await fromNewIp(() =>
      signUp({ name: 'Late', email: `late-${Date.now()}@example.org`, password: 'password 1' }),
    );
    const admin = await db.user.findFirstOrThrow({ where: { isAdmin: true } });
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
    expect(admin.accountKind).toBe('teacher');
    const email = `teach-${Date.now()}@example.org`;
    await fromNewIp(() =>
      signUp({ name: 'New Teacher', email, password: 'password 1', accountKind: 'teacher' }),
    );
    const newcomer = await db.user.findUniqueOrThrow({ where: { email } });
    expect(newcomer).toMatchObject({ accountKind: 'teacher', isAdmin: false });

    const someone = await createUser('Someone');
    expect(await refusal(listAccounts(db, { userId: someone.id, query: '' }))).toBe('NOT_FOUND');
    expect(
      await refusal(
        setAccountKind(db, { userId: newcomer.id, targetId: someone.id, kind: 'teacher' }),
      ),
    ).toBe('NOT_FOUND');
    const found = await listAccounts(db, { userId: admin.id, query: 'new teach' });
    expect(found.rows.map((r) => r.id)).toContain(newcomer.id);
    await setAccountKind(db, { userId: admin.id, targetId: someone.id, kind: 'teacher' });
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).accountKind).toBe(
      'teacher',
    );
    expect(
      await refusal(setAccountKind(db, { userId: admin.id, targetId: admin.id, kind: 'student' })),
    ).toBe('CONFLICT');
  });
});
