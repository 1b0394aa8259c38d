import {
  criterionIdFor,
  RUBRIC_REMOVED_MAX,
  scoreTotal,
  type RubricCriterion,
  type RubricScores,
  type StoredRubric,
} from './rubric';

/**
 * What changing an assignment's rubric does to the scores already given, decided here and said
 * in words before the teacher saves (and again after). Scores are stored per criterion id and
 * never deleted by a rubric change:
 * - a criterion kept (same id), renamed or re-weighted, keeps its scores; one whose points drop
 *   counts a higher score as its new maximum (the score is kept as given until that work is
 *   graded again, and counts in full if the points go back up);
 * - a removed criterion's scores stop counting and are kept; the criterion is remembered
 *   (StoredRubric.removed), so adding it back, by name or with "Add back", brings them back;
 * - a new criterion starts with no scores: its id is one no score was ever given under.
 */

export interface GradedWork {
  /** Every score stored for the work, removed criteria's included. */
  scores: RubricScores;
  released: boolean;
}

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * The stored rubric after the teacher's edit `next` of `previous`. `scored`: every criterion id
 * the assignment's grades have a score for (so no new criterion inherits scores by its id).
 */
export function reviseRubric(
  previous: StoredRubric,
  next: readonly RubricCriterion[],
  scored: Iterable<string> = [],
): StoredRubric {
  const current = new Set(previous.criteria.map((c) => c.id));
  const stays = new Set(next.filter((c) => current.has(c.id)).map((c) => c.id));
  // What is out of the rubric before this edit is applied: removed now, then removed before.
  const out = [...previous.criteria.filter((c) => !stays.has(c.id)), ...previous.removed];
  const taken = new Set([...current, ...previous.removed.map((c) => c.id), ...scored]);
  const used = new Set(stays);
  const criteria = next.map((c): RubricCriterion => {
    const label = c.label.trim();
    if (current.has(c.id)) return { id: c.id, label, points: c.points };
    const back =
      out.find((o) => o.id === c.id && !used.has(o.id)) ??
      out.find((o) => sameName(o.label, label) && !used.has(o.id));
    let id = back?.id ?? c.id;
    if (!back && (taken.has(id) || used.has(id))) {
      id = criterionIdFor(label, [...taken, ...used, ...next.map((n) => n.id)]);
    }
    used.add(id);
    return { id, label, points: c.points };
  });
  const removed: RubricCriterion[] = [];
  for (const o of out) {
    if (!used.has(o.id) && !removed.some((r) => r.id === o.id)) removed.push(o);
  }
  return { criteria, removed: removed.slice(0, RUBRIC_REMOVED_MAX) };
}

const quoted = (label: string) => `“${label}”`;
const works = (n: number) => `${n} graded ${n === 1 ? 'work' : 'works'}`;

/**
 * What a rubric change does, in sentences for the teacher (none: nothing changes), and whether it
 * touches scores already given or released grades (`weighty`: the editor asks before saving).
 * `works`: the assignment's graded works (any score stored).
 */
export function describeRubricChange(
  before: StoredRubric,
  after: StoredRubric,
  graded: readonly GradedWork[],
): { lines: string[]; weighty: boolean } {
  const lines: string[] = [];
  let weighty = false;
  const withScore = (id: string, pass: (score: number) => boolean = () => true) =>
    graded.filter((w) => typeof w.scores[id] === 'number' && pass(w.scores[id]!)).length;
  const beforeIds = new Map(before.criteria.map((c) => [c.id, c]));
  const afterIds = new Map(after.criteria.map((c) => [c.id, c]));

  for (const c of before.criteria) {
    if (afterIds.has(c.id)) continue;
    const n = withScore(c.id);
    if (n === 0) {
      lines.push(`${quoted(c.label)} is removed; no work was scored on it.`);
      continue;
    }
    weighty = true;
    lines.push(
      `${works(n)} ${n === 1 ? 'has a score' : 'have scores'} for ${quoted(c.label)}, which no longer ${n === 1 ? 'counts' : 'count'}; ${n === 1 ? 'it is' : 'they are'} kept, and ${n === 1 ? 'counts' : 'count'} again if you add ${quoted(c.label)} back.`,
    );
  }
  for (const c of after.criteria) {
    const old = beforeIds.get(c.id);
    if (!old) {
      const n = withScore(c.id);
      if (before.removed.some((r) => r.id === c.id) && n > 0) {
        lines.push(
          `${quoted(c.label)} comes back with the scores ${works(n)} had for it, which count again.`,
        );
      } else if (graded.length > 0) {
        lines.push(
          `${quoted(c.label)} (${c.points} points) is new: the ${works(graded.length)} score nothing on it until you grade ${graded.length === 1 ? 'it' : 'them'} again.`,
        );
      } else {
        lines.push(`${quoted(c.label)} (${c.points} points) is new.`);
      }
      continue;
    }
    if (old.label !== c.label) {
      lines.push(`${quoted(old.label)} is renamed ${quoted(c.label)}; its scores stay.`);
    }
    if (c.points < old.points) {
      const over = withScore(c.id, (s) => s > c.points);
      if (over > 0) weighty = true;
      lines.push(
        over > 0
          ? `${quoted(c.label)} goes from ${old.points} to ${c.points} points: ${over} ${over === 1 ? 'score' : 'scores'} above ${c.points} now ${over === 1 ? 'counts' : 'count'} as ${c.points} (kept as given until you grade ${over === 1 ? 'that work' : 'those works'} again, and in full if you raise it back).`
          : `${quoted(c.label)} goes from ${old.points} to ${c.points} points; no score is above ${c.points}.`,
      );
    } else if (c.points > old.points) {
      lines.push(`${quoted(c.label)} goes from ${old.points} to ${c.points} points.`);
    }
  }
  const total = (r: StoredRubric) => r.criteria.reduce((sum, c) => sum + c.points, 0);
  if (graded.length > 0 && total(before) !== total(after)) {
    lines.push(`Grades are out of ${total(after)} instead of ${total(before)}.`);
  }
  const changed = graded.filter((w) => {
    if (!w.released) return false;
    const x = scoreTotal(before.criteria, w.scores);
    const y = scoreTotal(after.criteria, w.scores);
    return x.earned !== y.earned || x.possible !== y.possible;
  }).length;
  if (changed > 0) {
    weighty = true;
    lines.push(
      `${changed} released ${changed === 1 ? 'grade changes' : 'grades change'} for ${changed === 1 ? 'its students' : 'their students'} at once.`,
    );
  }
  return { lines, weighty };
}
