import type { TreeNode } from '../argument-tree';
import { liveLinks, type CrossLink } from '../cross-links';
import { thesisCounts } from '../dialectic';
import { csvTime, csvTimeHeader, toCsv } from './csv';
import { scoreTotal, type RubricCriterion, type RubricScores } from './rubric';

/**
 * The teacher dashboard's numbers for one piece of work (one map), from plain data. What each
 * number means:
 * - **claims**: the map's live claims (deleted ones, in the bin, do not count), both theses.
 * - **pros / cons per thesis**: the claims under that thesis by their dialectical polarity towards
 *   it (lib/domain/dialectic.ts, the same numbers as the map's thesis card): a claim is a *pro*
 *   when it argues for the thesis (a support, or a rebuttal: a con answering a con argues for the
 *   thesis), a *con* when it argues against it (an objection, or a pro backing an objection).
 * - **anchored**: how many claims quote the articles (at least one anchor), and that share of all
 *   claims (null when there are no claims).
 * - **unrebutted**: objections with no rebuttal yet, summed over both theses (dialectic.ts
 *   `thesisCounts().unanswered`: a con claim answering something that argues for its thesis, or an
 *   attack by a con cross-link, with no con reply and no con cross-link against it).
 * - **comments**: live comments (replies included, resolved ones too) on live claims.
 * - **lastActivity**: the latest of the map's applied operations and live comments (ISO), null
 *   when nobody has done anything in the map yet.
 * - **grade**: points earned of points possible against the assignment's rubric (null: not graded
 *   yet), and whether it has been released to the students.
 */

export interface StatsThesis {
  id: string;
  position: number;
  label: string;
}

export interface StatsInput {
  theses: readonly StatsThesis[];
  /** The map's live claims (deletedAt null). */
  claims: readonly TreeNode[];
  /** The map's cross-links; those with a deleted end are ignored. */
  links: readonly CrossLink[];
  /** The anchors' claim ids (anchors of deleted claims are ignored). */
  anchors: readonly { claimId: string }[];
  /** Live comments (deletedAt null); those on deleted claims are ignored. */
  comments: readonly { claimId: string; createdAt: Date | string }[];
  /** The latest applied operation on the map, if any. */
  lastOperationAt: Date | string | null;
  /** The grade row, if the teacher has started grading. */
  grade: { scores: RubricScores; releasedAt: Date | string | null } | null;
  rubric: readonly RubricCriterion[];
}

export interface ThesisTally {
  pros: number;
  cons: number;
}

export interface WorkStats {
  claims: number;
  /** By thesis id. */
  perThesis: Record<string, ThesisTally>;
  anchored: number;
  /** anchored / claims, 0..1; null when the map has no claims. */
  anchoredShare: number | null;
  unrebutted: number;
  comments: number;
  lastActivity: string | null;
  grade: { earned: number; possible: number } | null;
  released: boolean;
}

export function workStats(input: StatsInput): WorkStats {
  const live = new Set(input.claims.map((c) => c.id));
  const links = liveLinks(input.claims, input.links);
  const perThesis: Record<string, ThesisTally> = {};
  let unrebutted = 0;
  for (const t of input.theses) {
    const counts = thesisCounts(input.claims, links, t.id);
    perThesis[t.id] = { pros: counts.pros, cons: counts.cons };
    unrebutted += counts.unanswered;
  }
  const anchoredIds = new Set(input.anchors.map((a) => a.claimId).filter((id) => live.has(id)));
  const comments = input.comments.filter((c) => live.has(c.claimId));
  let last = input.lastOperationAt ? new Date(input.lastOperationAt).getTime() : null;
  for (const c of comments) {
    const at = new Date(c.createdAt).getTime();
    if (last === null || at > last) last = at;
  }
  return {
    claims: input.claims.length,
    perThesis,
    anchored: anchoredIds.size,
    anchoredShare: input.claims.length ? anchoredIds.size / input.claims.length : null,
    unrebutted,
    comments: comments.length,
    lastActivity: last === null ? null : new Date(last).toISOString(),
    grade: input.grade ? scoreTotal(input.rubric, input.grade.scores) : null,
    released: Boolean(input.grade?.releasedAt),
  };
}

/** One row of the dashboard: a student's or team's work and its numbers. */
export interface DashboardRow extends WorkStats {
  workId: string;
  mapId: string;
  /** The team's name, or the students' names for individual and whole-class work. */
  name: string;
  /** The students in it (real names), sorted. */
  members: string[];
  side: string;
  /** The thesis labels the side argues for. */
  sideLabels: string[];
  /** Marks for review still open on the map's live claims (lib/domain/marks.ts). */
  openMarks: number;
}

/**
 * Sortable columns: fixed ones, and `pros:<thesisId>` / `cons:<thesisId>` for each thesis.
 */
export type SortColumn =
  | 'name'
  | 'side'
  | 'claims'
  | 'anchored'
  | 'unrebutted'
  | 'comments'
  | 'openMarks'
  | 'lastActivity'
  | 'grade'
  | `pros:${string}`
  | `cons:${string}`;

export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The value a row sorts by in a column; null (nothing yet) always sorts last. */
export function sortValue(row: DashboardRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'side':
      return row.sideLabels.join(' + ') || row.side;
    case 'claims':
      return row.claims;
    case 'anchored':
      return row.anchoredShare;
    case 'unrebutted':
      return row.unrebutted;
    case 'comments':
      return row.comments;
    case 'openMarks':
      return row.openMarks;
    case 'lastActivity':
      return row.lastActivity ? Date.parse(row.lastActivity) : null;
    case 'grade':
      return row.grade && row.grade.possible > 0 ? row.grade.earned / row.grade.possible : null;
  }
  const [kind, thesisId] = column.split(':') as ['pros' | 'cons', string];
  return row.perThesis[thesisId]?.[kind] ?? null;
}

/**
 * The rows sorted by a column. Stable; rows with equal values keep name order (A→Z whichever way
 * the column runs); rows with nothing in the column (no claims, not graded, no activity) go last.
 * Returns a new array.
 */
export function sortRows(
  rows: readonly DashboardRow[],
  column: SortColumn,
  direction: SortDirection,
): DashboardRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, column) }))
    .sort((x, y) => {
      if (x.value === null || y.value === null) {
        if (x.value !== y.value) return x.value === null ? 1 : -1;
      } else {
        const byValue =
          typeof x.value === 'number' && typeof y.value === 'number'
            ? x.value - y.value
            : collator.compare(String(x.value), String(y.value));
        if (byValue !== 0) return sign * byValue;
      }
      return collator.compare(x.row.name, y.row.name) || x.index - y.index;
    })
    .map((x) => x.row);
}

/** "45%", or "—" with no claims. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** "7/12", or "—" when not graded. */
export function formatGrade(grade: WorkStats['grade']): string {
  return grade ? `${grade.earned}/${grade.possible}` : '—';
}

/**
 * The dashboard as CSV (RFC 4180 quoting, formula-looking cells neutralised: see csv.ts). Times
 * in the class's time zone `zone`, named in their column's header (csv.ts csvTime); grades as
 * earned and possible in two columns.
 */
export function dashboardCsv(
  rows: readonly DashboardRow[],
  theses: readonly StatsThesis[],
  zone = 'UTC',
) {
  const sorted = [...theses].sort((a, b) => a.position - b.position);
  const header = [
    'Name',
    'Students',
    'Side',
    'Claims',
    ...sorted.flatMap((t) => [`Pros: ${t.label}`, `Cons: ${t.label}`]),
    'Claims with evidence',
    'Share with evidence (%)',
    'Objections without rebuttal',
    'Comments',
    csvTimeHeader('Last activity', zone),
    'Points earned',
    'Points possible',
    'Released',
  ];
  return toCsv([
    header,
    ...rows.map((r) => [
      r.name,
      r.members.join('; '),
      r.sideLabels.join(' + ') || r.side,
      r.claims,
      ...sorted.flatMap((t) => [r.perThesis[t.id]?.pros ?? 0, r.perThesis[t.id]?.cons ?? 0]),
      r.anchored,
      r.anchoredShare === null ? '' : Math.round(r.anchoredShare * 100),
      r.unrebutted,
      r.comments,
      csvTime(r.lastActivity, zone),
      r.grade?.earned ?? '',
      r.grade?.possible ?? '',
      r.released ? 'yes' : 'no',
    ]),
  ]);
}
