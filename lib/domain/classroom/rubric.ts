import { z } from 'zod';

/** One line of an assignment's rubric: what is judged and how many points it is worth. */
export type RubricCriterion = { id: string; label: string; points: number };

/** Scores a teacher gave one work: criterion id → points earned. */
export type RubricScores = Record<string, number>;

export const RUBRIC_MAX_CRITERIA = 10;
export const RUBRIC_LABEL_MAX = 60;
export const RUBRIC_POINTS_MAX = 100;

/** The rubric a new assignment starts with. Treat as read-only (copy before changing). */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { id: 'evidence', label: 'Evidence', points: 4 },
  { id: 'rebuttals', label: 'Rebuttals', points: 4 },
  { id: 'clarity', label: 'Clarity', points: 4 },
];

export const rubricCriterionSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'Criterion ids use letters, digits, - and _ only.'),
  label: z
    .string()
    .trim()
    .min(1, 'Each criterion needs a name.')
    .max(RUBRIC_LABEL_MAX, `Criterion names are at most ${RUBRIC_LABEL_MAX} characters.`),
  points: z
    .number()
    .int('Points are whole numbers.')
    .min(1, 'Each criterion is worth at least 1 point.')
    .max(RUBRIC_POINTS_MAX, `Each criterion is worth at most ${RUBRIC_POINTS_MAX} points.`),
});

export const rubricSchema = z
  .array(rubricCriterionSchema)
  .min(1, 'A rubric needs at least one criterion.')
  .max(RUBRIC_MAX_CRITERIA, `A rubric has at most ${RUBRIC_MAX_CRITERIA} criteria.`)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, {
    message: 'Two criteria share an id.',
  });

function copyDefault(): RubricCriterion[] {
  return DEFAULT_RUBRIC.map((c) => ({ ...c }));
}

/** Criteria removed from a rubric that are remembered (their scores are kept). */
export const RUBRIC_REMOVED_MAX = 20;

/**
 * An assignment's rubric as stored (Assignment.rubric, JSON text): its criteria, and the criteria
 * removed from it, most recently removed first, so that one added back under the same name takes
 * its old id and the scores given for it count again (rubric-changes.ts). Stored as the plain
 * array of criteria while nothing was removed, else as { criteria, removed }.
 */
export interface StoredRubric {
  criteria: RubricCriterion[];
  removed: RubricCriterion[];
}

const removedSchema = z.array(rubricCriterionSchema).max(RUBRIC_REMOVED_MAX);

/**
 * Reads a stored rubric. Anything unreadable or invalid (bad JSON, wrong shape, out of limits)
 * gives the default rubric (and no removed criteria), so a damaged row never breaks a page.
 */
export function parseStoredRubric(json: string | null | undefined): StoredRubric {
  const fallback = () => ({ criteria: copyDefault(), removed: [] });
  if (!json) return fallback();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fallback();
  }
  const stored = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : { criteria: raw };
  const criteria = rubricSchema.safeParse((stored as { criteria?: unknown }).criteria);
  if (!criteria.success) return fallback();
  const removed = removedSchema.safeParse((stored as { removed?: unknown }).removed ?? []);
  const current = new Set(criteria.data.map((c) => c.id));
  return {
    criteria: criteria.data,
    removed: removed.success ? removed.data.filter((c) => !current.has(c.id)) : [],
  };
}

/** The JSON text of a stored rubric (the plain array while nothing was removed). */
export function storeRubric(rubric: StoredRubric): string {
  return JSON.stringify(
    rubric.removed.length === 0
      ? rubric.criteria
      : { criteria: rubric.criteria, removed: rubric.removed.slice(0, RUBRIC_REMOVED_MAX) },
  );
}

/** A stored rubric's criteria (see parseStoredRubric). */
export function parseRubric(json: string | null | undefined): RubricCriterion[] {
  return parseStoredRubric(json).criteria;
}

/** Reads stored scores JSON tolerantly: keeps only finite numbers, anything else gives {}. */
export function parseScores(json: string | null | undefined): RubricScores {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: RubricScores = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/**
 * Totals scores against a rubric. Scores for criteria not in the rubric are ignored; a score is
 * clamped to 0..points; a missing score counts 0.
 */
export function scoreTotal(
  rubric: readonly RubricCriterion[],
  scores: RubricScores,
): { earned: number; possible: number } {
  let earned = 0;
  let possible = 0;
  for (const criterion of rubric) {
    possible += criterion.points;
    const score = scores[criterion.id];
    if (typeof score === 'number' && Number.isFinite(score)) {
      earned += Math.min(Math.max(score, 0), criterion.points);
    }
  }
  return { earned, possible };
}

/** Makes a fresh criterion id from a label, unique among the given ids. */
export function criterionIdFor(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'criterion';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}
