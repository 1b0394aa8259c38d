'use client';

import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { boxHelps, type GraphNode } from '@/lib/domain/graph';
import { GraphCommentCount } from '@/components/map/comment-count';
import { StanceBadge } from '@/components/map/stance-badge';
import { plural } from '@/lib/format';

export type GraphNodeData = GraphNode & {
  selected: boolean;
  /** Someone else's claim under an author filter: greyed, its text still readable. */
  dimmed: boolean;
  onQuotes: (id: string) => void;
} & Record<string, unknown>;

/**
 * A claim or thesis box: what it is (words and the colour of the side it helps), its text at
 * 14 px, and its evidence at a glance: strength, quotes (a button that opens them beside the
 * graph), a note, open comments, and how much is folded inside. Its size is the layout's.
 */
export function GraphNodeBox({ data }: NodeProps<Node<GraphNodeData>>) {
  const helps = boxHelps(data);
  const tone =
    data.kind === 'thesis'
      ? 'border-stone-900 bg-white'
      : `${data.dimmed ? 'border-stone-300 bg-stone-100' : helps ? 'border-pro-600 bg-pro-50' : 'border-con-600 bg-con-50'} ${data.stance === 'con' ? 'border-dashed' : ''}`;
  return (
    <div
      data-graph-node={data.id}
      data-dimmed={data.dimmed ? 'true' : undefined}
      style={{ width: data.width, height: data.height }}
      className={`flex flex-col overflow-hidden rounded-md border-2 px-3 py-2 text-left shadow-sm ${tone} ${data.selected ? 'ring-4 ring-blue-500' : ''}`}
    >
      <Handle
        type="target"
        position={Position.Bottom}
        className="!opacity-0"
        isConnectable={false}
      />
      <div className="flex h-6 shrink-0 items-center gap-2">
        {data.kind === 'thesis' || !data.stance || !data.role ? (
          <span className="text-xs font-bold uppercase tracking-wide text-stone-700">Thesis</span>
        ) : (
          <StanceBadge stance={data.stance} role={data.role} />
        )}
        {data.strength !== null && (
          <span className="text-xs text-stone-800" title={`Strength ${data.strength} of 5`}>
            <span aria-hidden="true">
              {'●'.repeat(data.strength)}
              {'○'.repeat(5 - data.strength)}
            </span>
            <span className="sr-only">Strength {data.strength} of 5</span>
          </span>
        )}
        <span className="ml-auto">
          {data.kind === 'claim' && <GraphCommentCount claimId={data.id} />}
        </span>
      </div>
      <p
        className={`mt-1 text-[14px] leading-5 ${data.dimmed ? 'text-stone-600' : 'text-stone-900'} ${data.kind === 'thesis' ? 'line-clamp-8' : 'line-clamp-6'}`}
        data-graph-text
        title={data.text}
      >
        {data.text}
      </p>
      {data.kind === 'claim' && (
        <div className="mt-auto flex h-7 shrink-0 items-center gap-2 text-xs font-semibold">
          {data.quotes > 0 ? (
            <button
              type="button"
              className="nodrag rounded border border-stone-400 bg-white px-1.5 py-0.5 text-stone-800 hover:bg-stone-100"
              onClick={(e) => {
                e.stopPropagation();
                data.onQuotes(data.id);
              }}
              data-graph-quotes={data.quotes}
            >
              <span aria-hidden="true">❝ </span>
              {plural(data.quotes, 'quote')}
            </button>
          ) : (
            <span className="text-stone-600">No quote</span>
          )}
          {data.hasNote && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900" data-graph-note>
              Note
            </span>
          )}
          {data.hiddenReplies > 0 && (
            <span className="ml-auto text-stone-700">+{data.hiddenReplies} hidden</span>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Top} className="!opacity-0" isConnectable={false} />
    </div>
  );
}
