import 'server-only';
import {
  dashboardCsv,
  workStats,
  type DashboardRow,
  type StatsThesis,
} from '@/lib/domain/classroom/dashboard-stats';
import { contributionsCsv, type PersonContribution } from '@/lib/domain/classroom/contributions';
import { csvTime, csvTimeHeader } from '@/lib/domain/classroom/csv';
import { parseRubric, parseScores } from '@/lib/domain/classroom/rubric';
import { groupBy } from '@/lib/domain/group-by';
import type { Tx } from '../db';
import { openMarkCounts } from '../marks';
import { toStance } from '../row-views';
import { contributionsByWork, operationActivity } from './contributions';
import {
  assignmentSummary,
  CLAIM_PLACE,
  LINK_COLUMNS,
  loadReviewedAssignment,
  memberNames,
  toTreeNode,
  workName,
  type AssignmentSummary,
} from './review-parts';
import { sideLabels } from './work-view';

/**
 * The teacher's dashboard for one assignment (teacher only: every function checks
 * 'assignment.review'; the comparison of two works is compare-works.ts). The teacher always sees
 * real names. Loads whole assignments in a fixed number of queries (works, claims, anchors,
 * links, comments, last operations, and who did what: contributions.ts), never one per claim or
 * per work.
 */

export interface DashboardData {
  assignment: AssignmentSummary;
  theses: StatsThesis[];
  rows: DashboardRow[];
  /** Who did what in each work, by work id: a row per member and anyone else who did something. */
  people: Record<string, PersonContribution[]>;
  /** When these numbers were read (ISO): the page's "Updated … ago". */
  readAt: string;
}

/** The dashboard: one row per piece of work (student, team or class), sorted by name. */
export async function assignmentDashboard(
  tx: Tx,
  userId: string,
  assignmentId: string,
): Promise<DashboardData> {
  const { assignment, cls, theses } = await loadReviewedAssignment(tx, userId, assignmentId);
  const works = await tx.assignmentWork.findMany({
    where: { assignmentId: assignment.id },
    orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      name: true,
      side: true,
      mapId: true,
      grade: { select: { scores: true, releasedAt: true } },
      members: { select: { userId: true, user: { select: { name: true } } } },
    },
  });
  const mapIds = works.map((w) => w.mapId);
  const inMaps = { mapId: { in: mapIds } };
  const [claims, anchors, links, comments, lastOps, activity, marks] = await Promise.all([
    tx.claim.findMany({
      where: { ...inMaps, deletedAt: null },
      select: { ...CLAIM_PLACE, authorId: true, text: true },
    }),
    tx.anchor.findMany({
      where: { claim: { ...inMaps, deletedAt: null } },
      select: { id: true, claimId: true, claim: { select: { mapId: true } } },
    }),
    tx.claimLink.findMany({ where: inMaps, select: LINK_COLUMNS }),
    tx.comment.findMany({
      where: { ...inMaps, deletedAt: null, claim: { deletedAt: null } },
      select: { mapId: true, claimId: true, authorId: true, createdAt: true },
    }),
    tx.mapOperation.groupBy({
      by: ['mapId'],
      where: { ...inMaps, revision: { gt: 0 } },
      _max: { createdAt: true },
    }),
    operationActivity(tx, mapIds),
    openMarkCounts(tx, mapIds),
  ]);

  const claimsBy = groupBy(claims, (c) => c.mapId);
  const anchorsBy = groupBy(anchors, (a) => a.claim.mapId);
  const linksBy = groupBy(links, (l) => l.mapId);
  const commentsBy = groupBy(comments, (c) => c.mapId);
  const lastOpBy = new Map(lastOps.map((o) => [o.mapId, o._max.createdAt]));
  const rubric = parseRubric(assignment.rubric);

  const rows: DashboardRow[] = works.map((w) => {
    const members = memberNames(w.members);
    const stats = workStats({
      theses,
      claims: (claimsBy.get(w.mapId) ?? []).map(toTreeNode),
      links: (linksBy.get(w.mapId) ?? []).map((l) => ({ ...l, stance: toStance(l.stance) })),
      anchors: anchorsBy.get(w.mapId) ?? [],
      comments: commentsBy.get(w.mapId) ?? [],
      lastOperationAt: lastOpBy.get(w.mapId) ?? null,
      grade: w.grade
        ? { scores: parseScores(w.grade.scores), releasedAt: w.grade.releasedAt }
        : null,
      rubric,
    });
    return {
      ...stats,
      workId: w.id,
      mapId: w.mapId,
      name: workName(assignment.mode, w.name, members),
      members,
      side: w.side,
      sideLabels: sideLabels(w.side, theses),
      openMarks: marks.get(w.mapId) ?? 0,
    };
  });

  const people = await contributionsByWork(tx, {
    teacherId: userId,
    works,
    claims,
    anchors,
    comments,
    activity,
  });

  return {
    assignment: assignmentSummary(assignment, cls),
    theses,
    rows,
    people,
    readAt: new Date().toISOString(),
  };
}

/**
 * The dashboard as a CSV file (teacher only), with a file name made from the assignment: a line
 * per work, then, after an empty line, a table of a line per person and work (who did what).
 * Times in the class's zone (`viewerZone`, the teacher's own, for a class without one yet), named
 * in the headers, all written by csvTime (lib/domain/classroom/csv.ts).
 */
export async function dashboardCsvFor(
  tx: Tx,
  userId: string,
  assignmentId: string,
  viewerZone = 'UTC',
): Promise<{ csv: string; fileName: string }> {
  const data = await assignmentDashboard(tx, userId, assignmentId);
  const base = data.assignment.title.replace(/[^\w -]+/g, '').trim() || 'assignment';
  const zone = data.assignment.timeZone ?? viewerZone;
  const people = contributionsCsv(
    data.rows.map((r) => ({
      work: r.name,
      side: r.sideLabels.join(' + ') || r.side,
      people: data.people[r.workId] ?? [],
    })),
    (iso) => csvTime(iso, zone),
    csvTimeHeader('Last active', zone),
  );
  return {
    csv: `${dashboardCsv(data.rows, data.theses, zone)}\r\n${people}`,
    fileName: `${base} dashboard.csv`,
  };
}
