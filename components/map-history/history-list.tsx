'use client';

import { When } from '@/components/ui/zone';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { describeEntry, type HistoryEntry, type HistoryGroup } from '@/lib/domain/history';
import type { ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { TimeAgo } from '@/components/ui/time-ago';

/** A point in the history: right after a group of changes, or after one change of a group. */
export interface HistoryPoint {
  kind: 'group' | 'entry';
  revision: number;
  /** Who made it and when, for the preview's heading. */
  actorName: string;
  at: string;
}

export const pointOfGroup = (g: HistoryGroup): HistoryPoint => ({
  kind: 'group',
  revision: g.lastRevision,
  actorName: g.actorName,
  at: g.to,
});
const pointOfEntry = (e: HistoryEntry): HistoryPoint => ({
  kind: 'entry',
  revision: e.revision,
  actorName: e.actorName,
  at: e.createdAt,
});

/** Up and Down (Home, End) move between the changes, so a long list is quick to go through. */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  const step = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[e.key];
  if (step === undefined) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-history-item]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  e.preventDefault();
  const next = Math.max(
    0,
    Math.min(items.length - 1, Number.isFinite(step) ? at + step : step > 0 ? items.length - 1 : 0),
  );
  items[next]?.focus();
}

const isPoint = (selected: HistoryPoint | null, point: HistoryPoint) =>
  selected?.kind === point.kind && selected.revision === point.revision;

const itemClass = (pressed: boolean) =>
  `w-full rounded-md px-2 py-1.5 text-left text-sm ${pressed ? 'bg-stone-900 text-white' : 'text-stone-900 hover:bg-stone-100'}`;

function GroupItem({
  group,
  names,
  now,
  selected,
  onSelect,
  buttonRef,
}: {
  group: HistoryGroup;
  names: ReadonlyMap<string, Pick<ClaimView, 'text'>>;
  now: number;
  selected: HistoryPoint | null;
  onSelect: (point: HistoryPoint) => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const point = pointOfGroup(group);
  const pressed = isPoint(selected, point);
  const single = group.entries.length === 1;
  const summary = single ? describeEntry(group.entries[0]!, names) : group.summary;
  return (
    <li className="rounded-md border border-stone-200 p-1">
      <div className="flex items-start gap-1">
        <button
          ref={buttonRef}
          type="button"
          data-history-item
          data-history-group
          aria-pressed={pressed}
          onClick={() => onSelect(point)}
          className={`${itemClass(pressed)} min-w-0 flex-1`}
        >
          <span className="flex flex-wrap items-baseline justify-between gap-x-2">
            <span className="font-semibold">{group.actorName}</span>
            <TimeAgo
              iso={group.to}
              now={now}
              className={pressed ? 'text-stone-200' : 'text-stone-600'}
            />
          </span>
          <span className="block break-words">{summary}</span>
        </button>
        {!single && (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`${open ? 'Hide' : 'Show'} the ${group.entries.length} changes`}
            onClick={() => setOpen((o) => !o)}
            className="shrink-0 rounded-md px-2 py-1.5 text-sm text-stone-700 hover:bg-stone-100"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {group.entries.length}
          </button>
        )}
      </div>
      {!single && open && (
        <ul
          id={listId}
          className="mt-1 space-y-0.5 border-l-2 border-stone-200 pl-2"
          aria-label={`Changes by ${group.actorName}`}
        >
          {group.entries.map((entry) => {
            const p = pointOfEntry(entry);
            const on = isPoint(selected, p);
            return (
              <li key={entry.revision}>
                <button
                  type="button"
                  data-history-item
                  aria-pressed={on}
                  onClick={() => onSelect(p)}
                  className={itemClass(on)}
                >
                  <span className="block break-words">{describeEntry(entry, names)}</span>
                  <span className={`text-xs ${on ? 'text-stone-200' : 'text-stone-600'}`}>
                    <When iso={entry.createdAt} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/**
 * The changes, newest first, grouped by person and sitting; each group opens to its single
 * changes. Choosing one shows the map as it was right after it.
 */
export function HistoryList({
  groups,
  names,
  now,
  selected,
  onSelect,
  firstRef,
}: {
  groups: HistoryGroup[];
  names: ReadonlyMap<string, Pick<ClaimView, 'text'>>;
  now: number;
  selected: HistoryPoint | null;
  onSelect: (point: HistoryPoint) => void;
  /** The first group's button, focused when the panel opens. */
  firstRef: Ref<HTMLButtonElement>;
}) {
  return (
    <ul
      className="space-y-1.5"
      onKeyDown={moveFocus}
      aria-label={`Changes, newest first (${plural(groups.length, 'group')})`}
    >
      {groups.map((group, i) => (
        <GroupItem
          key={group.firstRevision}
          group={group}
          names={names}
          now={now}
          selected={selected}
          onSelect={onSelect}
          buttonRef={i === 0 ? firstRef : undefined}
        />
      ))}
    </ul>
  );
}
