'use client';

import { useZone } from '@/components/ui/zone';
import { zoneLabel } from '@/lib/domain/zoned-time';

/**
 * A due date and time, typed in the class's time zone and named beside it ("Due
 * (America/Chicago, CST)"; CDT for a July date): the form turns it into an instant with
 * fromZonedInput (lib/domain/zoned-time.ts). A class without a zone yet uses the teacher's own.
 */
export function DueInput({
  id,
  label = 'Due',
  zone,
  value,
  onChange,
  hint,
  describedBy,
  className = '',
}: {
  id: string;
  label?: string;
  /** The class's zone; null: never set (the teacher's own zone). */
  zone: string | null;
  value: string;
  onChange: (local: string) => void;
  hint?: string;
  describedBy?: string;
  className?: string;
}) {
  const viewer = useZone();
  const tz = zone ?? viewer;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label} <span className="font-normal text-stone-600">({zoneLabel(tz, value)})</span>
      </label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={
          [hint ? `${id}-hint` : '', describedBy ?? ''].join(' ').trim() || undefined
        }
        className={`rounded-md border border-stone-400 bg-white px-3 py-2 ${className}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The zone due dates of a class are typed in: its own, else the viewer's. */
export function useClassZone(zone: string | null): string {
  const viewer = useZone();
  return zone ?? viewer;
}
