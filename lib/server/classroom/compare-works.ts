import 'server-only';
import {
  crossLinks,
  meetings,
  thesisOutline,
  unansweredObjections,
  type CompareMap,
  type Meeting,
} from '@/lib/domain/classroom/compare';
import type { StatsThesis } from '@/lib/domain/classroom/dashboard-stats';
import { AppError } from '@/lib/errors';
import type { Tx } from '../db';
import { toStance } from '../row-views';
import {
  assignmentSummary,
  type AssignmentSummary,
  CLAIM_PLACE,
  LINK_COLUMNS,
  loadReviewedAssignment,
  memberNames,
  toTreeNode,
  workName,
} from './review-parts';
import { sideLabels } from './work-view';
import type { ComparedWork } from '@/lib/domain/classroom/views';

// Two works of one assignment side by side, for their teacher ('assignment.review'): each
// thesis's outline, the objections left unanswered, the cross-links, and where the two maps meet
// (the same passage quoted, or claims in nearly the same words).

export interface ComparisonData {
  assignment: AssignmentSummary;
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
  const { assignment, cls, theses } = await loadReviewedAssignment(tx, userId, assignmentId);
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
      select: { ...CLAIM_PLACE, text: true },
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
      select: LINK_COLUMNS,
    }),
    tx.thesis.findMany({
      where: { debateId: assignment.debateId },
      select: { source: { select: { id: true, title: true } } },
    }),
  ]);

  const mapOf = (mapId: string): CompareMap => ({
    claims: claims
      .filter((c) => c.mapId === mapId)
      .map((c) => ({ ...toTreeNode(c), text: c.text })),
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
    links: links
      .filter((l) => l.mapId === mapId)
      .map((l) => ({ ...l, stance: toStance(l.stance) })),
  });
  const view = (w: typeof first, map: CompareMap): ComparedWork => {
    const members = memberNames(w.members);
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
    assignment: assignmentSummary(assignment, cls),
    theses,
    sources: Object.fromEntries(sources.map((s) => [s.source.id, s.source.title])),
    a: view(first, mapA),
    b: view(second, mapB),
    meetings: meetings(mapA, mapB),
  };
}
