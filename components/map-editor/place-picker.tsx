'use client';

import { useId, useState } from 'react';
import type { PlaceOption } from '@/lib/editor/places';

/**
 * A thesis's claims as a tree to pick from (where to move a claim, what to link it to): a search
 * field that narrows the list as one types, then the list itself, indented by depth and coloured
 * by the side each claim helps. The thesis stays in the list whatever is typed.
 */
export function PlacePicker({
  id,
  label,
  options,
  value,
  onChange,
  describedBy,
  rows = 10,
}: {
  id: string;
  label: string;
  options: PlaceOption[];
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  rows?: number;
}) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = options.filter(
    (o) =>
      o.parentId === null ||
      o.value === value ||
      words.every((w) => o.label.toLowerCase().includes(w)),
  );
  const hidden = options.length - shown.length;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={searchId}
        // A text field in the searchbox role: Escape closes the dialog, as everywhere else in it.
        type="text"
        role="searchbox"
        aria-label="Find a claim in the list"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Type to find a claim"
        aria-controls={id}
        className="block w-full rounded-md border border-stone-400 px-2 py-1.5 text-sm"
      />
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        size={Math.max(2, Math.min(rows, shown.length))}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm"
      >
        {shown.map((o) => (
          <option
            key={o.value}
            value={o.value}
            className={
              o.helps === null
                ? 'font-semibold text-stone-900'
                : o.helps
                  ? 'text-pro-800'
                  : 'text-con-800'
            }
          >
            {o.label}
          </option>
        ))}
      </select>
      <p className="text-xs text-stone-600" aria-live="polite">
        {hidden > 0 ? `${hidden} not matching “${query}” hidden.` : '\u00a0'}
      </p>
    </div>
  );
}
