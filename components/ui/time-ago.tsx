'use client';

import { useZone } from './zone';
import { useEffect, useState } from 'react';
import { formatDate, formatDateTime } from '@/lib/format';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When something happened (a comment, a student's last edit), as a person would say it ("just now", "5 minutes ago",
 * "yesterday"), and as a date once it is a week old. A clock a little behind the server's
 * still says "just now", never "in 1 minute".
 */
export function timeAgo(iso: string, now: number, zone?: string): string {
  const ago = Math.max(0, now - Date.parse(iso));
  if (ago < 45_000) return 'just now';
  if (ago < 45 * MINUTE) return relative.format(-Math.max(1, Math.round(ago / MINUTE)), 'minute');
  if (ago < 22 * HOUR) return relative.format(-Math.max(1, Math.round(ago / HOUR)), 'hour');
  if (ago < 6.5 * DAY) return relative.format(-Math.max(1, Math.round(ago / DAY)), 'day');
  return formatDate(iso, zone);
}

/** The current time, moving on every half minute, so "just now" does not stay forever. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * When something happened, relative (a comment, a change in History, a student's last edit),
 * with the exact date and time in the viewer's zone on hover and for machines.
 */
export function TimeAgo({ iso, now, className }: { iso: string; now: number; className?: string }) {
  const zone = useZone();
  return (
    <time dateTime={iso} title={formatDateTime(iso, zone)} className={className}>
      {timeAgo(iso, now, zone)}
    </time>
  );
}
