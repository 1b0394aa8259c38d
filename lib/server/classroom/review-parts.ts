import 'server-only';
import type { TreeNode } from '@/lib/domain/argument-tree';
import type { Tx } from '../db';
import { toStance } from '../row-views';
import { requireAssignmentAccess } from './access';

// What the teacher's views of an assignment share: the dashboard and the comparison
// (dashboard.ts, compare-works.ts) and the grading page (work-view.ts).

/** An assignment as the teacher's pages show it at their top. */
export interface AssignmentSummary {
  id: string;
  title: string;
  classId: string;
  className: string;
  mode: string;
  anonymous: boolean;
  dueAt: string | null;
  /** The class is archived: its work is read-only (the page says so). */
  archived: boolean;
  /** The class's time zone (null: never set): the CSV writes its times in it. */
  timeZone: string | null;
}

export function assignmentSummary(
  a: {
    id: string;
    title: string;
    classId: string;
    mode: string;
    anonymous: boolean;
    dueAt: Date | null;
  },
  cls: { name: string; archivedAt: Date | null; timeZone: string | null },
): AssignmentSummary {
  return {
    id: a.id,
    title: a.title,
    classId: a.classId,
    className: cls.name,
    mode: a.mode,
    anonymous: a.anonymous,
    dueAt: a.dueAt?.toISOString() ?? null,
    archived: cls.archivedAt !== null,
    timeZone: cls.timeZone,
  };
}

/** An assignment the teacher reviews ('assignment.review'), its class's name and its theses. */
export async function loadReviewedAssignment(tx: Tx, userId: string, assignmentId: string) {
  const { assignment } = await requireAssignmentAccess(
    tx,
    userId,
    assignmentId,
    'assignment.review',
  );
  const [cls, theses] = await Promise.all([
    tx.classroom.findUniqueOrThrow({
      where: { id: assignment.classId },
      select: { name: true, archivedAt: true, timeZone: true },
    }),
    tx.thesis.findMany({
      where: { debateId: assignment.debateId },
      orderBy: { position: 'asc' },
      select: { id: true, position: true, label: true },
    }),
  ]);
  return { assignment, className: cls.name, cls, theses };
}

/** The names of a work's members, in alphabetical order. */
export const memberNames = (members: { user: { name: string } }[]) =>
  members.map((m) => m.user.name).sort((a, b) => a.localeCompare(b, 'en'));

/** A work's name: the team's, "Whole class", or the student's (real names: teacher only). */
export function workName(mode: string, name: string, members: string[]) {
  if (name) return name;
  if (mode === 'class') return 'Whole class';
  return members.join(', ') || 'No students yet';
}

/** The columns of a claim that place it in its tree, and of a cross-link. */
export const CLAIM_PLACE = {
  id: true,
  mapId: true,
  thesisId: true,
  parentId: true,
  stance: true,
  orderKey: true,
} as const;
export const LINK_COLUMNS = {
  id: true,
  mapId: true,
  fromClaimId: true,
  toClaimId: true,
  toThesisId: true,
  stance: true,
} as const;

/** A claim row (CLAIM_PLACE) as a node of its tree. */
export const toTreeNode = (c: {
  id: string;
  thesisId: string;
  parentId: string | null;
  stance: string;
  orderKey: string;
}): TreeNode => ({
  id: c.id,
  thesisId: c.thesisId,
  parentId: c.parentId,
  stance: toStance(c.stance),
  order: c.orderKey,
});
