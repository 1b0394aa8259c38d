import 'server-only';
import { cookies } from 'next/headers';
import { DEFAULT_ZONE, isTimeZone } from '@/lib/format';

/** The zone a `tz` cookie's value names, or UTC for none or one written by hand. */
function zoneOf(raw: string | undefined): string {
  let zone = '';
  try {
    zone = raw ? decodeURIComponent(raw) : '';
  } catch {
    // a cookie someone wrote by hand: UTC
  }
  return isTimeZone(zone) ? zone : DEFAULT_ZONE;
}

/** The viewer's time zone, from the `tz` cookie their browser set (components/ui/zone.tsx). */
export async function viewerZone(): Promise<string> {
  return zoneOf((await cookies()).get('tz')?.value);
}

/** The same, from a route handler's request headers. */
export function viewerZoneOf(headers: Headers): string {
  return zoneOf(/(?:^|;\s*)tz=([^;]*)/.exec(headers.get('cookie') ?? '')?.[1]);
}
