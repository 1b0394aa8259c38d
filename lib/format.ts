/**
 * The one date helper. Times are stored in UTC and shown in the viewer's time zone, named
 * ("Sun 13 Dec 2026, 09:00 CST"): the server learns the zone from the browser (the `tz` cookie,
 * lib/server/viewer-zone.ts) and renders in it, and client components get the same zone from
 * the page (components/ui/zone.tsx), so server and browser print the same text.
 */
export const DEFAULT_ZONE = 'UTC';

/** Zones found good so far: every page asks for the viewer's (a few hundred exist at most). */
const knownZones = new Set<string>();

/** Whether `zone` is an IANA time zone this runtime knows ("America/Chicago", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    if (knownZones.size < 1000) knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

interface ZoneFormats {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  zoneName: Intl.DateTimeFormat;
}
const formats = new Map<string, ZoneFormats>();
function formatsFor(zone: string): ZoneFormats {
  const timeZone = isTimeZone(zone) ? zone : DEFAULT_ZONE;
  let f = formats.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone,
      }),
      dateTime: new Intl.DateTimeFormat('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
      // en-US names zones the way people say them (CST, EST, GMT+9); en-GB says "GMT-6".
      zoneName: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
    };
    formats.set(timeZone, f);
  }
  return f;
}

/** "13 December 2026" in `zone`. */
export function formatDate(iso: string, zone = DEFAULT_ZONE): string {
  return formatsFor(zone).date.format(new Date(iso));
}

/** A calendar date that is not a moment (an article's publication day): the same everywhere. */
export function formatCalendarDate(iso: string): string {
  return formatsFor(DEFAULT_ZONE).date.format(new Date(iso));
}

/** "Sun 13 Dec 2026, 09:00 CST": the moment in `zone`, with the zone named. */
export function formatDateTime(iso: string, zone = DEFAULT_ZONE): string {
  const f = formatsFor(zone);
  const date = new Date(iso);
  const parts = Object.fromEntries(f.dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  const name = f.zoneName.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${name ?? zone}`;
}

/** "1 claim", "3 claims". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
