'use client';

import { useMemo } from 'react';
import { boxHelps, type Graph } from '@/lib/domain/graph';
import { overview } from '@/lib/domain/graph-overview';
import { plural } from '@/lib/format';

const ROW = 72;

/**
 * A big map at a glance: per thesis an icicle, the thesis on top and each branch as wide as
 * the claims in it, coloured by the side it helps, four levels deep. A click (or Enter) opens
 * that branch in the boxes view.
 */
export function GraphOverview({
  graph,
  narrow,
  onOpen,
}: {
  graph: Graph;
  /** On a phone a cell needs a bigger share of the width to be readable. */
  narrow: boolean;
  onOpen: (id: string) => void;
}) {
  const columns = useMemo(() => overview(graph, 4, narrow ? 0.25 : 0.12), [graph, narrow]);
  return (
    <div
      className="h-[calc(100dvh-23rem)] min-h-[360px] space-y-6 overflow-auto rounded-lg border border-stone-300 bg-white p-3"
      data-graph-overview
    >
      {columns.map((col) => (
        <section
          key={col.thesis.id}
          aria-label={`Overview: ${col.thesis.text}`}
          className="min-w-0"
        >
          <ul className="relative" style={{ height: (col.rows + 1) * ROW }}>
            {col.cells.map((cell) => {
              const node = cell.node;
              const tone =
                cell.depth === 0
                  ? 'border-stone-900 bg-white text-stone-900'
                  : cell.merged
                    ? 'border-stone-300 bg-stone-100 text-stone-700'
                    : node && boxHelps(node)
                      ? 'border-pro-600 bg-pro-50 text-stone-900'
                      : 'border-con-600 bg-con-50 text-stone-900';
              const name = cell.merged
                ? `${plural(cell.merged, 'smaller branch', 'smaller branches')}, ${plural(cell.size, 'claim')}`
                : `${node?.kind === 'thesis' ? '' : node?.stance === 'pro' ? 'Pro: ' : 'Con: '}${node?.text ?? ''}`;
              return (
                <li
                  key={`${cell.id}:${cell.depth}:${cell.x0}`}
                  className="absolute p-0.5"
                  style={{
                    left: `${cell.x0 * 100}%`,
                    width: `${(cell.x1 - cell.x0) * 100}%`,
                    top: cell.depth * ROW,
                    height: ROW,
                  }}
                >
                  <button
                    type="button"
                    onClick={() => onOpen(cell.id)}
                    title={`${name} (${plural(cell.size, 'claim')})`}
                    aria-label={`${name}. ${plural(cell.size, 'claim')}. Open this branch.`}
                    className={`flex h-full w-full flex-col overflow-hidden rounded border-2 px-1.5 py-1 text-left text-[13px] leading-tight hover:ring-2 hover:ring-blue-400 ${tone}`}
                  >
                    <span className="line-clamp-2 font-medium">
                      {cell.merged ? `+${cell.merged} more` : node?.text}
                    </span>
                    <span className="mt-auto text-[12px] font-semibold text-stone-700">
                      {cell.size}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
