import 'server-only';
import { parseRubric } from '@/lib/domain/classroom/rubric';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { READING, requireWorkAccess } from './access';
import { toGradeView } from './grades';
import type { ClaimFeedbackView, ReleasedFeedback } from '@/lib/domain/classroom/views';

/**
 * The teacher's notes on single claims of a piece of work. Only the class's teacher
 * ('grade.write') writes or reads them while private; a student of the work sees them, with the
 * grade, once the teacher releases the work (releasedFeedbackFor).
 */

const toView = (f: {
  id: string;
  claimId: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}): ClaimFeedbackView => ({
  id: f.id,
  claimId: f.claimId,
  body: f.body,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

const MISSING_FEEDBACK = () =>
  new AppError('NOT_FOUND', 'That feedback no longer exists. Reload the page to see what is left.');

/** All claim feedback of a work, private or not, oldest first: for the teacher. */
export async function listClaimFeedback(
  tx: Tx,
  opts: { userId: string; workId: string },
): Promise<ClaimFeedbackView[]> {
  await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write', READING);
  const rows = await tx.claimFeedback.findMany({
    where: { workId: opts.workId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toView);
}

/** Adds the teacher's note to a claim; the claim must be a live claim of the work's map. */
export async function addClaimFeedback(
  tx: Tx,
  opts: { userId: string; workId: string; claimId: string; body: string },
): Promise<ClaimFeedbackView> {
  const { work } = await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write');
  const claim = await tx.claim.findUnique({
    where: { id: opts.claimId },
    select: { mapId: true, deletedAt: true },
  });
  if (!claim || claim.mapId !== work.mapId || claim.deletedAt) {
    throw appError('claim.gone');
  }
  const row = await tx.claimFeedback.create({
    data: { workId: work.id, claimId: opts.claimId, authorId: opts.userId, body: opts.body },
  });
  return toView(row);
}

async function requireFeedback(tx: Tx, userId: string, feedbackId: string) {
  const row = await tx.claimFeedback.findUnique({ where: { id: feedbackId } });
  if (!row) throw MISSING_FEEDBACK();
  try {
    await requireWorkAccess(tx, userId, row.workId, 'grade.write');
  } catch (error) {
    // Someone outside the class learns nothing about the note, not even that it exists.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw MISSING_FEEDBACK();
    throw error;
  }
  return row;
}

export async function editClaimFeedback(
  tx: Tx,
  opts: { userId: string; feedbackId: string; body: string },
): Promise<ClaimFeedbackView> {
  await requireFeedback(tx, opts.userId, opts.feedbackId);
  const row = await tx.claimFeedback.update({
    where: { id: opts.feedbackId },
    data: { body: opts.body },
  });
  return toView(row);
}

export async function deleteClaimFeedback(
  tx: Tx,
  opts: { userId: string; feedbackId: string },
): Promise<{ id: string }> {
  await requireFeedback(tx, opts.userId, opts.feedbackId);
  await tx.claimFeedback.delete({ where: { id: opts.feedbackId } });
  return { id: opts.feedbackId };
}

/**
 * What a student of the work sees of its grading: the grade, the overall feedback and the claim
 * feedback, once released; null while it is private. Anyone not a member of the work (or the
 * class's teacher) is refused as for any other read of the work.
 */
export async function releasedFeedbackFor(
  tx: Tx,
  userId: string,
  workId: string,
): Promise<ReleasedFeedback | null> {
  const { work } = await requireWorkAccess(tx, userId, workId, 'grade.read-own');
  const grade = await tx.grade.findUnique({ where: { workId: work.id } });
  if (!grade?.releasedAt) return null;
  const rubric = parseRubric(work.assignment.rubric);
  const claims = await tx.claimFeedback.findMany({
    where: { workId: work.id, claim: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return { rubric, grade: toGradeView(work.id, rubric, grade), claims: claims.map(toView) };
}
