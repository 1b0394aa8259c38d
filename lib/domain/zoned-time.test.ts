import { describe, expect, it } from 'vitest';
import {
  fromZonedInput,
  listTimeZones,
  toZonedInput,
  zoneAbbreviation,
  zoneLabel,
  zoneOffset,
} from './zoned-time';

const CHICAGO = 'America/Chicago';

describe('wall times in a named zone', () => {
  it('reads a typed due time in the class’s zone, whatever the runtime’s own zone', () => {
    expect(fromZonedInput('2026-12-13T09:00', CHICAGO)).toBe('2026-12-13T15:00:00.000Z');
    expect(fromZonedInput('2026-07-13T09:00', CHICAGO)).toBe('2026-07-13T14:00:00.000Z');
    expect(fromZonedInput('2026-12-13T09:00', 'Asia/Seoul')).toBe('2026-12-13T00:00:00.000Z');
    expect(fromZonedInput('2026-12-13T09:00', 'UTC')).toBe('2026-12-13T09:00:00.000Z');
    expect(fromZonedInput('2026-12-13T09:00', 'Asia/Kolkata')).toBe('2026-12-13T03:30:00.000Z');
    expect(fromZonedInput('2026-12-13T09:00:30', CHICAGO)).toBe('2026-12-13T15:00:30.000Z');
  });

  it('shows an instant as the wall time of the zone, for the input', () => {
    expect(toZonedInput('2026-12-13T15:00:00.000Z', CHICAGO)).toBe('2026-12-13T09:00');
    expect(toZonedInput('2026-12-13T15:00:00.000Z', 'Asia/Seoul')).toBe('2026-12-14T00:00');
    expect(toZonedInput('2026-12-31T23:59:00.000Z', 'Pacific/Kiritimati')).toBe('2027-01-01T13:59');
    expect(toZonedInput(null, CHICAGO)).toBe('');
    expect(toZonedInput('not a date', CHICAGO)).toBe('');
  });

  it('round-trips instants through the wall time, across the year and each change', () => {
    const instants: number[] = [];
    const year = Date.UTC(2026, 0, 1);
    for (let ms = year; ms < year + 365 * 86_400_000; ms += 7 * 3_600_000) instants.push(ms);
    for (const day of [Date.UTC(2026, 2, 7), Date.UTC(2026, 9, 31)]) {
      for (let ms = day; ms < day + 3 * 86_400_000; ms += 15 * 60_000) instants.push(ms);
    }
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      const local = toZonedInput(iso, CHICAGO);
      const back = fromZonedInput(local, CHICAGO);
      // In the repeated hour (01:00-02:00 on 1 November) the wall time names two instants: the
      // first (CDT) is the one chosen, so the CST one reads back an hour earlier.
      const repeated = local.startsWith('2026-11-01T01') && Date.parse(back) === ms - 3_600_000;
      if (!repeated) expect(back, local).toBe(iso);
    }
  });

  it('takes the first of the two instants in the hour repeated when clocks go back', () => {
    // Chicago, Sunday 1 November 2026: 02:00 CDT becomes 01:00 CST.
    expect(fromZonedInput('2026-11-01T01:30', CHICAGO)).toBe('2026-11-01T06:30:00.000Z');
    expect(fromZonedInput('2026-11-01T00:59', CHICAGO)).toBe('2026-11-01T05:59:00.000Z');
    expect(fromZonedInput('2026-11-01T02:00', CHICAGO)).toBe('2026-11-01T08:00:00.000Z');
    // London, 25 October 2026: 02:00 BST becomes 01:00 GMT.
    expect(fromZonedInput('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves a time in the hour skipped when clocks go forward on by the gap', () => {
    // Chicago, Sunday 8 March 2026: 02:00 CST becomes 03:00 CDT; 02:30 does not exist.
    expect(fromZonedInput('2026-03-08T01:59', CHICAGO)).toBe('2026-03-08T07:59:00.000Z');
    expect(fromZonedInput('2026-03-08T02:30', CHICAGO)).toBe('2026-03-08T08:30:00.000Z');
    expect(toZonedInput('2026-03-08T08:30:00.000Z', CHICAGO)).toBe('2026-03-08T03:30');
    expect(fromZonedInput('2026-03-08T03:00', CHICAGO)).toBe('2026-03-08T08:00:00.000Z');
    // Lord Howe Island moves its clocks by half an hour.
    expect(fromZonedInput('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe(
      '2026-10-03T15:45:00.000Z',
    );
  });

  it('knows the offsets and names of the zone around the changes', () => {
    expect(zoneOffset(Date.parse('2026-12-13T15:00:00Z'), CHICAGO)).toBe(-360);
    expect(zoneOffset(Date.parse('2026-07-13T15:00:00Z'), CHICAGO)).toBe(-300);
    expect(zoneOffset(Date.parse('2026-12-13T15:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneAbbreviation(CHICAGO, Date.parse('2026-12-13T15:00:00Z'))).toBe('CST');
    expect(zoneAbbreviation(CHICAGO, Date.parse('2026-07-13T15:00:00Z'))).toBe('CDT');
    expect(zoneAbbreviation('Asia/Seoul', Date.parse('2026-07-13T15:00:00Z'))).toBe('GMT+9');
  });

  it('names the zone beside the input as it is said at the time typed', () => {
    expect(zoneLabel(CHICAGO, '2026-12-13T09:00')).toBe('America/Chicago, CST');
    expect(zoneLabel(CHICAGO, '2026-07-13T09:00')).toBe('America/Chicago, CDT');
    expect(zoneLabel(CHICAGO, '', Date.parse('2026-01-05T12:00:00Z'))).toBe('America/Chicago, CST');
    expect(zoneLabel('Not/AZone', '')).toBe('UTC');
    expect(zoneLabel('Asia/Seoul', '2026-12-13T09:00')).toBe('Asia/Seoul, GMT+9');
  });

  it('refuses what is not a wall time, and an unknown zone is UTC', () => {
    expect(fromZonedInput('', CHICAGO)).toBe('');
    expect(fromZonedInput('13/12/2026 09:00', CHICAGO)).toBe('');
    expect(fromZonedInput('2026-12-13T09:00', 'Mars/Olympus')).toBe('2026-12-13T09:00:00.000Z');
  });

  it('lists the zones to choose from, UTC among them', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain(CHICAGO);
    expect(zones).toEqual([...zones].sort());
    expect(new Set(zones).size).toBe(zones.length);
  });
});
