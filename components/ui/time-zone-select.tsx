'use client';

import { useState, useSyncExternalStore } from 'react';
import { useZone } from './zone';

const noChanges = () => () => {};

/** The browser's own IANA zone ('' where it does not say). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';

/**
 * A choice of IANA time zone (a class's). Without a value it starts at the zone the page was
 * rendered in and then takes the browser's own, so it defaults to where the teacher is. `zones`
 * comes from the server (lib/domain/zoned-time.ts listTimeZones), so the server and the browser
 * render the same list; a zone the list lacks (the browser's, under an old name) is added.
 */
export function TimeZoneSelect({
  id,
  name,
  zones,
  value: given,
  onChange,
  describedBy,
  className = '',
}: {
  id: string;
  name?: string;
  zones: string[];
  /** The chosen zone (controlled); none: the browser's, kept by the select itself. */
  value?: string;
  onChange?: (zone: string) => void;
  describedBy?: string;
  className?: string;
}) {
  const rendered = useZone();
  // The server renders the page's zone; the browser then reads its own (no mismatch).
  const own = useSyncExternalStore(
    noChanges,
    () => browserZone() || rendered,
    () => rendered,
  );
  const [picked, setPicked] = useState<string | null>(null);
  const value = given ?? picked ?? own;
  const options = zones.includes(value) || !value ? zones : [value, ...zones];
  return (
    <select
      id={id}
      name={name}
      value={value}
      onChange={(e) => {
        if (given === undefined) setPicked(e.target.value);
        onChange?.(e.target.value);
      }}
      aria-describedby={describedBy}
      className={`min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 ${className}`}
    >
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
