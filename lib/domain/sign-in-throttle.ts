/**
 * Slowing down password guessing: the first few failures are free, then each further attempt
 * must wait twice as long as the last, up to a cap. Failures are forgotten after a quiet spell.
 */

export const FREE_FAILURES = 5;
export const BASE_DELAY_SECONDS = 15;
export const MAX_DELAY_SECONDS = 15 * 60;
export const FORGET_AFTER_SECONDS = 60 * 60;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

/** How long to wait after the given number of consecutive failures. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/** The failures that still count at `now` (0 once they are old enough to forget). */
export function activeFailures(state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  const age = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  return age > FORGET_AFTER_SECONDS ? 0 : state.failures;
}

/** Seconds until another attempt is allowed; 0 when it is allowed now. */
export function secondsUntilAllowed(state: ThrottleState | null, now: Date): number {
  const failures = activeFailures(state, now);
  if (!state || failures === 0) return 0;
  const waited = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delayAfter(failures) - waited));
}
