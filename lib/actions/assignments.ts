'use server';

import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import {
  assignmentRef,
  createAssignmentSchema,
  nextRoundSchema,
  moveStudentSchema,
  renameTeamSchema,
  updateAssignmentSchema,
  workSideSchema,
} from '@/lib/schemas/assignments';
import {
  addTeam,
  createAssignment,
  deleteAssignment,
  moveStudent,
  renameTeam,
  setWorkSide,
  startNextRound,
  updateAssignment,
} from '@/lib/server/classroom/assignments';
import { db } from '@/lib/server/db';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

// The assignment pages' actions. Each asks who is signed in and leaves every permission check to
// lib/server/classroom/assignments.ts (through ./access.ts).

const assignmentPath = (id: string) => `/assignments/${encodeURIComponent(id)}`;

export async function createAssignmentAction(input: z.input<typeof createAssignmentSchema>) {
  return runAction(createAssignmentSchema, input, async (data) => {
    const user = await requireUser();
    const created = await createAssignment(db, { ...data, userId: user.id });
    revalidatePath(`/classes/${encodeURIComponent(data.classId)}`);
    return created;
  });
}

export async function updateAssignmentAction(input: z.input<typeof updateAssignmentSchema>) {
  return runAction(updateAssignmentSchema, input, async (data) => {
    const user = await requireUser();
    await updateAssignment(db, { ...data, userId: user.id });
    revalidatePath(assignmentPath(data.assignmentId));
    return null;
  });
}

export async function setWorkSideAction(input: z.input<typeof workSideSchema>) {
  return runAction(workSideSchema, input, async (data) => {
    const user = await requireUser();
    await setWorkSide(db, { ...data, userId: user.id });
    revalidatePath(assignmentPath(data.assignmentId));
    return null;
  });
}

export async function renameTeamAction(input: z.input<typeof renameTeamSchema>) {
  return runAction(renameTeamSchema, input, async (data) => {
    const user = await requireUser();
    await renameTeam(db, { ...data, userId: user.id });
    revalidatePath(assignmentPath(data.assignmentId));
    return null;
  });
}

export async function addTeamAction(input: z.input<typeof assignmentRef>) {
  return runAction(assignmentRef, input, async ({ assignmentId }) => {
    const user = await requireUser();
    await addTeam(db, { userId: user.id, assignmentId });
    revalidatePath(assignmentPath(assignmentId));
    return null;
  });
}

export async function moveStudentAction(input: z.input<typeof moveStudentSchema>) {
  return runAction(moveStudentSchema, input, async (data) => {
    const user = await requireUser();
    await moveStudent(db, { ...data, userId: user.id });
    revalidatePath(assignmentPath(data.assignmentId));
    return null;
  });
}

export async function startNextRoundAction(input: z.input<typeof nextRoundSchema>) {
  return runAction(nextRoundSchema, input, async ({ assignmentId, dueAt }) => {
    const user = await requireUser();
    return startNextRound(db, { userId: user.id, assignmentId, dueAt });
  });
}

export async function deleteAssignmentAction(input: z.input<typeof assignmentRef>) {
  return runAction(assignmentRef, input, async ({ assignmentId }) => {
    const user = await requireUser();
    await deleteAssignment(db, { userId: user.id, assignmentId });
    return null;
  });
}
