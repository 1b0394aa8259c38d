import { describe, expect, it, vi } from 'vitest';
import { JOIN_ACCOUNT, JOIN_CLIENT } from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import {
  createManagedStudents,
  resetAllManagedPasswords,
  resetStudentPassword,
} from '@/lib/server/classroom/accounts';
import { createClass, findOwnClassByCode, joinClass } from '@/lib/server/classroom/classes';
import { joinClassThrottled } from '@/lib/server/classroom/join';
import { addBackStudent, removeStudent } from '@/lib/server/classroom/roster';
import { adminResetPassword, listPasswordResets } from '@/lib/server/password-resets';
import { resetPassword, signIn, signUp } from '@/lib/server/sign-in';
import { upgradeJoinCodes } from '@/prisma/seed/join-codes';
import { createUser, db } from '../support/factories';
import { actAs } from '../support/fake-session';
import { fromIp } from '../support/request-scope';

// Tried as an attacker would, through the server functions the pages' actions call: a rogue
// teacher resetting someone else's student, guessing class codes, a removed student coming back.
vi.mock('next/headers', () => import('../support/request-scope'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/server/session', async () => ({
  ...(await import('../support/fake-session')),
  forgetSessions: () => {},
}));

let ipCounter = 0;
const newIp = () => `192.0.2.${(++ipCounter % 250) + 1}`;

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function teacher(name = 'Teacher') {
  const user = await createUser(name);
  return db.user.update({ where: { id: user.id }, data: { accountKind: 'teacher' } });
}

async function classOf(owner: { id: string }, name = 'Period 3') {
  const { id } = await createClass(db, { userId: owner.id, name });
  const { joinCode } = await db.classroom.findUniqueOrThrow({ where: { id } });
  return { classId: id, code: joinCode! };
}

/** A student with their own email and password, signed up like anyone. */
async function ownAccount(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${++ipCounter}@example.org`;
  await fromIp(newIp(), () => signUp({ name, email, password: 'first password' }));
  return db.user.findUniqueOrThrow({ where: { email } });
}

const admin = () => db.user.findFirstOrThrow({ where: { isAdmin: true } });

describe('who may reset whose password', { timeout: 120_000 }, () => {
  it('a rogue teacher cannot reset a student who is not theirs, by any path', async () => {
    const good = await teacher('Good');
    const rogue = await teacher('Rogue');
    const real = await classOf(good);
    const trap = await classOf(rogue, 'Trap');
    // A student with their own email joins the rogue teacher's class too.
    const own = await ownAccount('Own');
    await joinClass(db, { userId: own.id, code: real.code });
    await joinClass(db, { userId: own.id, code: trap.code });
    // So does a managed student the good teacher made.
    const [kim] = await createManagedStudents(db, {
      userId: good.id,
      classId: real.classId,
      names: ['Kim'],
    });
    await joinClass(db, { userId: kim!.userId, code: trap.code });

    for (const studentId of [own.id, kim!.userId]) {
      const attempt = resetStudentPassword(db, {
        userId: rogue.id,
        classId: trap.classId,
        studentId,
      });
      expect(await refusal(attempt)).toBe('FORBIDDEN');
      expect(await refusal(adminResetPassword(db, { userId: rogue.id, targetId: studentId }))).toBe(
        'NOT_FOUND',
      );
    }
    // Nor through their own class's student, as another teacher of it would be.
    expect(
      await refusal(
        resetStudentPassword(db, {
          userId: good.id,
          classId: trap.classId,
          studentId: kim!.userId,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await resetAllManagedPasswords(db, { userId: rogue.id, classId: trap.classId })).toEqual(
      [],
    );
    // Nothing was reset: the passwords still work, and nothing is recorded.
    await fromIp(newIp(), () => signIn({ identifier: own.email, password: 'first password' }));
    await fromIp(newIp(), () => signIn({ identifier: kim!.username, password: kim!.password }));
    expect(
      await db.passwordReset.count({ where: { targetId: { in: [own.id, kim!.userId] } } }),
    ).toBe(0);
    // Its own teacher resets the managed account, and that is recorded.
    await resetStudentPassword(db, {
      userId: good.id,
      classId: real.classId,
      studentId: kim!.userId,
    });
    expect(await db.passwordReset.findMany({ where: { targetId: kim!.userId } })).toMatchObject([
      { actorId: good.id, method: 'new-password' },
    ]);
  });

  it('no class-page action lets a teacher reset (or get a reset link for) a student with their own email', async () => {
    const rogue = await teacher('Rogue');
    const trap = await classOf(rogue, 'Trap');
    const own = await ownAccount('Victim');
    await joinClass(db, { userId: own.id, code: trap.code });
    const before = await db.account.findFirstOrThrow({ where: { userId: own.id } });
    const actions = await import('@/lib/actions/classes');
    actAs(rogue.id);
    const tried: string[] = [];
    for (const [name, action] of Object.entries(actions)) {
      if (!/reset|password|link/i.test(name) || typeof action !== 'function') continue;
      tried.push(name);
      const input = { classId: trap.classId, studentId: own.id, userId: own.id };
      const result = await (action as (i: unknown) => Promise<{ ok: boolean; data?: unknown }>)(
        input,
      );
      // Refused, or (resetting "all" of the teacher's own managed students) nobody was reset.
      const none = result.ok && Array.isArray(result.data) && result.data.length === 0;
      expect([name, result.ok && !none]).toEqual([name, false]);
    }
    actAs(null);
    expect(tried.length).toBeGreaterThan(0);
    const after = await db.account.findFirstOrThrow({ where: { userId: own.id } });
    expect(after.password).toBe(before.password);
    expect(await db.verification.count({ where: { value: own.id } })).toBe(0);
  });

  it('the admin may reset anyone, and sees every reset: who, whose, how, when', async () => {
    const boss = await admin();
    const good = await teacher('Good');
    const { classId } = await classOf(good);
    const own = await ownAccount('Ownmail');
    const [kim] = await createManagedStudents(db, { userId: good.id, classId, names: ['Kim'] });

    const managed = await adminResetPassword(db, { userId: boss.id, targetId: kim!.userId });
    expect(managed).toMatchObject({ kind: 'password', username: kim!.username });
    if (managed.kind !== 'password') throw new Error('expected a password');
    await fromIp(newIp(), () => signIn({ identifier: kim!.username, password: managed.password }));

    const link = await adminResetPassword(db, { userId: boss.id, targetId: own.id });
    if (link.kind !== 'link') throw new Error('expected a link');
    const token = new URL(link.url).searchParams.get('token')!;
    await fromIp(newIp(), () => resetPassword({ token, password: 'second password' }));
    expect(await refusal(resetPassword({ token, password: 'third password' }))).toBe('INVALID');
    await fromIp(newIp(), () => signIn({ identifier: own.email, password: 'second password' }));
    expect(await refusal(adminResetPassword(db, { userId: boss.id, targetId: boss.id }))).toBe(
      'CONFLICT',
    );

    const log = await listPasswordResets(db, { userId: boss.id });
    const mine = log.filter((r) => [kim!.userId, own.id].includes(r.target.id));
    expect(mine.map((r) => [r.actor.id, r.target.id, r.method])).toEqual([
      [own.id, own.id, 'link-used'],
      [boss.id, own.id, 'link'],
      [boss.id, kim!.userId, 'new-password'],
    ]);
    expect(Date.now() - new Date(mine[0]!.at).getTime()).toBeLessThan(60_000);
    expect(await refusal(listPasswordResets(db, { userId: good.id }))).toBe('NOT_FOUND');
  });
});

describe('joining a class', { timeout: 120_000 }, () => {
  it('refuses guessed codes after a few, per account and per client; a right code is never counted', async () => {
    const owner = await teacher();
    const { classId, code } = await classOf(owner);
    const guesser = await createUser('Guesser');
    const ip = newIp();
    const results: string[] = [];
    for (let i = 0; i < 60; i++) {
      const guess = `ACDE${String(1000 + i)
        .replace(/[0125689]/g, 'F')
        .slice(0, 4)}`;
      results.push(
        await refusal(joinClassThrottled(db, { userId: guesser.id, code: guess, client: ip })),
      );
    }
    expect(results.slice(0, JOIN_ACCOUNT.free)).toEqual(Array(JOIN_ACCOUNT.free).fill('NOT_FOUND'));
    expect(results.slice(JOIN_ACCOUNT.free).every((r) => r === 'RATE_LIMITED')).toBe(true);
    // Refused before the code is looked at: even the right one.
    expect(await refusal(joinClassThrottled(db, { userId: guesser.id, code, client: ip }))).toBe(
      'RATE_LIMITED',
    );
    expect(await db.classMember.count({ where: { classId, userId: guesser.id } })).toBe(0);

    // New accounts from one address: the client's own count stops them.
    const spray = newIp();
    const sprayed: string[] = [];
    for (let i = 0; i < JOIN_CLIENT.free + 5; i++) {
      const fresh = await createUser(`Fresh ${i}`);
      sprayed.push(
        await refusal(
          joinClassThrottled(db, { userId: fresh.id, code: 'ACDEFGHJ', client: spray }),
        ),
      );
    }
    expect(sprayed.filter((r) => r === 'NOT_FOUND')).toHaveLength(JOIN_CLIENT.free);

    // A student with the right code, from anywhere else, joins at once, as often as they like.
    const student = await createUser('Student');
    for (let i = 0; i < 30; i++) {
      const joined = await joinClassThrottled(db, { userId: student.id, code, client: newIp() });
      expect(joined.classId).toBe(classId);
    }
  });

  it('the join button refuses a guesser after ten wrong codes (the action, as the page posts it)', async () => {
    const owner = await teacher();
    const { code } = await classOf(owner);
    const guesser = await createUser('Button guesser');
    const { joinClassAction } = await import('@/lib/actions/classes');
    actAs(guesser.id);
    const answers: string[] = [];
    for (let i = 0; i < 60; i++) {
      const form = new FormData();
      form.set('code', `ACDEFG${'HJKMNPQRTUVWXY'[i % 14]}${'3479'[i % 4]}`);
      const result = await fromIp(newIp(), () => joinClassAction(null, form));
      answers.push(result.ok ? 'ok' : result.code);
    }
    actAs(null);
    expect(answers.filter((a) => a === 'NOT_FOUND')).toHaveLength(JOIN_ACCOUNT.free);
    expect(answers.slice(JOIN_ACCOUNT.free).every((a) => a === 'RATE_LIMITED')).toBe(true);
    expect(code).not.toMatch(/^ACDEFG/);
  });

  it('tells nobody which class a code opens unless they teach it or are in it', async () => {
    const owner = await teacher();
    const { classId, code } = await classOf(owner);
    const stranger = await createUser('Stranger');
    expect(await findOwnClassByCode(db, { userId: stranger.id, code })).toBeNull();
    expect(await findOwnClassByCode(db, { userId: owner.id, code })).toEqual({
      classId,
      role: 'teacher',
    });
    await joinClass(db, { userId: stranger.id, code });
    expect(await findOwnClassByCode(db, { userId: stranger.id, code })).toEqual({
      classId,
      role: 'student',
    });
  });

  it('replaces six-character codes from before with long ones', async () => {
    const owner = await teacher();
    const { classId } = await classOf(owner);
    await db.classroom.update({ where: { id: classId }, data: { joinCode: 'KX74QA' } });
    expect(await upgradeJoinCodes(db)).toBeGreaterThanOrEqual(1);
    const { joinCode } = await db.classroom.findUniqueOrThrow({ where: { id: classId } });
    expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(await upgradeJoinCodes(db)).toBe(0);
  });
});

describe('a removed student', { timeout: 60_000 }, () => {
  it('cannot rejoin with the old code or a new one until the teacher adds them back', async () => {
    const owner = await teacher();
    const { classId, code } = await classOf(owner);
    const student = await createUser('Leaver');
    await joinClass(db, { userId: student.id, code });
    await removeStudent(db, { userId: owner.id, classId, studentId: student.id });

    expect(await refusal(joinClass(db, { userId: student.id, code }))).toBe('FORBIDDEN');
    const { joinCode } = await db.classroom.findUniqueOrThrow({ where: { id: classId } });
    expect(
      await refusal(joinClassThrottled(db, { userId: student.id, code, client: newIp() })),
    ).toBe('FORBIDDEN');
    expect(joinCode).toBe(code);
    expect(await db.classMember.count({ where: { classId, userId: student.id } })).toBe(0);
    expect(await db.mapMember.count({ where: { userId: student.id } })).toBe(0);

    await addBackStudent(db, { userId: owner.id, classId, studentId: student.id });
    expect(await db.classMember.count({ where: { classId, userId: student.id } })).toBe(1);
    expect(await db.classRemoval.count({ where: { classId } })).toBe(0);
    // Removed again, still held; joining with the code works once added back only.
    await removeStudent(db, { userId: owner.id, classId, studentId: student.id });
    expect(await refusal(joinClass(db, { userId: student.id, code }))).toBe('FORBIDDEN');
    expect(
      await refusal(addBackStudent(db, { userId: student.id, classId, studentId: student.id })),
    ).toBe('NOT_FOUND');
  });
});
