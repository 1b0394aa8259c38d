import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, isTimeZone } from './format';

describe('dates in the viewer’s time zone, named', () => {
  const nineInChicago = '2026-12-13T15:00:00.000Z';

  it('shows the moment in the viewer’s zone with its name', () => {
    expect(formatDateTime(nineInChicago, 'America/Chicago')).toBe('Sun 13 Dec 2026, 09:00 CST');
    expect(formatDateTime(nineInChicago, 'Asia/Seoul')).toBe('Mon 14 Dec 2026, 00:00 GMT+9');
    expect(formatDateTime(nineInChicago)).toBe('Sun 13 Dec 2026, 15:00 UTC');
    expect(formatDate(nineInChicago, 'Asia/Seoul')).toBe('14 December 2026');
  });

  it('keeps a calendar date the same day everywhere, and refuses a zone it does not know', () => {
    expect(formatCalendarDate('2018-02-08T00:00:00.000Z')).toBe('8 February 2018');
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(formatDateTime(nineInChicago, 'Mars/Olympus')).toBe('Sun 13 Dec 2026, 15:00 UTC');
  });
});
