'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { TimeAgo } from '@/components/ui/time-ago';
import { Button, buttonClass } from '@/components/ui/button';
import {
  formatGrade,
  formatShare,
  sortRows,
  type DashboardRow,
  type SortColumn,
  type SortDirection,
  type StatsThesis,
} from '@/lib/domain/classroom/dashboard-stats';

const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';
const cell = 'border-b border-stone-200 px-1 py-2 align-top';

/** Text columns start A→Z; number columns start with the most first. */
const firstDirection = (column: SortColumn): SortDirection =>
  column === 'name' || column === 'side' ? 'asc' : 'desc';

function SortHeader({
  column,
  label,
  srLabel,
  sort,
  onSort,
  className = '',
  rowSpan,
  numeric = false,
}: {
  column: SortColumn;
  label: string;
  /** The full name for screen readers when the visible label is short. */
  srLabel?: string;
  sort: { column: SortColumn; direction: SortDirection };
  onSort: (column: SortColumn) => void;
  className?: string;
  rowSpan?: number;
  /** Right-aligned, above right-aligned numbers. */
  numeric?: boolean;
}) {
  const active = sort.column === column;
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`border-b border-stone-300 px-0 py-1 align-bottom font-semibold ${numeric ? 'text-right' : 'text-left'} ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-0.5 rounded px-1.5 py-1 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900 ${numeric ? 'text-right' : 'text-left'}`}
      >
        {srLabel ? (
          <>
            <span aria-hidden="true">{label}</span>
            <span className="sr-only">{srLabel}</span>
          </>
        ) : (
          label
        )}
        <span
          aria-hidden="true"
          className={`text-xs ${active ? 'text-stone-900' : 'text-stone-400'}`}
        >
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The dashboard's table: one row per student or team, sortable by every column (headers are
 * buttons; aria-sort says which), two rows selectable for the comparison page. Scrolls sideways
 * inside its own box on a narrow screen.
 */
export function DashboardTable({
  assignmentId,
  theses,
  rows,
  now,
}: {
  assignmentId: string;
  theses: StatsThesis[];
  rows: DashboardRow[];
  /** The current time for "5 minutes ago" (the server's read time on first paint). */
  now: number;
}) {
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
    column: 'name',
    direction: 'asc',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const sorted = useMemo(
    () => sortRows(rows, sort.column, sort.direction),
    [rows, sort.column, sort.direction],
  );
  const live = selected.filter((id) => rows.some((r) => r.workId === id));

  const onSort = (column: SortColumn) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: firstDirection(column) },
    );
  const toggle = (workId: string, on: boolean) =>
    setSelected((s) => {
      const rest = s.filter((id) => id !== workId && rows.some((r) => r.workId === id));
      // A third pick replaces the oldest: the comparison is always of two.
      return on ? [...rest, workId].slice(-2) : rest;
    });

  const sortProps = { sort, onSort };
  const compareHref =
    live.length === 2
      ? `/assignments/${assignmentId}/compare?a=${encodeURIComponent(live[0]!)}&b=${encodeURIComponent(live[1]!)}`
      : null;

  if (rows.length === 0) {
    return (
      <p className="rounded-md border border-stone-200 bg-white p-4 text-sm text-stone-700">
        No work in this assignment yet. Give students their sides or teams on the assignment page,
        and their maps will appear here.
      </p>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {compareHref ? (
          <Link href={compareHref} className={buttonClass({ variant: 'primary' })}>
            Compare the two selected
          </Link>
        ) : (
          <Button variant="primary" disabled aria-describedby="compare-hint">
            Compare the two selected
          </Button>
        )}
        <span id="compare-hint" role="status" className="text-sm text-stone-700">
          {live.length === 2
            ? `${rows.find((r) => r.workId === live[0])?.name} and ${rows.find((r) => r.workId === live[1])?.name} selected.`
            : `Select two rows to compare their maps (${live.length} selected).`}
        </span>
      </div>

      {/* On a narrow screen the map and grade links are past the last column in view. */}
      <p className="text-sm text-stone-600 lg:hidden" aria-hidden="true">
        More columns, and each map’s links, to the right: swipe the table sideways.
      </p>
      <div
        role="region"
        aria-label="Work in this assignment (scrolls sideways)"
        tabIndex={0}
        className="relative max-w-full overflow-x-auto rounded-md border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">
            One row per student or team. Column headers sort the table.
          </caption>
          <thead className="bg-stone-50">
            <tr>
              <th
                scope="col"
                rowSpan={2}
                className="sticky left-0 z-10 w-10 min-w-10 border-b border-stone-300 bg-stone-50 px-2 pb-2 pt-1 text-left align-bottom font-semibold"
              >
                <span className="sr-only">Select to compare</span>
                <span aria-hidden="true">⇄</span>
              </th>
              <SortHeader
                column="name"
                label="Name"
                rowSpan={2}
                className="sticky left-10 z-10 bg-stone-50 shadow-[1px_0_0_0_var(--color-stone-200)]"
                {...sortProps}
              />
              <SortHeader column="side" label="Side" rowSpan={2} {...sortProps} />
              <SortHeader column="claims" numeric label="Claims" rowSpan={2} {...sortProps} />
              {theses.map((t) => (
                <th
                  key={t.id}
                  scope="colgroup"
                  colSpan={2}
                  className="max-w-48 border-b border-l border-stone-200 px-3 pt-2 text-left text-xs font-semibold text-stone-700"
                >
                  {t.label}
                </th>
              ))}
              <SortHeader
                column="anchored"
                numeric
                label="Evidence"
                srLabel="Share of claims with evidence"
                rowSpan={2}
                className="border-l border-stone-200"
                {...sortProps}
              />
              <SortHeader
                column="unrebutted"
                numeric
                label="Unrebutted"
                srLabel="Objections without rebuttal"
                rowSpan={2}
                {...sortProps}
              />
              <SortHeader column="comments" numeric label="Comments" rowSpan={2} {...sortProps} />
              <SortHeader
                column="openMarks"
                numeric
                label="Marks"
                srLabel="Open marks for review"
                rowSpan={2}
                {...sortProps}
              />
              <SortHeader column="lastActivity" label="Last activity" rowSpan={2} {...sortProps} />
              <SortHeader column="grade" numeric label="Grade" rowSpan={2} {...sortProps} />
              <th
                scope="col"
                rowSpan={2}
                className="border-b border-stone-300 px-2 pb-2 pt-1 text-left align-bottom font-semibold"
              >
                Open
              </th>
            </tr>
            <tr>
              {theses.flatMap((t) => [
                <SortHeader
                  key={`p-${t.id}`}
                  column={`pros:${t.id}`}
                  numeric
                  label="Pros"
                  srLabel={`Pros for ${t.label}`}
                  className="border-l border-stone-200"
                  {...sortProps}
                />,
                <SortHeader
                  key={`c-${t.id}`}
                  column={`cons:${t.id}`}
                  numeric
                  label="Cons"
                  srLabel={`Cons against ${t.label}`}
                  {...sortProps}
                />,
              ])}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const checked = live.includes(r.workId);
              return (
                <tr
                  key={r.workId}
                  data-testid="dashboard-row"
                  data-work={r.workId}
                  className={checked ? 'bg-amber-50' : 'bg-white'}
                >
                  {/* The first two columns stay in view while the table scrolls sideways. */}
                  <td className={`${cell} sticky left-0 z-10 w-10 min-w-10 bg-inherit`}>
                    <input
                      type="checkbox"
                      id={`pick-${r.workId}`}
                      className="h-4 w-4"
                      checked={checked}
                      onChange={(e) => toggle(r.workId, e.target.checked)}
                    />
                    <label htmlFor={`pick-${r.workId}`} className="sr-only">
                      Select {r.name} to compare
                    </label>
                  </td>
                  {/* Long names and teams wrap (anywhere, if need be) and long member lists are cut
                      at three lines, whole on hover: every column fits 1280 px; on a phone the
                      table scrolls sideways under this column. */}
                  <th
                    scope="row"
                    title={r.members.length > 0 ? `${r.name}: ${r.members.join(', ')}` : r.name}
                    className={`${cell} sticky left-10 z-10 w-36 min-w-36 sm:w-40 sm:min-w-40 bg-inherit shadow-[1px_0_0_0_var(--color-stone-200)] text-left font-normal`}
                  >
                    <span className="block font-semibold [overflow-wrap:anywhere]">{r.name}</span>
                    {r.members.length > 0 && r.members.join(', ') !== r.name && (
                      <span className="line-clamp-3 text-xs break-words text-stone-600">
                        {r.members.join(', ')}
                      </span>
                    )}
                  </th>
                  <td
                    className={`${cell} min-w-24 max-w-36 [overflow-wrap:anywhere]`}
                    title={r.sideLabels.join(' + ')}
                  >
                    <span className="line-clamp-3">
                      {r.side === 'both' ? 'Both theses' : r.sideLabels.join(' + ')}
                    </span>
                  </td>
                  <td className={`${cell} text-right tabular-nums`} data-col="claims">
                    {r.claims}
                  </td>
                  {theses.flatMap((t) => [
                    <td
                      key={`p-${t.id}`}
                      className={`${cell} border-l text-right tabular-nums text-pro-800`}
                    >
                      {r.perThesis[t.id]?.pros ?? 0}
                    </td>,
                    <td
                      key={`c-${t.id}`}
                      className={`${cell} text-right tabular-nums text-con-800`}
                    >
                      {r.perThesis[t.id]?.cons ?? 0}
                    </td>,
                  ])}
                  <td
                    className={`${cell} border-l text-right tabular-nums`}
                    title={`${r.anchored} of ${r.claims} claims quote the articles`}
                  >
                    {formatShare(r.anchoredShare)}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{r.unrebutted}</td>
                  <td className={`${cell} text-right tabular-nums`}>{r.comments}</td>
                  <td className={`${cell} text-right tabular-nums`} data-col="open-marks">
                    {r.openMarks}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {r.lastActivity ? (
                      <TimeAgo iso={r.lastActivity} now={now} />
                    ) : (
                      <span className="text-stone-500">None yet</span>
                    )}
                  </td>
                  <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>
                    {formatGrade(r.grade)}
                    {r.grade && (
                      <span
                        className={`mt-1 block w-fit ml-auto rounded px-1.5 py-0.5 text-xs ${r.released ? 'bg-pro-100 text-pro-800' : 'bg-stone-100 text-stone-700'}`}
                      >
                        {r.released ? 'released' : 'private'}
                      </span>
                    )}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <Link
                      className={`${link} block`}
                      href={`/maps/${r.mapId}`}
                      aria-label={`Open map of ${r.name}`}
                    >
                      Map
                    </Link>
                    <Link
                      className={`${link} mt-1 block`}
                      href={`/assignments/${assignmentId}/work/${r.workId}`}
                    >
                      Grade<span className="sr-only"> {r.name}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
