'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { DEFAULT_ZONE, formatDate, formatDateTime } from '@/lib/format';

const ZoneContext = createContext(DEFAULT_ZONE);

/** The viewer's time zone, as the server rendered the page in it (see lib/format.ts). */
export function useZone(): string {
  return useContext(ZoneContext);
}

/**
 * Gives the page the zone the server rendered in, and tells the server the browser's own zone
 * (the `tz` cookie) when they differ, then renders again in it: the first page a browser ever
 * opens shows UTC (named) for a moment, every page after shows the browser's zone.
 */
export function ZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!own || own === zone) return;
    document.cookie = `tz=${encodeURIComponent(own)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [zone, router]);
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

/** A moment, in the viewer's zone and named ("Sun 13 Dec 2026, 09:00 CST"); or only its date. */
export function When({ iso, date = false }: { iso: string; date?: boolean }) {
  const zone = useZone();
  return <time dateTime={iso}>{date ? formatDate(iso, zone) : formatDateTime(iso, zone)}</time>;
}
