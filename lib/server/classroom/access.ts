import 'server-only';
import {
  canInClass,
  isAccountKind,
  type AccountKind,
  type ClassCapability,
  type ClassRole,
} from '@/lib/domain/capabilities';
import { archivedError, onlyReads } from '@/lib/domain/classroom/archive';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';

/**
 * Every read and write of a class's data goes through one of these: the class, assignment or
 * piece of work is returned only if the person may do `capability` in its class. Someone with no
 * place in the class is told it does not exist (its existence is not revealed); a student asking
 * for a teacher's capability is told why not.
 */

const MISSING = 'That class does not exist, or you are no longer in it.';

/**
 * A class's teacher whose account the admin made a student account keeps the class, read-only:
 * they see it and its work, and change nothing (no renames, accounts, assignments or grades)
 * until the admin makes them a teacher again. Their account kind is read from the database on
 * every check, so the change applies from their next request.
 */
export const FORMER_TEACHER_MAY: readonly ClassCapability[] = ['class.read', 'assignment.review'];
export const FORMER_TEACHER =
  'Your account is no longer a teacher account, so this class is read-only for you. Ask the admin of this server to make you a teacher again.';

/** Refuses a class's teacher whose account is no longer a teacher's anything but reading. */
async function requireStillTeacher(
  tx: Tx,
  userId: string,
  role: ClassRole,
  capability: ClassCapability,
) {
  if (role !== 'teacher' || FORMER_TEACHER_MAY.includes(capability)) return;
  if ((await accountOf(tx, userId)).kind !== 'teacher') {
    throw new AppError('FORBIDDEN', FORMER_TEACHER);
  }
}

/**
 * What a check is for, when the class is archived (lib/domain/classroom/archive.ts: read-only).
 * A capability that only reads ('class.read', 'assignment.review', 'grade.read-own') is always
 * allowed; any other is a change, refused in an archived class, unless the call says
 * `whileArchived`: it reads with a teacher's capability (the grading page, the rubric, the codes
 * sheet) or it is the archive switch itself.
 */
export interface AccessOptions {
  whileArchived?: boolean;
}

/** For a teacher's page that reads with a capability that can also change things. */
export const READING: AccessOptions = { whileArchived: true };

/** A person's role in a class (its teacher, a student in it, or null) and whether it is archived. */
async function standing(tx: Tx, userId: string | null, classId: string) {
  if (!userId) return null;
  const row = await tx.classroom.findUnique({
    where: { id: classId },
    select: {
      teacherId: true,
      archivedAt: true,
      members: { where: { userId }, select: { userId: true } },
    },
  });
  if (!row) return null;
  const role: ClassRole | null =
    row.teacherId === userId ? 'teacher' : row.members.length > 0 ? 'student' : null;
  return role ? { role, archived: row.archivedAt !== null } : null;
}

/** Refuses a change to an archived class (after the role was found to allow it). */
function requireOpen(archived: boolean, capability: ClassCapability, options: AccessOptions) {
  if (archived && !onlyReads(capability) && !options.whileArchived) throw archivedError();
}

function refuse(role: ClassRole | null): never {
  if (!role) throw new AppError('NOT_FOUND', MISSING);
  throw new AppError('FORBIDDEN', 'Only the teacher of this class can do that.');
}

export async function requireClassAccess(
  tx: Tx,
  userId: string,
  classId: string,
  capability: ClassCapability,
  options: AccessOptions = {},
) {
  const found = await standing(tx, userId, classId);
  const role = found?.role ?? null;
  if (!canInClass(role, capability)) refuse(role);
  await requireStillTeacher(tx, userId, role!, capability);
  requireOpen(found!.archived, capability, options);
  const cls = await tx.classroom.findUniqueOrThrow({ where: { id: classId } });
  return { class: cls, role: role! };
}

export async function requireAssignmentAccess(
  tx: Tx,
  userId: string,
  assignmentId: string,
  capability: ClassCapability,
  options: AccessOptions = {},
) {
  const assignment = await tx.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment) throw new AppError('NOT_FOUND', 'That assignment does not exist.');
  const found = await standing(tx, userId, assignment.classId);
  const role = found?.role ?? null;
  if (!canInClass(role, capability)) {
    if (!role) throw new AppError('NOT_FOUND', 'That assignment does not exist.');
    refuse(role);
  }
  await requireStillTeacher(tx, userId, role!, capability);
  requireOpen(found!.archived, capability, options);
  return { assignment, role: role! };
}

/**
 * A piece of work, for its class's teacher (any capability they have) or for one of its own
 * members (student capabilities only): a student never reaches another student's or team's work.
 */
export async function requireWorkAccess(
  tx: Tx,
  userId: string,
  workId: string,
  capability: ClassCapability,
  options: AccessOptions = {},
) {
  const work = await tx.assignmentWork.findUnique({
    where: { id: workId },
    include: { assignment: true, members: { select: { userId: true } } },
  });
  const missing = () => new AppError('NOT_FOUND', 'That piece of work does not exist.');
  if (!work) throw missing();
  const found = await standing(tx, userId, work.assignment.classId);
  if (!found) throw missing();
  const { role } = found;
  if (role === 'student' && !work.members.some((m) => m.userId === userId)) throw missing();
  if (!canInClass(role, capability)) refuse(role);
  await requireStillTeacher(tx, userId, role, capability);
  requireOpen(found.archived, capability, options);
  return { work, role };
}

/** A person's account kind (student or teacher) and whether they are the server's admin. */
export async function accountOf(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { accountKind: true, isAdmin: true },
  });
  const kind: AccountKind = isAccountKind(user?.accountKind) ? user.accountKind : 'student';
  return { kind, isAdmin: user?.isAdmin ?? false };
}

/** Refuses anyone who is not a teacher (creating classes and debates). */
export async function requireTeacher(tx: Tx, userId: string) {
  const account = await accountOf(tx, userId);
  if (account.kind !== 'teacher') {
    throw new AppError(
      'FORBIDDEN',
      'Only teacher accounts can do that. Ask the admin of this server to make you a teacher.',
    );
  }
  return account;
}
