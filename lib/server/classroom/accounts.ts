import 'server-only';
import crypto from 'node:crypto';
import type { AccountKind } from '@/lib/domain/capabilities';
import { generatePassword } from '@/lib/domain/classroom/passwords';
import { managedEmail, usernameCandidates } from '@/lib/domain/classroom/usernames';
import { AppError } from '@/lib/errors';
import { getAuth } from '../auth';
import type { Db, Tx } from '../db';
import { provider } from '../db';
import { accessChanged } from '../live/access';
import { lockNames } from '../locks';
import { forgetSessions } from '../session';
import { requireClassAccess } from './access';
import { addClassMember, lockClass } from './classes';
import type { AccountRow, ResetMethod } from '@/lib/domain/classroom/views';

/**
 * Accounts made and looked after by others: managed student accounts (a teacher adds students by
 * name; they sign in with a username and a generated password, shown to the teacher once) and
 * the admin's list of accounts (who is a teacher).
 *
 * Accounts are written here directly, with better-auth's own password hasher, in the shape its
 * username plugin and credential sign-in read: never through signUpEmail, which (through the
 * nextCookies plugin) would sign the teacher in as the student.
 */

/** One student's sign-in details, shown once (the password is stored hashed only). */
export interface StudentCredentials {
  userId: string;
  name: string;
  username: string;
  password: string;
}

/** Hashes with better-auth's hasher (scrypt on the libuv pool), a few at a time. */
export async function hashAll(passwords: string[]): Promise<string[]> {
  const { password } = await getAuth().$context;
  const out: string[] = [];
  for (let i = 0; i < passwords.length; i += 8) {
    out.push(...(await Promise.all(passwords.slice(i, i + 8).map((p) => password.hash(p)))));
  }
  return out;
}

/** The first candidate username for `name` that no account has and `batch` has not taken. */
async function freeUsername(tx: Tx, name: string, batch: Set<string>): Promise<string> {
  for (let round = 0; round < 5; round++) {
    const candidates = usernameCandidates(name).filter((u) => !batch.has(u));
    const taken = await tx.user.findMany({
      where: {
        OR: [{ username: { in: candidates } }, { email: { in: candidates.map(managedEmail) } }],
      },
      select: { username: true, email: true },
    });
    const used = new Set(taken.flatMap((t) => [t.username, t.email]));
    const free = candidates.find((u) => !used.has(u) && !used.has(managedEmail(u)));
    if (free) {
      batch.add(free);
      return free;
    }
  }
  throw new AppError('UNAVAILABLE', 'Could not find a free username. Try again.');
}

/**
 * Creates a managed account for each name and adds it to the class (with a pseudonym and a place
 * in the class's assignments), all in one transaction. Returns each student's username and
 * generated password, for the teacher to print now.
 */
export async function createManagedStudents(
  db: Db,
  opts: { userId: string; classId: string; names: string[] },
): Promise<StudentCredentials[]> {
  // Checked before the slow hashing, and again inside the transaction.
  await requireClassAccess(db, opts.userId, opts.classId, 'class.manage');
  const passwords = opts.names.map(() => generatePassword());
  const hashes = await hashAll(passwords);
  const created = await db.$transaction(
    async (tx) => {
      await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
      await lockClass(tx, opts.classId);
      await lockNames(tx, ['usernames']);
      const batch = new Set<string>();
      const out: StudentCredentials[] = [];
      for (const [i, name] of opts.names.entries()) {
        const username = await freeUsername(tx, name, batch);
        const userId = crypto.randomUUID();
        await tx.user.create({
          data: {
            id: userId,
            name,
            email: managedEmail(username),
            username,
            displayUsername: username,
            accountKind: 'student',
            managedById: opts.userId,
          },
        });
        await tx.account.create({
          data: {
            id: crypto.randomUUID(),
            accountId: userId,
            providerId: 'credential',
            userId,
            password: hashes[i]!,
          },
        });
        await addClassMember(tx, opts.classId, userId);
        out.push({ userId, name, username, password: passwords[i]! });
      }
      return out;
    },
    { timeout: 60_000 },
  );
  return created;
}

/**
 * Managed students of this class that this teacher created: the only passwords a teacher may
 * reset. A student with their own email resets theirs through the emailed link ("Forgot your
 * password?"); the admin may reset anyone's (lib/server/password-resets.ts).
 */
async function ownManagedStudents(tx: Tx, teacherId: string, classId: string, only?: string) {
  return tx.user.findMany({
    where: {
      managedById: teacherId,
      classes: { some: { classId } },
      ...(only ? { id: only } : {}),
    },
    select: { id: true, name: true, username: true },
    orderBy: { name: 'asc' },
  });
}

/** Records a password reset for the admin's list: who, whose, how (now). */
export async function recordReset(
  tx: Tx,
  opts: { actorId: string; targetId: string; method: ResetMethod },
): Promise<void> {
  await tx.passwordReset.create({ data: opts });
}

/**
 * Gives an account a new password hash on someone else's say (a teacher, the admin), in the
 * caller's transaction: whoever is signed in with the old password is signed out, and the reset
 * is recorded for the admin (recordReset). Call forgetSessions() after commit.
 */
export async function replacePassword(
  tx: Tx,
  opts: { actorId: string; targetId: string; hash: string },
): Promise<void> {
  const { count } = await tx.account.updateMany({
    where: { userId: opts.targetId, providerId: 'credential' },
    data: { password: opts.hash },
  });
  if (count === 0) {
    await tx.account.create({
      data: {
        id: crypto.randomUUID(),
        accountId: opts.targetId,
        providerId: 'credential',
        userId: opts.targetId,
        password: opts.hash,
      },
    });
  }
  await tx.session.deleteMany({ where: { userId: opts.targetId } });
  await recordReset(tx, { actorId: opts.actorId, targetId: opts.targetId, method: 'new-password' });
}

async function setPasswords(
  db: Db,
  opts: { userId: string; classId: string; studentId?: string },
): Promise<StudentCredentials[]> {
  await requireClassAccess(db, opts.userId, opts.classId, 'class.manage');
  const students = await ownManagedStudents(db, opts.userId, opts.classId, opts.studentId);
  if (opts.studentId && students.length === 0) {
    throw new AppError(
      'FORBIDDEN',
      'Only accounts you added to this class get a new password from you. A student with their own email can use a reset link.',
    );
  }
  const passwords = students.map(() => generatePassword());
  const hashes = await hashAll(passwords);
  const done = await db.$transaction(
    async (tx) => {
      await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
      const still = new Set(
        (await ownManagedStudents(tx, opts.userId, opts.classId, opts.studentId)).map((s) => s.id),
      );
      const out: StudentCredentials[] = [];
      for (const [i, s] of students.entries()) {
        if (!still.has(s.id) || !s.username) continue;
        await replacePassword(tx, { actorId: opts.userId, targetId: s.id, hash: hashes[i]! });
        out.push({ userId: s.id, name: s.name, username: s.username, password: passwords[i]! });
      }
      return out;
    },
    { timeout: 60_000 },
  );
  forgetSessions();
  // Their open pages, on every app server, end now (signed out).
  accessChanged(...done.map((s) => ({ userId: s.userId, reason: 'password' as const })));
  return done;
}

/** A new generated password for one managed student of the class (shown once). */
export async function resetStudentPassword(
  db: Db,
  opts: { userId: string; classId: string; studentId: string },
): Promise<StudentCredentials> {
  const [one] = await setPasswords(db, opts);
  if (!one) throw new AppError('NOT_FOUND', 'That student is no longer in this class.');
  return one;
}

/** New generated passwords for every managed student the teacher added to the class. */
export async function resetAllManagedPasswords(
  db: Db,
  opts: { userId: string; classId: string },
): Promise<StudentCredentials[]> {
  return setPasswords(db, { userId: opts.userId, classId: opts.classId });
}

// ---------------------------------------------------------------- admin

export async function requireAdmin(tx: Tx, userId: string) {
  const me = await tx.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  // Someone who is not the admin is told the page does not exist.
  if (!me?.isAdmin) throw new AppError('NOT_FOUND', 'That page does not exist.');
}

export const ACCOUNTS_PAGE = 50;

/** Accounts whose name, email or username contains `query`, newest first (admin only). */
export async function listAccounts(
  tx: Tx,
  opts: { userId: string; query: string },
): Promise<{ rows: AccountRow[]; more: boolean }> {
  await requireAdmin(tx, opts.userId);
  const q = opts.query.trim();
  const mode = provider() === 'postgresql' ? ({ mode: 'insensitive' } as const) : {};
  const users = await tx.user.findMany({
    where: q
      ? {
          OR: [
            { name: { contains: q, ...mode } },
            { email: { contains: q, ...mode } },
            { username: { contains: q.toLowerCase() } },
          ],
        }
      : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: ACCOUNTS_PAGE + 1,
    select: {
      id: true,
      name: true,
      email: true,
      username: true,
      accountKind: true,
      isAdmin: true,
      managedById: true,
      createdAt: true,
    },
  });
  return {
    more: users.length > ACCOUNTS_PAGE,
    rows: users.slice(0, ACCOUNTS_PAGE).map((u) => ({
      id: u.id,
      name: u.name,
      email: u.managedById ? null : u.email,
      username: u.username,
      kind: u.accountKind === 'teacher' ? 'teacher' : 'student',
      isAdmin: u.isAdmin,
      managed: u.managedById !== null,
      createdAt: u.createdAt.toISOString(),
    })),
  };
}

/** Makes an account a teacher or a student again (admin only; never the admin's own). */
export async function setAccountKind(
  tx: Tx,
  opts: { userId: string; targetId: string; kind: AccountKind },
): Promise<void> {
  await requireAdmin(tx, opts.userId);
  const target = await tx.user.findUnique({
    where: { id: opts.targetId },
    select: { isAdmin: true, managedById: true },
  });
  if (!target) throw new AppError('NOT_FOUND', 'That account no longer exists.');
  if (target.isAdmin) throw new AppError('CONFLICT', 'The admin account stays a teacher.');
  if (target.managedById && opts.kind === 'teacher') {
    throw new AppError('CONFLICT', 'Student accounts made by a teacher cannot become teachers.');
  }
  const before = await tx.user.update({
    where: { id: opts.targetId },
    data: { accountKind: opts.kind },
    select: { id: true },
  });
  // Takes effect on their next request (the kind is read from the database every time); their
  // open pages check their access again now.
  accessChanged({ userId: before.id, reason: opts.kind === 'student' ? 'demoted' : 'role' });
}
