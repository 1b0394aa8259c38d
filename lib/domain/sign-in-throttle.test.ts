import { describe, expect, it } from 'vitest';
import {
  delayAfter,
  secondsUntilAllowed,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
} from './sign-in-throttle';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('sign-in throttle', () => {
  it('lets the first failures through with no wait', () => {
    for (let f = 0; f < FREE_FAILURES; f++) expect(delayAfter(f)).toBe(0);
  });

  it('doubles the wait for each failure past the free ones, up to a cap', () => {
    expect(delayAfter(FREE_FAILURES)).toBe(15);
    expect(delayAfter(FREE_FAILURES + 1)).toBe(30);
    expect(delayAfter(FREE_FAILURES + 20)).toBe(MAX_DELAY_SECONDS);
  });

  it('counts down from the last failure', () => {
    const state = { failures: FREE_FAILURES, lastFailureAt: at(0) };
    expect(secondsUntilAllowed(state, at(5))).toBe(10);
    expect(secondsUntilAllowed(state, at(15))).toBe(0);
    expect(secondsUntilAllowed(null, at(0))).toBe(0);
  });

  it('forgets failures after a quiet hour', () => {
    const state = { failures: 50, lastFailureAt: at(0) };
    expect(secondsUntilAllowed(state, at(60))).toBeGreaterThan(0);
    expect(secondsUntilAllowed(state, at(3601))).toBe(0);
  });
});
