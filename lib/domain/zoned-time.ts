import { DEFAULT_ZONE, isTimeZone } from '@/lib/format';

/**
 * Wall-clock times in a named IANA zone, for what a person types (a due date in the class's zone)
 * and what a file writes (the dashboard CSV): stored times stay UTC instants. Everything goes
 * through Intl, so the zone rules are the runtime's (the browser's or Node's ICU), with daylight
 * saving time and its edges:
 * - a wall time that happens twice (the hour repeated when clocks go back) is the first of the
 *   two (the earlier instant, in daylight time);
 * - a wall time that never happens (the hour skipped when clocks go forward) is moved on by the
 *   length of the gap (02:30 on the spring-forward night in Chicago is 03:30 CDT).
 * These are the rules of JavaScript's Temporal ("compatible") and of most calendars.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const zone = (name: string) => (isTimeZone(name) ? name : DEFAULT_ZONE);

const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string) {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at instant `ms`. */
function wallAt(ms: number, timeZone: string): Wall {
  const parts = Object.fromEntries(
    wallFormat(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const wallMs = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at an instant, in minutes (Chicago in winter: -360). */
export function zoneOffset(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallMs(wallAt(whole, zone(timeZone))) - whole) / MINUTE);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * "2026-12-13T09:00": the instant as a wall time in `timeZone`, for <input type="datetime-local">
 * ('' for none).
 */
export function toZonedInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallAt(ms, zone(timeZone));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * The instant (ISO, UTC) of a wall time typed in `timeZone` ("2026-12-13T09:00", as a
 * datetime-local input gives it); '' for an empty or unreadable one. See the top of this file for
 * the repeated and the skipped hour.
 */
export function fromZonedInput(local: string, timeZone: string): string {
  const m = LOCAL.exec(local.trim());
  if (!m) return '';
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(wall)) return '';
  const tz = zone(timeZone);
  // The offsets in force around that day; a wall time is an instant under one of them (two in
  // the repeated hour, none in the skipped one).
  const before = zoneOffset(wall - DAY, tz);
  const after = zoneOffset(wall + DAY, tz);
  const matches = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((ms) => ms + zoneOffset(ms, tz) * MINUTE === wall)
    .sort((a, b) => a - b);
  const ms = matches[0] ?? wall - before * MINUTE;
  return new Date(ms).toISOString();
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** How people say the zone at an instant: "CST", "CDT", "GMT+9" (en-US short names). */
export function zoneAbbreviation(timeZone: string, ms: number): string {
  const tz = zone(timeZone);
  let f = nameFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' });
    nameFormats.set(tz, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/**
 * "America/Chicago, CST": the zone by name and as it is said at the wall time typed (CDT for a
 * July date), or at `now` when nothing is typed yet; "UTC" once.
 */
export function zoneLabel(timeZone: string, local = '', now = Date.now()): string {
  const tz = zone(timeZone);
  const at = fromZonedInput(local, tz);
  const said = zoneAbbreviation(tz, at ? Date.parse(at) : now);
  return said === tz ? tz : `${tz}, ${said}`;
}

/** Every IANA zone this runtime knows, A to Z, with UTC (for the class's time zone choice). */
export function listTimeZones(): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC'])].sort();
}
