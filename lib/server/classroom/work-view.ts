import 'server-only';
import { parseRubric, type RubricCriterion } from '@/lib/domain/classroom/rubric';
import type { MapView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { loadMapView } from '../maps';
import { classRole, READING, requireWorkAccess } from './access';
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
  const work = await tx.assignmentWork.findUnique({
    where: { mapId },
    select: {
      id: true,
      name: true,
      side: true,
      members: { where: { userId }, select: { userId: true } },
      assignment: {
        include: {
          class: { select: { name: true, archivedAt: true } },
          debate: { select: { theses: { select: { position: true, label: true } } } },
        },
      },
    },
  });
  if (!work) return null;
  const role = await classRole(tx, userId, work.assignment.classId);
  if (!role || (role === 'student' && work.members.length === 0)) return null;
  const a = work.assignment;
  const base = {
    viewerRole: role,
    assignmentId: a.id,
    workId: work.id,
    title: a.title,
    className: a.class.name,
    classId: a.classId,
    archived: a.class.archivedAt !== null,
    mode: a.mode,
    anonymous: a.anonymous,
    dueAt: a.dueAt?.toISOString() ?? null,
    instructions: a.instructions,
    teamName: a.mode === 'team' ? work.name : '',
    side: work.side,
    sideLabels: sideLabels(work.side, a.debate.theses),
  };
  if (role === 'teacher') {
    const [feedback, grade] = await Promise.all([
      listClaimFeedback(tx, { userId, workId: work.id }),
      tx.grade.findUnique({ where: { workId: work.id }, select: { releasedAt: true } }),
    ]);
    return {
      ...base,
      released: null,
      teacher: { feedback, releasedAt: grade?.releasedAt?.toISOString() ?? null },
    };
  }
  return { ...base, released: await releasedFeedbackFor(tx, userId, work.id), teacher: null };
}
