import 'server-only';
import { cookies } from 'next/headers';
import { DEFAULT_ZONE, isTimeZone } from '@/lib/format';

/** The viewer's time zone, from the `tz` cookie their browser set (components/ui/zone.tsx). */
export async function viewerZone(): Promise<string> {
  const raw = (await cookies()).get('tz')?.value;
  let zone = '';
  try {
    zone = raw ? decodeURIComponent(raw) : '';
  } catch {
    // a cookie someone wrote by hand: UTC
  }
  return isTimeZone(zone) ? zone : DEFAULT_ZONE;
}
