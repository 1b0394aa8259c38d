import 'server-only';
import type { Stance } from '@/lib/domain/argument-tree';
import {
  crossLinks,
  meetings,
  thesisOutline,
  unansweredObjections,
  type CompareMap,
  type CrossLinkView,
  type Meeting,
  type OutlineEntry,
  type UnansweredObjection,
} from '@/lib/domain/classroom/compare';
import {
  dashboardCsv,
  workStats,
  type DashboardRow,
  type StatsThesis,
} from '@/lib/domain/classroom/dashboard-stats';
import { parseRubric, parseScores } from '@/lib/domain/classroom/rubric';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { requireAssignmentAccess } from './access';
import { sideLabels } from './work-view';

/**
 * The teacher's dashboard and map comparison for one assignment (teacher only: every function
 * checks 'assignment.review'). The teacher always sees real names. Loads whole assignments in a
 * fixed number of queries (works, claims, anchors, links, comments, last operations), never one
 * per claim or per work.
 */

export interface DashboardData {
  assignment: {
    id: string;
    title: string;
    classId: string;
    className: string;
    mode: string;
    anonymous: boolean;
    dueAt: string | null;
  };
  theses: StatsThesis[];
  rows: DashboardRow[];
  /** When these numbers were read (ISO): the page's "Updated … ago". */
  readAt: string;
}

const stance = (s: string): Stance => (s === 'con' ? 'con' : 'pro');

/** A work's name: the team's, "Whole class", or the student's (real names: teacher only). */
function workName(mode: string, name: string, members: string[]) {
  if (name) return name;
  if (mode === 'class') return 'Whole class';
  return members.join(', ') || 'No students yet';
}

async function loadAssignment(tx: Tx, userId: string, assignmentId: string) {
  const { assignment } = await requireAssignmentAccess(
    tx,
    userId,
    assignmentId,
    'assignment.review',
  );
  const [cls, theses] = await Promise.all([
    tx.classroom.findUniqueOrThrow({ where: { id: assignment.classId }, select: { name: true } }),
    tx.thesis.findMany({
      where: { debateId: assignment.debateId },
      orderBy: { position: 'asc' },
      select: { id: true, position: true, label: true },
    }),
  ]);
  return { assignment, className: cls.name, theses };
}

function assignmentView(
  a: Awaited<ReturnType<typeof loadAssignment>>['assignment'],
  className: string,
) {
  return {
    id: a.id,
    title: a.title,
    classId: a.classId,
    className,
    mode: a.mode,
    anonymous: a.anonymous,
    dueAt: a.dueAt?.toISOString() ?? null,
  };
}

/** The dashboard: one row per piece of work (student, team or class), sorted by name. */
export async function assignmentDashboard(
  tx: Tx,
  userId: string,
  assignmentId: string,
): Promise<DashboardData> {
  const { assignment, className, theses } = await loadAssignment(tx, userId, assignmentId);
  const works = await tx.assignmentWork.findMany({
    where: { assignmentId: assignment.id },
    orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      name: true,
      side: true,
      mapId: true,
      grade: { select: { scores: true, releasedAt: true } },
      members: { select: { user: { select: { name: true } } } },
    },
  });
  const mapIds = works.map((w) => w.mapId);
  const inMaps = { mapId: { in: mapIds } };
  const [claims, anchors, links, comments, lastOps] = await Promise.all([
    tx.claim.findMany({
      where: { ...inMaps, deletedAt: null },
      select: {
        id: true,
        mapId: true,
        thesisId: true,
        parentId: true,
        stance: true,
        orderKey: true,
      },
    }),
    tx.anchor.findMany({
      where: { claim: { ...inMaps, deletedAt: null } },
      select: { claimId: true, claim: { select: { mapId: true } } },
    }),
    tx.claimLink.findMany({
      where: inMaps,
      select: {
        id: true,
        mapId: true,
        fromClaimId: true,
        toClaimId: true,
        toThesisId: true,
        stance: true,
      },
    }),
    tx.comment.findMany({
      where: { ...inMaps, deletedAt: null, claim: { deletedAt: null } },
      select: { mapId: true, claimId: true, createdAt: true },
    }),
    tx.mapOperation.groupBy({
      by: ['mapId'],
      where: { ...inMaps, revision: { gt: 0 } },
      _max: { createdAt: true },
    }),
  ]);

  const group = <T>(items: T[], mapOf: (t: T) => string) => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      const key = mapOf(item);
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
    return out;
  };
  const claimsBy = group(claims, (c) => c.mapId);
  const anchorsBy = group(anchors, (a) => a.claim.mapId);
  const linksBy = group(links, (l) => l.mapId);
  const commentsBy = group(comments, (c) => c.mapId);
  const lastOpBy = new Map(lastOps.map((o) => [o.mapId, o._max.createdAt]));
  const rubric = parseRubric(assignment.rubric);

  const rows: DashboardRow[] = works.map((w) => {
    const members = w.members.map((m) => m.user.name).sort((a, b) => a.localeCompare(b, 'en'));
    const stats = workStats({
      theses,
      claims: (claimsBy.get(w.mapId) ?? []).map((c) => ({
        id: c.id,
        thesisId: c.thesisId,
        parentId: c.parentId,
        stance: stance(c.stance),
        order: c.orderKey,
      })),
      links: (linksBy.get(w.mapId) ?? []).map((l) => ({ ...l, stance: stance(l.stance) })),
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
    };
  });

  return {
    assignment: assignmentView(assignment, className),
    theses,
    rows,
    readAt: new Date().toISOString(),
  };
}

/** The dashboard as a CSV file (teacher only), with a file name made from the assignment. */
export async function dashboardCsvFor(
  tx: Tx,
  userId: string,
  assignmentId: string,
): Promise<{ csv: string; fileName: string }> {
  const data = await assignmentDashboard(tx, userId, assignmentId);
  const base = data.assignment.title.replace(/[^\w -]+/g, '').trim() || 'assignment';
  return { csv: dashboardCsv(data.rows, data.theses), fileName: `${base} dashboard.csv` };
}

export interface ComparedWork {
  workId: string;
  mapId: string;
  name: string;
  members: string[];
  side: string;
  sideLabels: string[];
  /** Each thesis's claims as an outline, by thesis id. */
  outline: Record<string, OutlineEntry[]>;
  unanswered: UnansweredObjection[];
  crossLinks: CrossLinkView[];
}

export interface ComparisonData {
  assignment: DashboardData['assignment'];
  theses: StatsThesis[];
  /** Thesis source titles by source id, to name a shared passage's article. */
  sources: Record<string, string>;
  a: ComparedWork;
  b: ComparedWork;
  meetings: Meeting[];
}

/** Two works of the same assignment side by side (teacher only). */
export async function compareWorks(
  tx: Tx,
  userId: string,
  assignmentId: string,
  workA: string,
  workB: string,
): Promise<ComparisonData> {
  const { assignment, className, theses } = await loadAssignment(tx, userId, assignmentId);
  if (workA === workB) {
    throw new AppError('INVALID', 'Pick two different pieces of work to compare.');
  }
  const works = await tx.assignmentWork.findMany({
    where: { id: { in: [workA, workB] }, assignmentId: assignment.id },
    select: {
      id: true,
      name: true,
      side: true,
      mapId: true,
      members: { select: { user: { select: { name: true } } } },
    },
  });
  const first = works.find((w) => w.id === workA);
  const second = works.find((w) => w.id === workB);
  if (!first || !second) {
    throw new AppError('NOT_FOUND', 'That piece of work is not part of this assignment.');
  }
  const mapIds = [first.mapId, second.mapId];
  const [claims, anchors, links, sources] = await Promise.all([
    tx.claim.findMany({
      where: { mapId: { in: mapIds }, deletedAt: null },
      select: {
        id: true,
        mapId: true,
        thesisId: true,
        parentId: true,
        stance: true,
        orderKey: true,
        text: true,
      },
    }),
    tx.anchor.findMany({
      where: { claim: { mapId: { in: mapIds }, deletedAt: null } },
      orderBy: { createdAt: 'asc' },
      select: {
        claimId: true,
        sourceId: true,
        block: true,
        start: true,
        end: true,
        exact: true,
        claim: { select: { mapId: true } },
      },
    }),
    tx.claimLink.findMany({
      where: { mapId: { in: mapIds } },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        mapId: true,
        fromClaimId: true,
        toClaimId: true,
        toThesisId: true,
        stance: true,
      },
    }),
    tx.thesis.findMany({
      where: { debateId: assignment.debateId },
      select: { source: { select: { id: true, title: true } } },
    }),
  ]);

  const mapOf = (mapId: string): CompareMap => ({
    claims: claims
      .filter((c) => c.mapId === mapId)
      .map((c) => ({
        id: c.id,
        thesisId: c.thesisId,
        parentId: c.parentId,
        stance: stance(c.stance),
        order: c.orderKey,
        text: c.text,
      })),
    anchors: anchors
      .filter((a) => a.claim.mapId === mapId)
      .map((a) => ({
        claimId: a.claimId,
        sourceId: a.sourceId,
        block: a.block,
        start: a.start,
        end: a.end,
        exact: a.exact,
      })),
    links: links.filter((l) => l.mapId === mapId).map((l) => ({ ...l, stance: stance(l.stance) })),
  });
  const view = (w: typeof first, map: CompareMap): ComparedWork => {
    const members = w.members.map((m) => m.user.name).sort((a, b) => a.localeCompare(b, 'en'));
    return {
      workId: w.id,
      mapId: w.mapId,
      name: workName(assignment.mode, w.name, members),
      members,
      side: w.side,
      sideLabels: sideLabels(w.side, theses),
      outline: Object.fromEntries(theses.map((t) => [t.id, thesisOutline(map.claims, t.id)])),
      unanswered: unansweredObjections(map, theses),
      crossLinks: crossLinks(map),
    };
  };
  const mapA = mapOf(first.mapId);
  const mapB = mapOf(second.mapId);
  return {
    assignment: assignmentView(assignment, className),
    theses,
    sources: Object.fromEntries(sources.map((s) => [s.source.id, s.source.title])),
    a: view(first, mapA),
    b: view(second, mapB),
    meetings: meetings(mapA, mapB),
  };
}
