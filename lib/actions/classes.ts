'use server';

import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { requestClient } from '@/lib/client-address';
import {
  JOIN_CODE_EXAMPLE,
  JOIN_CODE_LENGTH,
  normalizeJoinCode,
} from '@/lib/domain/classroom/join-code';
import type { ActionResult } from '@/lib/errors';
import {
  accountRef,
  addStudentsSchema,
  archiveClassSchema,
  classRef,
  classTimeZoneSchema,
  createClassSchema,
  joinCodeSchema,
  renameClassSchema,
  setAccountKindSchema,
  studentRef,
} from '@/lib/schemas/classes';
import {
  createManagedStudents,
  resetAllManagedPasswords,
  resetStudentPassword,
  setAccountKind,
} from '@/lib/server/classroom/accounts';
import {
  closeJoining,
  createClass,
  regenerateJoinCode,
  renameClass,
  setClassTimeZone,
} from '@/lib/server/classroom/classes';
import { setClassArchived } from '@/lib/server/classroom/archive';
import { joinClassThrottled } from '@/lib/server/classroom/join';
import { addBackStudent, removeStudent } from '@/lib/server/classroom/roster';
import { adminResetPassword } from '@/lib/server/password-resets';
import { db } from '@/lib/server/db';
import { requireUser } from '@/lib/server/session';
import { formToObject, runAction } from './run-action';

// The class pages' actions. Each asks who is signed in and leaves every permission check to the
// server function it calls (lib/server/classroom/*), which go through ./access.ts.

const classPath = (classId: string) => `/classes/${encodeURIComponent(classId)}`;

/** Creates a class (the form on /classes), then opens it. Works without scripts. */
export async function createClassAction(
  _prev: ActionResult<{ id: string }> | null,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(
    createClassSchema,
    formToObject(form),
    async ({ name, timeZone }) => {
      const user = await requireUser();
      return createClass(db, { userId: user.id, name, timeZone });
    },
  );
  if (result.ok) {
    revalidatePath('/classes');
    redirect(classPath(result.data.id));
  }
  return result;
}

export async function renameClassAction(input: z.input<typeof renameClassSchema>) {
  return runAction(renameClassSchema, input, async ({ classId, name }) => {
    const user = await requireUser();
    await renameClass(db, { userId: user.id, classId, name });
    revalidatePath(classPath(classId));
    return null;
  });
}

/** Sets the class's time zone (due dates are typed in it; the CSV files write it). */
export async function setClassTimeZoneAction(input: z.input<typeof classTimeZoneSchema>) {
  return runAction(classTimeZoneSchema, input, async ({ classId, timeZone }) => {
    const user = await requireUser();
    await setClassTimeZone(db, { userId: user.id, classId, timeZone });
    revalidatePath(classPath(classId));
    return null;
  });
}

/** Archives the class (read-only everywhere, out of the main lists) or takes it back out. */
export async function archiveClassAction(input: z.input<typeof archiveClassSchema>) {
  return runAction(archiveClassSchema, input, async ({ classId, archived }) => {
    const user = await requireUser();
    const result = await setClassArchived(db, { userId: user.id, classId, archived });
    revalidatePath('/', 'layout');
    return result;
  });
}

export async function regenerateJoinCodeAction(input: z.input<typeof classRef>) {
  return runAction(classRef, input, async ({ classId }) => {
    const user = await requireUser();
    const result = await regenerateJoinCode(db, { userId: user.id, classId });
    revalidatePath(classPath(classId));
    return result;
  });
}

export async function closeJoiningAction(input: z.input<typeof classRef>) {
  return runAction(classRef, input, async ({ classId }) => {
    const user = await requireUser();
    await closeJoining(db, { userId: user.id, classId });
    revalidatePath(classPath(classId));
    return null;
  });
}

/** Adds managed students by name; their passwords come back once, for the printable sheet. */
export async function addStudentsAction(input: z.input<typeof addStudentsSchema>) {
  return runAction(addStudentsSchema, input, async ({ classId, names }) => {
    const user = await requireUser();
    const students = await createManagedStudents(db, { userId: user.id, classId, names });
    revalidatePath(classPath(classId));
    return students;
  });
}

export async function resetStudentPasswordAction(input: z.input<typeof studentRef>) {
  return runAction(studentRef, input, async ({ classId, studentId }) => {
    const user = await requireUser();
    return resetStudentPassword(db, { userId: user.id, classId, studentId });
  });
}

export async function resetAllPasswordsAction(input: z.input<typeof classRef>) {
  return runAction(classRef, input, async ({ classId }) => {
    const user = await requireUser();
    return resetAllManagedPasswords(db, { userId: user.id, classId });
  });
}

export async function removeStudentAction(input: z.input<typeof studentRef>) {
  return runAction(studentRef, input, async ({ classId, studentId }) => {
    const user = await requireUser();
    await removeStudent(db, { userId: user.id, classId, studentId });
    revalidatePath(classPath(classId));
    return null;
  });
}

/** Adds a removed student back to the class (the only way back in: the code no longer works). */
export async function addBackStudentAction(input: z.input<typeof studentRef>) {
  return runAction(studentRef, input, async ({ classId, studentId }) => {
    const user = await requireUser();
    await addBackStudent(db, { userId: user.id, classId, studentId });
    revalidatePath(classPath(classId));
    return null;
  });
}

/** Goes from a typed code to its "Join …?" page (the form on /join). Works without scripts. */
export async function findClassAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction(joinCodeSchema, formToObject(form), async ({ code }) => code);
  if (result.ok) {
    const code = normalizeJoinCode(result.data);
    if (!code) {
      const message = `A class code has ${JOIN_CODE_LENGTH} letters and digits, like ${JOIN_CODE_EXAMPLE}.`;
      return { ok: false, code: 'INVALID', message, fieldErrors: { code: [message] } };
    }
    redirect(`/join/${code}`);
  }
  return result;
}

/** Joins the class of a code (the button on /join/<code>), throttled, then opens it. */
export async function joinClassAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction(joinCodeSchema, formToObject(form), async ({ code }) => {
    const user = await requireUser();
    const client = requestClient(await headers());
    return joinClassThrottled(db, { userId: user.id, code, client });
  });
  if (result.ok) {
    revalidatePath('/classes');
    redirect(classPath(result.data.classId));
  }
  return result.ok ? { ok: true, data: null } : result;
}

/** The admin resets someone's password: a new one for a managed account, else a reset link. */
export async function adminResetPasswordAction(input: z.input<typeof accountRef>) {
  return runAction(accountRef, input, async ({ userId }) => {
    const user = await requireUser();
    const result = await adminResetPassword(db, { userId: user.id, targetId: userId });
    revalidatePath('/admin');
    return result;
  });
}

export async function setAccountKindAction(input: z.input<typeof setAccountKindSchema>) {
  return runAction(setAccountKindSchema, input, async ({ userId, kind }) => {
    const user = await requireUser();
    await setAccountKind(db, { userId: user.id, targetId: userId, kind });
    revalidatePath('/admin');
    return null;
  });
}
