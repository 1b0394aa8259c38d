import 'server-only';
import type { ClassRole } from '@/lib/domain/capabilities';
import { generateJoinCode, normalizeJoinCode } from '@/lib/domain/classroom/join-code';
import { pickPseudonym } from '@/lib/domain/classroom/pseudonyms';
import { AppError } from '@/lib/errors';
import { CLASS_SIZE_MAX } from '@/lib/schemas/classes';
import type { Db, Tx } from '../db';
import { lockNames } from '../locks';
import { requireClassAccess, requireTeacher } from './access';
import { provisionNewStudent } from './works';

/**
 * Classes: a teacher creates one, names it, and opens it to students with a join code (or closes
 * it); students join with the code. Every read and write goes through ./access.ts.
 */

export interface TaughtClass {
  id: string;
  name: string;
  studentCount: number;
  joinCode: string | null;
  createdAt: string;
  /** When the teacher archived it (ISO), or null. */
  archivedAt: string | null;
}

export interface AttendedClass {
  id: string;
  name: string;
  teacherName: string;
  joinedAt: string;
  archivedAt: string | null;
}

export interface ClassPage {
  id: string;
  name: string;
  role: ClassRole;
  teacherName: string;
  /** The join code, for the teacher only (null: joining is closed). */
  joinCode: string | null;
  /** When the class was archived (ISO): read-only until unarchived. Null: it is not. */
  archivedAt: string | null;
  /** The class's IANA time zone (due dates are typed in it); null: never set. */
  timeZone: string | null;
}

/** Serialises writes to one class's members (pseudonyms, codes) on PostgreSQL. */
export const lockClass = (tx: Tx, classId: string) => lockNames(tx, [`class:${classId}`]);

/** A join code no class has (a collision is retried; 24^8 ≈ 1.1 × 10^11 codes). */
async function unusedJoinCode(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generateJoinCode();
    if (!(await tx.classroom.findUnique({ where: { joinCode: code }, select: { id: true } })))
      return code;
  }
  throw new AppError('UNAVAILABLE', 'Could not find a free class code. Try again.');
}

/** Creates a class, open for joining, for a teacher account, in a time zone (null: none yet). */
export async function createClass(
  db: Db,
  opts: { userId: string; name: string; timeZone?: string | null },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await requireTeacher(tx, opts.userId);
    await lockNames(tx, ['join-codes']);
    const joinCode = await unusedJoinCode(tx);
    return tx.classroom.create({
      data: {
        name: opts.name.trim(),
        teacherId: opts.userId,
        joinCode,
        timeZone: opts.timeZone ?? null,
      },
      select: { id: true },
    });
  });
}

/**
 * The classes someone teaches and the classes they are a student in; archived ones apart, in
 * `archived` (most recently archived first), out of the main lists.
 */
export async function listClasses(tx: Tx, userId: string) {
  const [taught, attended] = await Promise.all([
    tx.classroom.findMany({
      where: { teacherId: userId },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        name: true,
        joinCode: true,
        createdAt: true,
        archivedAt: true,
        _count: { select: { members: true } },
      },
    }),
    tx.classMember.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: {
        createdAt: true,
        class: {
          select: { id: true, name: true, archivedAt: true, teacher: { select: { name: true } } },
        },
      },
    }),
  ]);
  const teaching = taught.map((c): TaughtClass => ({
    id: c.id,
    name: c.name,
    joinCode: c.joinCode,
    studentCount: c._count.members,
    createdAt: c.createdAt.toISOString(),
    archivedAt: c.archivedAt?.toISOString() ?? null,
  }));
  const attending = attended.map((m): AttendedClass => ({
    id: m.class.id,
    name: m.class.name,
    teacherName: m.class.teacher.name,
    joinedAt: m.createdAt.toISOString(),
    archivedAt: m.class.archivedAt?.toISOString() ?? null,
  }));
  const open = <T extends { archivedAt: string | null }>(list: T[]) =>
    list.filter((c) => !c.archivedAt);
  const shelved = <T extends { archivedAt: string | null }>(list: T[]) =>
    list.filter((c) => c.archivedAt).sort((a, b) => b.archivedAt!.localeCompare(a.archivedAt!));
  return {
    teaching: open(teaching),
    attending: open(attending),
    archived: { teaching: shelved(teaching), attending: shelved(attending) },
  };
}

/** The class page's heading, for its teacher or one of its students. */
export async function getClassPage(
  tx: Tx,
  opts: { userId: string; classId: string },
): Promise<ClassPage> {
  const { class: cls, role } = await requireClassAccess(
    tx,
    opts.userId,
    opts.classId,
    'class.read',
  );
  const teacher = await tx.user.findUniqueOrThrow({
    where: { id: cls.teacherId },
    select: { name: true },
  });
  return {
    id: cls.id,
    name: cls.name,
    role,
    teacherName: teacher.name,
    joinCode: role === 'teacher' ? cls.joinCode : null,
    archivedAt: cls.archivedAt?.toISOString() ?? null,
    timeZone: cls.timeZone,
  };
}

export async function renameClass(
  tx: Tx,
  opts: { userId: string; classId: string; name: string },
): Promise<void> {
  await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
  await tx.classroom.update({ where: { id: opts.classId }, data: { name: opts.name.trim() } });
}

/** Sets the class's time zone (an IANA name, checked by the action's schema). */
export async function setClassTimeZone(
  tx: Tx,
  opts: { userId: string; classId: string; timeZone: string },
): Promise<void> {
  await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
  await tx.classroom.update({ where: { id: opts.classId }, data: { timeZone: opts.timeZone } });
}

/** A new join code (joining opens if it was closed); the old code stops working at once. */
export async function regenerateJoinCode(
  db: Db,
  opts: { userId: string; classId: string },
): Promise<{ joinCode: string }> {
  return db.$transaction(async (tx) => {
    await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
    await lockNames(tx, ['join-codes']);
    const joinCode = await unusedJoinCode(tx);
    await tx.classroom.update({ where: { id: opts.classId }, data: { joinCode } });
    return { joinCode };
  });
}

/** Closes joining: the code stops working; students already in stay. */
export async function closeJoining(
  tx: Tx,
  opts: { userId: string; classId: string },
): Promise<void> {
  await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
  await tx.classroom.update({ where: { id: opts.classId }, data: { joinCode: null } });
}

const NO_SUCH_CODE = 'No class is open to join with that code. Check it with your teacher.';

/** The open class a code names, or null (for joining only: nothing about it is shown first). */
async function openClassByCode(tx: Tx, code: string) {
  const joinCode = normalizeJoinCode(code);
  if (!joinCode) return null;
  const cls = await tx.classroom.findUnique({
    where: { joinCode },
    select: { id: true, teacherId: true, archivedAt: true },
  });
  return cls && !cls.archivedAt ? cls : null;
}

/**
 * The class a code opens, only when `userId` already teaches it or is in it (the join link then
 * says so, or opens the class); null otherwise. Nobody learns anything about a class they are not
 * in from its code except by joining it (lib/server/classroom/join.ts, throttled).
 */
export async function findOwnClassByCode(
  tx: Tx,
  opts: { userId: string; code: string },
): Promise<{ classId: string; role: ClassRole } | null> {
  const cls = await openClassByCode(tx, opts.code);
  if (!cls) return null;
  if (cls.teacherId === opts.userId) return { classId: cls.id, role: 'teacher' };
  const member = await tx.classMember.findUnique({
    where: { classId_userId: { classId: cls.id, userId: opts.userId } },
    select: { userId: true },
  });
  return member ? { classId: cls.id, role: 'student' } : null;
}

/**
 * Adds someone to a class as a student: a ClassMember row with a pseudonym unique in the class,
 * then their place in the class's assignments (provisionNewStudent), in the caller's transaction.
 * Call with the class locked (lockClass).
 */
export async function addClassMember(tx: Tx, classId: string, userId: string): Promise<void> {
  const members = await tx.classMember.findMany({
    where: { classId },
    select: { pseudonym: true },
  });
  if (members.length >= CLASS_SIZE_MAX) {
    throw new AppError('CONFLICT', `A class holds at most ${CLASS_SIZE_MAX} students.`);
  }
  const pseudonym = pickPseudonym(members.map((m) => m.pseudonym));
  await tx.classMember.create({ data: { classId, userId, pseudonym } });
  await provisionNewStudent(tx, classId, userId);
}

/**
 * Joins the class a code opens. Joining twice is harmless; the class's teacher is refused (they
 * teach it), and so is a student the teacher removed, until the teacher adds them back. Returns
 * the class. A wrong code is refused with NOT_FOUND on the field `code` (what the join throttle
 * counts as a wrong guess, lib/server/classroom/join.ts).
 */
export async function joinClass(
  db: Db,
  opts: { userId: string; code: string },
): Promise<{ classId: string; alreadyMember: boolean }> {
  return db.$transaction(async (tx) => {
    const found = await openClassByCode(tx, opts.code);
    if (!found) throw new AppError('NOT_FOUND', NO_SUCH_CODE, 'code');
    const preview = { classId: found.id };
    await lockClass(tx, preview.classId);
    const cls = await tx.classroom.findUniqueOrThrow({
      where: { id: preview.classId },
      select: { teacherId: true },
    });
    if (cls.teacherId === opts.userId) {
      throw new AppError(
        'CONFLICT',
        'You teach this class, so you cannot join it as a student. Share the code with your students.',
        'code',
      );
    }
    const existing = await tx.classMember.findUnique({
      where: { classId_userId: { classId: preview.classId, userId: opts.userId } },
      select: { userId: true },
    });
    if (existing) return { classId: preview.classId, alreadyMember: true };
    const removed = await tx.classRemoval.findUnique({
      where: { classId_userId: { classId: preview.classId, userId: opts.userId } },
      select: { userId: true },
    });
    if (removed) {
      throw new AppError(
        'FORBIDDEN',
        'Your teacher removed you from this class, so its code no longer lets you in. Ask them to add you back.',
      );
    }
    await addClassMember(tx, preview.classId, opts.userId);
    return { classId: preview.classId, alreadyMember: false };
  });
}
