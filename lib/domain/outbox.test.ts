import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryWait } from './outbox';

describe('retryWait', () => {
  it('doubles from 30 seconds and stops growing at an hour', () => {
    expect(retryWait(1)).toBe(30_000);
    expect(retryWait(2)).toBe(60_000);
    expect(retryWait(5)).toBe(8 * 60_000);
    expect(retryWait(9)).toBe(60 * 60_000);
    expect(retryWait(20)).toBe(60 * 60_000);
  });
  it('spans hours over all the tries, so a morning without mail loses nothing', () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryWait(n);
    expect(total).toBeGreaterThan(3 * 60 * 60_000);
  });
});
