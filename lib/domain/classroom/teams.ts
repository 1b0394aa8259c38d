import type { RandomInt } from './random';

/**
 * How an assignment's students become pieces of work, and which thesis each piece argues. Pure:
 * the randomness is passed in (node:crypto in the app, a fixed sequence in tests).
 */

export const MODES = ['individual', 'team', 'class'] as const;
export type Mode = (typeof MODES)[number];

export const SIDES = ['first', 'second', 'both'] as const;
export type Side = (typeof SIDES)[number];

export const isMode = (v: unknown): v is Mode =>
  typeof v === 'string' && (MODES as readonly string[]).includes(v);
export const isSide = (v: unknown): v is Side =>
  typeof v === 'string' && (SIDES as readonly string[]).includes(v);

/** How sides are given when an assignment is created. */
export const SIDE_PLANS = ['split', 'first', 'second', 'both'] as const;
export type SidePlan = (typeof SIDE_PLANS)[number];

export const MODE_LABELS: Record<Mode, string> = {
  individual: 'Each student builds their own map',
  team: 'Teams build one map each',
  class: 'The whole class builds one map',
};

/** A uniformly random order of `items` (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: RandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `items` dealt at random into `count` groups whose sizes differ by at most one. */
export function splitEvenly<T>(items: readonly T[], count: number, random: RandomInt): T[][] {
  const n = Math.max(1, Math.floor(count));
  const groups: T[][] = Array.from({ length: n }, () => []);
  shuffle(items, random).forEach((item, i) => groups[i % n]!.push(item));
  return groups;
}

/**
 * The side of each of `count` pieces of work: "split" gives half of them (at random) the first
 * thesis and half the second (one more on a random side when odd); otherwise everyone the same.
 */
export function planSides(count: number, plan: SidePlan, random: RandomInt): Side[] {
  if (plan !== 'split') return Array.from({ length: count }, () => plan);
  const firstCount = Math.floor(count / 2) + (count % 2 === 1 ? random(2) : 0);
  const sides: Side[] = Array.from({ length: count }, (_, i) =>
    i < firstCount ? 'first' : 'second',
  );
  return shuffle(sides, random);
}

/** The side for the second round: the other thesis ("both" stays "both"). */
export function swapSide(side: Side): Side {
  return side === 'first' ? 'second' : side === 'second' ? 'first' : 'both';
}

/** The side a newcomer joins: the one fewer pieces of work argue (first when level). */
export function smallerSide(sides: readonly Side[]): Side {
  const first = sides.filter((s) => s === 'first').length;
  const second = sides.filter((s) => s === 'second').length;
  if (first === 0 && second === 0 && sides.length > 0) return 'both';
  return second < first ? 'second' : 'first';
}

/** The index of the smallest group (the first of equals), for a student joining later. */
export function smallestGroup(sizes: readonly number[]): number {
  let best = 0;
  sizes.forEach((size, i) => {
    if (size < sizes[best]!) best = i;
  });
  return best;
}

export const teamName = (index: number) => `Team ${index + 1}`;

/** Teams for `studentCount` students: at least 1, at most one per student, default pairs-ish. */
export function clampTeamCount(requested: number, studentCount: number): number {
  const most = Math.max(1, studentCount);
  return Math.min(Math.max(1, Math.floor(requested) || 1), most);
}
