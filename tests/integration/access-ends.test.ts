import crypto from 'node:crypto';
import type { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it, vi } from 'vitest';
import { changePassword, signOutEverywhere } from '@/lib/server/account-settings';
import { getAuth } from '@/lib/server/auth';
import { moveStudent, updateAssignment } from '@/lib/server/classroom/assignments';
import {
  createManagedStudents,
  resetStudentPassword,
  setAccountKind,
} from '@/lib/server/classroom/accounts';
import { removeStudent } from '@/lib/server/classroom/roster';
import { postgresPubSub } from '@/lib/server/live/pg-pubsub';
import { pubsub, setPubSub, type BusMessage } from '@/lib/server/live/pubsub';
import { changeRole, inviteByEmail, removeMember } from '@/lib/server/members';
import { getOrCreateShareLink, revokeShareLink } from '@/lib/server/share-links';
import { getCurrentUser, sessionTokenOf } from '@/lib/server/session';
import { resetPassword, signOut } from '@/lib/server/sign-in';
import { createUser, db, theAdmin, userWithMap } from '../support/factories';
import { sleep, teamWorld, user, watch } from '../support/live-streams';
import { PASSWORD, signedIn } from '../support/signed-in';

// Access that ends, ends everywhere at once: for every cause, an open live stream of the person
// (or link) whose access changed ends within a second, saying why; a stream whose access did not
// change stays open. Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).

vi.mock('next/headers', async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  const scope = new AsyncLocalStorage<Headers>();
  (globalThis as { requestScope?: AsyncLocalStorage<Headers> }).requestScope = scope;
  const jar = { get: () => undefined, getAll: () => [], has: () => false, set() {}, delete() {} };
  return { headers: async () => scope.getStore() ?? new Headers(), cookies: async () => jar };
});
const asRequest = <T>(headers: Headers, work: () => Promise<T>) =>
  (globalThis as { requestScope?: AsyncLocalStorage<Headers> }).requestScope!.run(headers, work);

const url = process.env.DATABASE_URL!;
const onPostgres = /^postgres(ql)?:/.test(url);

/** A session row for `userId`, as better-auth writes one; its token. */
async function sessionFor(userId: string) {
  const token = crypto.randomBytes(16).toString('hex');
  await db.session.create({
    data: {
      id: crypto.randomUUID(),
      token,
      userId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return token;
}

describe('access that ends, ends at once', { timeout: 30_000 }, () => {
  it('a role change ends the stream saying what the person may do now; others stay open', async () => {
    const { user: owner, map } = await userWithMap();
    const eve = await createUser('Eve');
    const bob = await createUser('Bob');
    for (const p of [eve, bob])
      await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: p.email, role: 'editor' });
    const eves = watch(user(eve.id, 'editor'), map.id);
    const bobs = watch(user(bob.id, 'editor'), map.id);
    await changeRole(db, { userId: owner.id, mapId: map.id, memberId: eve.id, role: 'viewer' });
    expect(await eves.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'role', lost: false }),
    });
    expect((await eves.ended()).access!.message).toMatch(/only view/);
    expect((await bobs.ended(300)).closed).toBe(false);
    bobs.stop();
  });

  it('a viewer whose notes are turned off has their stream ended, though the role is the same', async () => {
    const { user: owner, map } = await userWithMap();
    const vic = await createUser('Vic');
    const invite = (includeNotes: boolean) =>
      inviteByEmail(db, {
        userId: owner.id,
        mapId: map.id,
        email: vic.email,
        role: 'viewer',
        includeNotes,
      });
    await invite(true);
    const vics = watch(user(vic.id, 'viewer'), map.id);
    await sleep(200); // the stream has read what Vic may see
    await invite(false);
    expect(await vics.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'role', lost: false }),
    });
  });

  it('removal from a map ends the stream; a removal from another map does not', async () => {
    const { user: owner, map } = await userWithMap();
    const { map: other } = await userWithMap('Other');
    const eve = await createUser('Eve');
    await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: eve.email, role: 'editor' });
    const otherOwner = (await db.argumentMap.findUniqueOrThrow({ where: { id: other.id } }))
      .ownerId;
    await inviteByEmail(db, {
      userId: otherOwner,
      mapId: other.id,
      email: eve.email,
      role: 'editor',
    });
    const stream = watch(user(eve.id, 'editor'), map.id);
    await removeMember(db, { userId: otherOwner, mapId: other.id, memberId: eve.id });
    expect((await stream.ended(300)).closed).toBe(false);
    await removeMember(db, { userId: owner.id, mapId: map.id, memberId: eve.id });
    expect(await stream.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'removed', lost: true }),
    });
  });

  it('a student moved to another team stops receiving the old team’s map', async () => {
    const w = await teamWorld();
    const [from, to] = w.works;
    const mover = from!.members[0]!.userId;
    const tab = crypto.randomUUID();
    const heard: BusMessage[] = [];
    const stop = pubsub().subscribe(from!.mapId, (m) => heard.push(m));
    const old = watch(user(mover, 'editor'), from!.mapId, { tabId: tab });
    const stayer = watch(user(from!.members[1]!.userId, 'editor'), from!.mapId);
    await moveStudent(db, {
      userId: w.teacher.id,
      assignmentId: w.assignmentId,
      studentId: mover,
      toWorkId: to!.id,
    });
    const ended = await old.ended();
    expect(ended).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'moved', lost: true }),
    });
    expect(ended.access!.message).toMatch(/moved you to another team/);
    // Their presence left with the stream.
    expect(heard).toContainEqual({ type: 'leave', tabId: tab, userId: mover });
    stop();
    expect((await stayer.ended(300)).closed).toBe(false);
    stayer.stop();
  });

  it('an assignment made anonymous ends its students’ streams, so names are hidden from then on', async () => {
    const w = await teamWorld();
    const member = w.works[0]!.members[0]!.userId;
    const stream = watch(user(member, 'editor'), w.works[0]!.mapId);
    await sleep(200); // the stream has read what the student may see
    const edit = { userId: w.teacher.id, assignmentId: w.assignmentId, title: 'Olympic thaw' };
    await updateAssignment(db, { ...edit, instructions: '', dueAt: null, anonymous: false });
    expect((await stream.ended(300)).closed).toBe(false);
    await updateAssignment(db, { ...edit, instructions: '', dueAt: null, anonymous: true });
    expect(await stream.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ lost: false }),
    });
  });

  it('removal from a class ends the student’s streams of its maps', async () => {
    const w = await teamWorld();
    const student = w.works[0]!.members[0]!.userId;
    const stream = watch(user(student, 'editor'), w.works[0]!.mapId);
    await removeStudent(db, { userId: w.teacher.id, classId: w.classId, studentId: student });
    expect(await stream.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'class-removed', lost: true }),
    });
  });

  it('a password the teacher reset signs the student’s open pages out', async () => {
    const w = await teamWorld();
    const [made] = await createManagedStudents(db, {
      userId: w.teacher.id,
      classId: w.classId,
      names: ['Kim Park'],
    });
    const work = await db.assignmentWork.findFirstOrThrow({
      where: { members: { some: { userId: made!.userId } } },
    });
    const stream = watch(user(made!.userId, 'editor', await sessionFor(made!.userId)), work.mapId);
    await resetStudentPassword(db, {
      userId: w.teacher.id,
      classId: w.classId,
      studentId: made!.userId,
    });
    const ended = await stream.ended();
    expect(ended).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'password', lost: true }),
    });
    expect(ended.access!.message).toMatch(/signed out/);
  });

  it('a teacher made a student only views their class’s maps from then on', async () => {
    const w = await teamWorld();
    const admin = await theAdmin();
    const stream = watch(user(w.teacher.id, 'owner'), w.works[0]!.mapId);
    const student = watch(user(w.works[0]!.members[0]!.userId, 'editor'), w.works[0]!.mapId);
    await setAccountKind(db, { userId: admin.id, targetId: w.teacher.id, kind: 'student' });
    const ended = await stream.ended();
    expect(ended).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'demoted', lost: false }),
    });
    expect(ended.access!.message).toMatch(/no longer a teacher account: you can now only view/);
    expect((await student.ended(300)).closed).toBe(false);
    student.stop();
  });

  it('a revoked view link ends the streams opened with it', async () => {
    const { user: owner, map } = await userWithMap();
    const link = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
    const row = await db.shareLink.findUniqueOrThrow({ where: { token: link.token } });
    const stream = watch(
      { kind: 'link', linkId: row.id, options: { includeNotes: false, showName: false } },
      map.id,
    );
    await revokeShareLink(db, { userId: owner.id, mapId: map.id });
    expect(await stream.ended()).toEqual({
      closed: true,
      access: expect.objectContaining({ reason: 'link', lost: true }),
    });
  });

  it.runIf(onPostgres)('ends a stream on another app server (LISTEN/NOTIFY)', async () => {
    const previous = pubsub();
    const channel = `access_test_${crypto.randomBytes(4).toString('hex')}`;
    const [here, there] = [0, 1].map(() => postgresPubSub(url, { channel, log: () => {} }));
    try {
      await Promise.all([here!.ready(), there!.ready()]);
      const w = await teamWorld();
      const [from, to] = w.works;
      const mover = from!.members[0]!.userId;
      setPubSub(there!); // the student's page is open on the other server…
      const old = watch(user(mover, 'editor'), from!.mapId);
      setPubSub(here!); // …and the teacher moves them on this one.
      await moveStudent(db, {
        userId: w.teacher.id,
        assignmentId: w.assignmentId,
        studentId: mover,
        toWorkId: to!.id,
      });
      expect(await old.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ reason: 'moved', lost: true }),
      });
    } finally {
      setPubSub(previous);
      await Promise.all([here!.close(), there!.close()]);
    }
  });

  describe('through better-auth, with a real session', () => {
    async function readerOn(account: Awaited<ReturnType<typeof signedIn>>) {
      const { map } = await userWithMap();
      const owner = (await db.argumentMap.findUniqueOrThrow({ where: { id: map.id } })).ownerId;
      await inviteByEmail(db, {
        userId: owner,
        mapId: map.id,
        email: account.email,
        role: 'editor',
      });
      const token = await sessionTokenOf(account.headers);
      expect(token).toBeTruthy();
      return { ...watch(user(account.userId, 'editor', token!), map.id), mapId: map.id };
    }

    it('a password reset through a reset link signs the open pages out', async () => {
      const account = await signedIn();
      const stream = await readerOn(account);
      const token = crypto.randomBytes(24).toString('base64url');
      // The record better-auth's requestPasswordReset writes (the link's token).
      await (
        await getAuth().$context
      ).internalAdapter.createVerificationValue({
        value: account.userId,
        identifier: `reset-password:${token}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      await resetPassword({ token, password: 'a new passphrase' });
      expect(await stream.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ reason: 'password', lost: true }),
      });
    });

    it('signing out everywhere ends the open pages and the cached session', async () => {
      const account = await signedIn();
      expect((await getCurrentUser(account.headers))?.id).toBe(account.userId);
      const stream = await readerOn(account);
      await asRequest(account.headers, () => signOutEverywhere());
      expect(await stream.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ reason: 'signed-out', lost: true }),
      });
      expect(await getCurrentUser(account.headers)).toBeNull();
    });

    it('signing out ends that session’s open pages; another device stays signed in', async () => {
      const account = await signedIn();
      const here = await readerOn(account);
      const { headers, response } = await getAuth().api.signInEmail({
        body: { email: account.email, password: PASSWORD },
        returnHeaders: true,
      });
      const cookie = headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const elsewhere = watch(
        user(response.user.id, 'editor', (await sessionTokenOf(new Headers({ cookie })))!),
        here.mapId,
      );
      await asRequest(account.headers, () => signOut());
      expect(await here.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ reason: 'signed-out', lost: true }),
      });
      expect((await elsewhere.ended(300)).closed).toBe(false);
      elsewhere.stop();
    });

    it('changing the password asks for the current one, then ends the other sessions', async () => {
      const account = await signedIn();
      const stream = await readerOn(account);
      await expect(
        asRequest(account.headers, () =>
          changePassword({ currentPassword: 'not it at all', newPassword: 'a new passphrase' }),
        ),
      ).rejects.toMatchObject({ code: 'INVALID', field: 'currentPassword' });
      expect((await stream.ended(300)).closed).toBe(false);
      await asRequest(account.headers, () =>
        changePassword({ currentPassword: PASSWORD, newPassword: 'a new passphrase' }),
      );
      expect(await stream.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ reason: 'password', lost: true }),
      });
      await expect(
        getAuth().api.signInEmail({ body: { email: account.email, password: 'a new passphrase' } }),
      ).resolves.toBeTruthy();
    });

    it('guessing the current password is slowed like guessing at sign-in', async () => {
      const account = await signedIn();
      const change = (currentPassword: string) =>
        asRequest(account.headers, () =>
          changePassword({ currentPassword, newPassword: 'a new passphrase' }),
        ).catch((e: { code: string }) => e.code);
      // A too-short new password takes its count back: it is no guess.
      for (let i = 0; i < 8; i++)
        await asRequest(account.headers, () =>
          changePassword({ currentPassword: 'guess', newPassword: 'short' }),
        ).catch(() => {});
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push(await change(`guess ${i}`));
      expect(codes).toEqual([...Array(5).fill('INVALID'), 'RATE_LIMITED', 'RATE_LIMITED']);
      // While it waits, even the right password is not checked.
      expect(await change(PASSWORD)).toBe('RATE_LIMITED');
    });
  });
});
