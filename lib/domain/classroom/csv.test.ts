import { describe, expect, it } from 'vitest';
import { csvTime, csvTimeHeader } from './csv';
import { dashboardCsv } from './dashboard-stats';

describe('times in CSV files', () => {
  it('writes a moment as the class’s wall time, which spreadsheets read as a date and time', () => {
    expect(csvTime('2026-12-13T15:00:00.000Z', 'America/Chicago')).toBe('2026-12-13 09:00');
    expect(csvTime('2026-07-01T10:00:00.000Z', 'America/Chicago')).toBe('2026-07-01 05:00');
    // 10:00 UTC on the day Chicago leaves daylight time (at 07:00 UTC): 04:00 CST.
    expect(csvTime('2026-11-01T10:00:00.000Z', 'America/Chicago')).toBe('2026-11-01 04:00');
    expect(csvTime('2026-12-31T23:30:00.000Z', 'Asia/Seoul')).toBe('2027-01-01 08:30');
    expect(csvTime('2026-12-13T15:00:00.000Z', 'UTC')).toBe('2026-12-13 15:00');
    expect(csvTime(null, 'America/Chicago')).toBe('');
  });

  it('names the zone in the column header, on the dashboard too', () => {
    expect(csvTimeHeader('Joined', 'Europe/Paris')).toBe('Joined (Europe/Paris)');
    const theses = [{ id: 'T1', position: 1, label: 'Talks work' }];
    expect(dashboardCsv([], theses, 'America/Chicago')).toContain(
      ',Last activity (America/Chicago),',
    );
  });
});
