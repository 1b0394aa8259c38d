import { z } from 'zod';
import { rubricSchema } from '@/lib/domain/classroom/rubric';
import { recordId } from './ids';

// The inputs of the grading actions (lib/actions/grades.ts).

const id = recordId;

export const FEEDBACK_MAX = 5000;
export const CLAIM_FEEDBACK_MAX = 2000;

export const rubricInput = z.object({ assignmentId: id, rubric: rubricSchema });

export const gradeInput = z.object({
  workId: id,
  /** criterion id → points; checked against the assignment's rubric on the server. */
  scores: z
    .record(
      recordId.max(40),
      z.number('Enter a number of points.').int('Points are whole numbers.').min(0).max(100),
    )
    .refine((s) => Object.keys(s).length <= 10, 'Too many scores.'),
  feedback: z
    .string()
    .max(FEEDBACK_MAX, `Overall feedback is at most ${FEEDBACK_MAX} characters.`)
    .transform((s) => s.trim()),
});

const feedbackBody = z
  .string()
  .trim()
  .min(1, 'Write some feedback first.')
  .max(CLAIM_FEEDBACK_MAX, `Feedback on a claim is at most ${CLAIM_FEEDBACK_MAX} characters.`);

export const addClaimFeedbackInput = z.object({ workId: id, claimId: id, body: feedbackBody });
export const editClaimFeedbackInput = z.object({ feedbackId: id, body: feedbackBody });
export const claimFeedbackRef = z.object({ feedbackId: id });
export const releaseInput = z.object({ workId: id, released: z.boolean() });
export const assignmentRef = z.object({ assignmentId: id });
