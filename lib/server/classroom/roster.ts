import 'server-only';
import { csvTime, csvTimeHeader, toCsv } from '@/lib/domain/classroom/csv';
import { isManagedEmail } from '@/lib/domain/classroom/usernames';
import { AppError } from '@/lib/errors';
import type { Db, Tx } from '../db';
import { accessChanged } from '../live/access';
import { lockMap } from '../locks';
import { READING, requireClassAccess } from './access';
import { addClassMember, lockClass } from './classes';
import type { RemovedStudent, RosterEntry } from '@/lib/domain/classroom/views';

/** The students of a class, for its teacher. */

export async function listRoster(
  tx: Tx,
  opts: { userId: string; classId: string },
): Promise<RosterEntry[]> {
  const { class: cls } = await requireClassAccess(
    tx,
    opts.userId,
    opts.classId,
    'assignment.review',
  );
  const members = await tx.classMember.findMany({
    where: { classId: opts.classId },
    select: {
      pseudonym: true,
      createdAt: true,
      user: {
        select: { id: true, name: true, email: true, username: true, managedById: true },
      },
    },
  });
  return members
    .map(({ user, pseudonym, createdAt }): RosterEntry => {
      const managed = user.managedById !== null;
      return {
        userId: user.id,
        name: user.name,
        username: user.username,
        email: managed && isManagedEmail(user.email) ? null : user.email,
        managed,
        managedByTeacher: user.managedById === cls.teacherId,
        pseudonym,
        joinedAt: createdAt.toISOString(),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.joinedAt.localeCompare(b.joinedAt));
}

/**
 * The roster as CSV (never a password: those are stored hashed only); when each joined, in the
 * class's zone (`viewerZone`, the teacher's own, for a class without one yet).
 */
export async function rosterCsv(
  tx: Tx,
  opts: { userId: string; classId: string },
  viewerZone = 'UTC',
) {
  const { class: cls } = await requireClassAccess(
    tx,
    opts.userId,
    opts.classId,
    'class.manage',
    READING,
  );
  const rows = await listRoster(tx, opts);
  const zone = cls.timeZone ?? viewerZone;
  const csv = toCsv([
    ['Name', 'Username', 'Email', 'Account', 'Pseudonym', csvTimeHeader('Joined', zone)],
    ...rows.map((r) => [
      r.name,
      r.username ?? '',
      r.email ?? '',
      r.managed ? 'managed' : 'own',
      r.pseudonym,
      csvTime(r.joinedAt, zone),
    ]),
  ]);
  return { csv, className: cls.name };
}

/**
 * Removes a student from the class, in one transaction: their ClassMember row, their WorkMember
 * rows in the class's assignments and their MapMember rows on the maps of those assignments. Their account
 * stays (they may be in other classes); their open map pages close at once. The removal is
 * recorded (ClassRemoval): the class's code, old or new, no longer lets them in, until the teacher
 * adds them back (addBackStudent).
 */
export async function removeStudent(
  db: Db,
  opts: { userId: string; classId: string; studentId: string },
): Promise<void> {
  const mapIds = await db.$transaction(async (tx) => {
    await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
    await lockClass(tx, opts.classId);
    // Every map of the class's assignments the student is a member of (their own work's, and any
    // other they were let into), and the works they belong to.
    const works = await tx.assignmentWork.findMany({
      where: {
        assignment: { classId: opts.classId },
        OR: [
          { members: { some: { userId: opts.studentId } } },
          { map: { members: { some: { userId: opts.studentId } } } },
        ],
      },
      select: { id: true, mapId: true },
    });
    const maps = [...new Set(works.map((w) => w.mapId))];
    for (const mapId of maps.sort()) await lockMap(tx, mapId);
    const { count } = await tx.classMember.deleteMany({
      where: { classId: opts.classId, userId: opts.studentId },
    });
    if (count === 0) {
      throw new AppError('NOT_FOUND', 'That student is no longer in this class. Reload the page.');
    }
    await tx.workMember.deleteMany({
      where: { userId: opts.studentId, workId: { in: works.map((w) => w.id) } },
    });
    await tx.mapMember.deleteMany({ where: { userId: opts.studentId, mapId: { in: maps } } });
    await tx.classRemoval.upsert({
      where: { classId_userId: { classId: opts.classId, userId: opts.studentId } },
      create: { classId: opts.classId, userId: opts.studentId, removedById: opts.userId },
      update: { removedById: opts.userId, removedAt: new Date() },
    });
    return maps;
  });
  accessChanged({ userId: opts.studentId, reason: 'class-removed', mapIds });
}

/** The students removed from the class and not added back, newest first, for its teacher. */
export async function listRemovedStudents(
  tx: Tx,
  opts: { userId: string; classId: string },
): Promise<RemovedStudent[]> {
  await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage', READING);
  const rows = await tx.classRemoval.findMany({
    where: { classId: opts.classId },
    orderBy: { removedAt: 'desc' },
    select: {
      removedAt: true,
      user: { select: { id: true, name: true, email: true, username: true, managedById: true } },
    },
  });
  return rows.map(({ user, removedAt }) => ({
    userId: user.id,
    name: user.name,
    username: user.username,
    email: user.managedById !== null && isManagedEmail(user.email) ? null : user.email,
    removedAt: removedAt.toISOString(),
  }));
}

/**
 * Adds a removed student back to the class (the only way back in): the removal record goes, and
 * they become a member again with a place in the class's assignments, as on joining.
 */
export async function addBackStudent(
  db: Db,
  opts: { userId: string; classId: string; studentId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireClassAccess(tx, opts.userId, opts.classId, 'class.manage');
    await lockClass(tx, opts.classId);
    const { count } = await tx.classRemoval.deleteMany({
      where: { classId: opts.classId, userId: opts.studentId },
    });
    if (count === 0) {
      throw new AppError(
        'NOT_FOUND',
        'That student is not among the removed ones. Reload the page.',
      );
    }
    const member = await tx.classMember.findUnique({
      where: { classId_userId: { classId: opts.classId, userId: opts.studentId } },
      select: { userId: true },
    });
    if (!member) await addClassMember(tx, opts.classId, opts.studentId);
  });
}
