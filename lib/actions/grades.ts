'use server';

import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import {
  addClaimFeedbackInput,
  assignmentRef,
  claimFeedbackRef,
  editClaimFeedbackInput,
  gradeInput,
  releaseInput,
  rubricInput,
} from '@/lib/schemas/grades';
import { db } from '@/lib/server/db';
import {
  addClaimFeedback,
  deleteClaimFeedback,
  editClaimFeedback,
} from '@/lib/server/classroom/feedback';
import {
  releaseAllGrades,
  saveGrade,
  setGradeReleased,
  updateRubric,
} from '@/lib/server/classroom/grades';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

// The grading page's actions. Each asks who is signed in and leaves every permission check to the
// server function it calls (the class's teacher only): nothing the browser says is trusted.

export async function updateRubricAction(input: z.input<typeof rubricInput>) {
  return runAction(rubricInput, input, async ({ assignmentId, rubric }) => {
    const user = await requireUser();
    const saved = await updateRubric(db, { userId: user.id, assignmentId, rubric });
    revalidatePath(`/assignments/${assignmentId}`, 'layout');
    return saved;
  });
}

export async function saveGradeAction(input: z.input<typeof gradeInput>) {
  return runAction(gradeInput, input, async (data) => {
    const user = await requireUser();
    return db.$transaction((tx) => saveGrade(tx, { ...data, userId: user.id }));
  });
}

export async function setGradeReleasedAction(input: z.input<typeof releaseInput>) {
  return runAction(releaseInput, input, async (data) => {
    const user = await requireUser();
    return db.$transaction((tx) => setGradeReleased(tx, { ...data, userId: user.id }));
  });
}

export async function releaseAllGradesAction(input: z.input<typeof assignmentRef>) {
  return runAction(assignmentRef, input, async ({ assignmentId }) => {
    const user = await requireUser();
    const result = await db.$transaction((tx) =>
      releaseAllGrades(tx, { userId: user.id, assignmentId }),
    );
    revalidatePath(`/assignments/${assignmentId}`, 'layout');
    return result;
  });
}

export async function addClaimFeedbackAction(input: z.input<typeof addClaimFeedbackInput>) {
  return runAction(addClaimFeedbackInput, input, async (data) => {
    const user = await requireUser();
    return db.$transaction((tx) => addClaimFeedback(tx, { ...data, userId: user.id }));
  });
}

export async function editClaimFeedbackAction(input: z.input<typeof editClaimFeedbackInput>) {
  return runAction(editClaimFeedbackInput, input, async (data) => {
    const user = await requireUser();
    return db.$transaction((tx) => editClaimFeedback(tx, { ...data, userId: user.id }));
  });
}

export async function deleteClaimFeedbackAction(input: z.input<typeof claimFeedbackRef>) {
  return runAction(claimFeedbackRef, input, async ({ feedbackId }) => {
    const user = await requireUser();
    return db.$transaction((tx) => deleteClaimFeedback(tx, { userId: user.id, feedbackId }));
  });
}
