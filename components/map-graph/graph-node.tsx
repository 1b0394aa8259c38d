'use client';

import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { helpsThesis, type Role } from '@/lib/domain/dialectic';
import type { GraphNode } from '@/lib/domain/graph';
import { GraphCommentCount } from '@/components/map/comment-count';

export type GraphNodeData = GraphNode & { selected: boolean; role: Role | null } & Record<
    string,
    unknown
  >;

/** A claim or thesis box: stance in words and colour, its text, and how much is folded inside. */
export function GraphNodeBox({ data }: NodeProps<Node<GraphNodeData>>) {
  // Colour: the side it helps (as in the outline, the counts and the brief); words: how it answers.
  const helps = data.role !== null && helpsThesis(data.role);
  const tone =
    data.kind === 'thesis'
      ? 'border-stone-900 border-2 bg-white'
      : `${helps ? 'border-pro-600 bg-pro-50' : 'border-con-600 bg-con-50'} ${data.stance === 'con' ? 'border-dashed' : ''}`;
  const label =
    data.kind === 'thesis'
      ? 'Thesis'
      : data.role === 'rebuttal'
        ? '− Rebuttal'
        : data.stance === 'pro'
          ? '+ Pro'
          : '− Con';
  return (
    <div
      data-graph-node={data.id}
      style={{ width: data.width, minHeight: data.height }}
      className={`rounded-md border-2 px-3 py-2 text-left shadow-sm ${tone} ${data.selected ? 'ring-4 ring-blue-500' : ''}`}
    >
      <Handle
        type="target"
        position={Position.Bottom}
        className="!opacity-0"
        isConnectable={false}
      />
      <div className="flex items-center justify-between gap-2">
        <p
          className={`text-[11px] font-bold uppercase tracking-wide ${data.kind === 'thesis' ? 'text-stone-700' : helps ? 'text-pro-800' : 'text-con-800'}`}
        >
          {label}
        </p>
        {data.kind === 'claim' && <GraphCommentCount claimId={data.id} />}
      </div>
      <p className="line-clamp-6 text-[13px] leading-snug text-stone-900">{data.text}</p>
      {data.hiddenReplies > 0 && (
        <p className="mt-1 text-[11px] font-semibold text-stone-700">
          +{data.hiddenReplies} hidden
        </p>
      )}
      <Handle type="source" position={Position.Top} className="!opacity-0" isConnectable={false} />
    </div>
  );
}
