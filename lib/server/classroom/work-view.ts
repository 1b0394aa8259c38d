import 'server-only';
import { parseRubric, type RubricCriterion } from '@/lib/domain/classroom/rubric';
import type { MapView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { debateView } from '../debates';
import { loadMapView } from '../maps';
import { sqlDate } from '../ops/sql-rows';
import { READING, requireWorkAccess } from './access';
import { assignmentSummary, type AssignmentSummary } from './review-parts';
import { listClaimFeedback, releasedFeedbackFor } from './feedback';
import { toGradeView } from './grades';
import type {
  ClaimFeedbackView,
  GradeView,
  MapAssignmentContext,
} from '@/lib/domain/classroom/views';

/**
 * What the grading page and the map page show of a piece of work's assignment. Access is checked
 * here (requireWorkAccess / classRole), so a page can call these directly.
 */

/** The thesis labels a side argues for (both theses for "both"). */
export function sideLabels(side: string, theses: { position: number; label: string }[]) {
  const sorted = [...theses].sort((x, y) => x.position - y.position);
  if (side === 'first') return sorted.slice(0, 1).map((t) => t.label);
  if (side === 'second') return sorted.slice(1, 2).map((t) => t.label);
  return sorted.map((t) => t.label);
}

export interface WorkPerson {
  userId: string;
  name: string;
  pseudonym: string;
}

export interface GradingData {
  assignment: AssignmentSummary;
  work: { id: string; name: string; side: string; sideLabels: string[]; mapId: string };
  members: WorkPerson[];
  rubric: RubricCriterion[];
  grade: GradeView;
  feedback: ClaimFeedbackView[];
  map: MapView;
}

/** Everything the teacher's grading page shows for one piece of work (teacher only). */
export async function getGradingData(
  tx: Tx,
  opts: { userId: string; assignmentId: string; workId: string },
): Promise<GradingData> {
  const { work } = await requireWorkAccess(tx, opts.userId, opts.workId, 'grade.write', READING);
  if (work.assignmentId !== opts.assignmentId) {
    throw new AppError('NOT_FOUND', 'That piece of work does not exist.');
  }
  const [cls, grade, people, feedback, map] = await Promise.all([
    tx.classroom.findUniqueOrThrow({
      where: { id: work.assignment.classId },
      select: { name: true, archivedAt: true, timeZone: true },
    }),
    tx.grade.findUnique({ where: { workId: work.id } }),
    workPeople(tx, work.id, work.assignment.classId),
    listClaimFeedback(tx, opts),
    loadMapView(tx, { userId: opts.userId }, work.mapId),
  ]);
  const rubric = parseRubric(work.assignment.rubric);
  return {
    assignment: assignmentSummary(work.assignment, cls),
    work: {
      id: work.id,
      name: work.name,
      side: work.side,
      sideLabels: sideLabels(work.side, map.debate.theses),
      mapId: work.mapId,
    },
    members: people,
    rubric,
    grade: toGradeView(work.id, rubric, grade),
    feedback,
    map,
  };
}

async function workPeople(tx: Tx, workId: string, classId: string): Promise<WorkPerson[]> {
  const rows = await tx.workMember.findMany({
    where: { workId },
    select: {
      user: {
        select: {
          id: true,
          name: true,
          classes: { where: { classId }, select: { pseudonym: true } },
        },
      },
    },
  });
  return rows
    .map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      pseudonym: r.user.classes[0]?.pseudonym ?? '',
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * The assignment a map belongs to, as its viewer may see it: null when the map is no piece of
 * work, or the viewer has no place in its class (someone the teacher shared the map with).
 */
export async function assignmentContextForMap(
  tx: Tx,
  userId: string,
  mapId: string,
): Promise<MapAssignmentContext | null> {
  // One plain statement: this runs for every page of an assignment's map (Prisma's planning of
  // the nested reads cost more than the reading). The side's labels come from the kept debate.
  const [work] = await tx.$queryRaw<
    {
      workId: string;
      name: string;
      side: string;
      assignmentId: string;
      title: string;
      classId: string;
      mode: string;
      anonymous: unknown;
      dueAt: unknown;
      instructions: string;
      debateId: string;
      className: string;
      archivedAt: unknown;
      teacherId: string;
      inWork: unknown;
      inClass: unknown;
      releasedAt: unknown;
    }[]
  >`SELECT aw."id" AS "workId", aw."name", aw."side", a."id" AS "assignmentId", a."title",
      a."classId", a."mode", a."anonymous", a."dueAt", a."instructions", a."debateId",
      c."name" AS "className", c."archivedAt", c."teacherId",
      EXISTS (SELECT 1 FROM "work_member" wm
        WHERE wm."workId" = aw."id" AND wm."userId" = ${userId}) AS "inWork",
      EXISTS (SELECT 1 FROM "class_member" cm
        WHERE cm."classId" = c."id" AND cm."userId" = ${userId}) AS "inClass",
      g."releasedAt"
    FROM "assignment_work" aw JOIN "assignment" a ON a."id" = aw."assignmentId"
    JOIN "classroom" c ON c."id" = a."classId" LEFT JOIN "grade" g ON g."workId" = aw."id"
    WHERE aw."mapId" = ${mapId}`;
  if (!work) return null;
  // SQLite answers 0 or 1 for a truth value, PostgreSQL a boolean.
  const role = work.teacherId === userId ? 'teacher' : Number(work.inClass) ? 'student' : null;
  if (!role || (role === 'student' && !Number(work.inWork))) return null;
  const debate = await debateView(tx, work.debateId);
  const base = {
    viewerRole: role,
    assignmentId: work.assignmentId,
    workId: work.workId,
    title: work.title,
    className: work.className,
    classId: work.classId,
    archived: work.archivedAt !== null && work.archivedAt !== undefined,
    mode: work.mode,
    anonymous: Boolean(Number(work.anonymous)),
    dueAt: sqlDate(work.dueAt)?.toISOString() ?? null,
    instructions: work.instructions,
    teamName: work.mode === 'team' ? work.name : '',
    side: work.side,
    sideLabels: sideLabels(work.side, debate?.theses ?? []),
  } satisfies Partial<MapAssignmentContext>;
  const releasedAt = sqlDate(work.releasedAt)?.toISOString() ?? null;
  if (role === 'teacher') {
    const feedback = await listClaimFeedback(tx, { userId, workId: work.workId });
    return { ...base, released: null, teacher: { feedback, releasedAt } };
  }
  // Nothing released yet: nothing more to read (releasedFeedbackFor would answer null).
  if (!releasedAt) return { ...base, released: null, teacher: null };
  return {
    ...base,
    released: await releasedFeedbackFor(tx, userId, work.workId),
    teacher: null,
  };
}
