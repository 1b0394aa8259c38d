import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const before = (ms: number) => new Date(NOW - ms).toISOString();

describe('timeAgo', () => {
  it('says how long ago in words, then the date once a week has passed', () => {
    expect(timeAgo(before(10_000), NOW)).toBe('just now');
    expect(timeAgo(before(5 * 60_000), NOW)).toBe('5 minutes ago');
    expect(timeAgo(before(60 * 60_000), NOW)).toBe('1 hour ago');
    expect(timeAgo(before(3 * 3_600_000), NOW)).toBe('3 hours ago');
    expect(timeAgo(before(24 * 3_600_000), NOW)).toBe('yesterday');
    expect(timeAgo(before(3 * 86_400_000), NOW)).toBe('3 days ago');
    expect(timeAgo(before(30 * 86_400_000), NOW)).toBe('8 February 2026');
  });

  it('says "just now" for a time slightly ahead of this clock', () => {
    expect(timeAgo(new Date(NOW + 90_000).toISOString(), NOW)).toBe('just now');
  });
});
