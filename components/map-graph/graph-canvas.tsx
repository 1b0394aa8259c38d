'use client';

import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Graph } from '@/lib/domain/graph';
import {
  ARROW_COLOUR,
  arrowDash,
  boxesInView,
  boundsOf,
  boxRect,
  type GraphLayout,
  type Rect,
} from '@/lib/domain/graph-layout';
import { READABLE_ZOOM, viewFor, visibleRect } from '@/lib/domain/graph-viewport';
import { RouteEdge, type RouteEdgeData } from './graph-edge';
import { GraphNodeBox, type GraphNodeData } from './graph-node';

const nodeTypes = { box: GraphNodeBox };
const edgeTypes = { route: RouteEdge };
/**
 * The zoom buttons' column at the bottom left (44 px buttons, app/globals.css, and their 15 px
 * margin): where the graph opens or fits, no box starts under them.
 */
const CONTROLS_GUTTER = 64;

/** Where the camera goes: a box and what around it to show (the whole map, a branch). */
export interface Aim {
  /** The box to keep on screen (centred at the top when the rest is too big to read). */
  anchorId: string;
  /** What to fit, first choice first: the first that fits readably is shown whole. */
  targets: ReadonlySet<string>[];
  /** Changes whenever the reader asks again (the same aim twice moves the camera twice). */
  seq: string;
}

/**
 * The boxes and arrows, in React Flow (pan, pinch and wheel zoom, keyboard). Only the boxes near
 * the view are handed to React Flow (boxesInView): a map of 10,000 claims draws a few dozen.
 */
export function GraphCanvas({
  graph,
  layout,
  current,
  activeId,
  dimmed = null,
  aim,
  onSelect,
  onQuotes,
}: {
  graph: Graph;
  layout: GraphLayout | null;
  /** The layout is this graph's (not the last one, shown while the next is made). */
  current: boolean;
  activeId: string | null;
  /** The claims dimmed under an author filter. */
  dimmed?: ReadonlySet<string> | null;
  aim: Aim | null;
  onSelect: (id: string | null) => void;
  onQuotes: (id: string) => void;
}) {
  const flow = useReactFlow();
  const canvas = useRef<HTMLDivElement>(null);
  const size = () => ({
    width: canvas.current?.clientWidth ?? 800,
    height: canvas.current?.clientHeight ?? 600,
  });

  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const rectOf = useCallback(
    (id: string) => {
      const n = byId.get(id);
      return n && layout ? boxRect(layout, n) : null;
    },
    [byId, layout],
  );

  // What is on screen, widened by a screen each way so a pan finds its boxes already there. The
  // key changes only when the view crosses into another screen-sized cell or zoom step, so a pan
  // re-renders React Flow's boxes a few times, not on every frame.
  const viewKey = useStore((st) => {
    const [x, y, zoom] = st.transform;
    if (!st.width || !st.height) return '';
    const w = st.width / zoom;
    const h = st.height / zoom;
    return [
      Math.floor(-x / zoom / w),
      Math.floor(-y / zoom / h),
      Math.round(w),
      Math.round(h),
    ].join(':');
  });
  const view: Rect | null = useMemo(() => {
    if (!viewKey) return null;
    const [cx, cy, w, h] = viewKey.split(':').map(Number) as [number, number, number, number];
    return { x: (cx - 1) * w, y: (cy - 1) * h, width: 4 * w, height: 4 * h };
  }, [viewKey]);

  const before = useRef<{ layout: GraphLayout; id: string } | null>(null);
  // The camera goes where it is aimed (the opening view, Focus, Fit) once the layout is there.
  const aimed = useRef<string | null>(null);
  useEffect(() => {
    if (!layout || !current || !aim || aimed.current === aim.seq) return;
    const anchor = rectOf(aim.anchorId);
    const targets = aim.targets.flatMap((ids) => boundsOf(graph, layout, ids) ?? []);
    if (!anchor) return;
    aimed.current = aim.seq;
    before.current = null; // the camera was aimed: no need to hold the selected box still
    const { width, height } = size();
    void flow.setViewport(viewFor(targets, anchor, width, height, CONTROLS_GUTTER));
  }, [layout, current, aim, graph, rectOf, flow]);

  // A new layout (after an edit) can move boxes: the selected one stays where it was on screen.
  useEffect(() => {
    const prev = before.current;
    if (layout && prev && prev.layout !== layout && activeId === prev.id) {
      const a = prev.layout.positions[prev.id];
      const b = layout.positions[prev.id];
      if (a && b && (a.x !== b.x || a.y !== b.y)) {
        const v = flow.getViewport();
        void flow.setViewport({
          ...v,
          x: v.x - (b.x - a.x) * v.zoom,
          y: v.y - (b.y - a.y) * v.zoom,
        });
      }
    }
    before.current = layout && activeId ? { layout, id: activeId } : null;
  }, [layout, activeId, flow]);

  // A box selected off screen or too small to read (say, from the panel's list) comes into view.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!activeId || activeId === shown.current || !layout) return;
    const r = rectOf(activeId);
    if (!r) return;
    shown.current = activeId;
    const v = flow.getViewport();
    const seen = visibleRect(v, size().width, size().height);
    const inView =
      r.x >= seen.x &&
      r.y >= seen.y &&
      r.x + r.width <= seen.x + seen.width &&
      r.y + r.height <= seen.y + seen.height;
    if (inView && v.zoom >= READABLE_ZOOM) return;
    void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, {
      zoom: Math.max(v.zoom, READABLE_ZOOM),
      duration: 200,
    });
  }, [activeId, layout, rectOf, flow]);

  const drawn = useMemo(() => {
    if (!layout || !view) return new Set<string>();
    return boxesInView(graph, layout, view);
  }, [graph, layout, view]);

  const nodes: Node<GraphNodeData>[] = useMemo(() => {
    if (!layout) return [];
    return graph.nodes
      .filter((n) => drawn.has(n.id) && layout.positions[n.id])
      .map((n) => ({
        id: n.id,
        type: 'box',
        position: layout.positions[n.id] ?? { x: 0, y: 0 },
        width: n.width,
        height: n.height,
        data: { ...n, selected: n.id === activeId, dimmed: dimmed?.has(n.id) ?? false, onQuotes },
        ariaLabel: `${n.kind === 'thesis' ? 'Thesis' : n.stance === 'pro' ? 'Pro' : 'Con'}: ${n.text}`,
      }));
  }, [graph, layout, drawn, activeId, dimmed, onQuotes]);

  const edges: Edge<RouteEdgeData>[] = useMemo(() => {
    if (!layout) return [];
    return graph.edges
      .filter(
        (e) =>
          drawn.has(e.source) &&
          drawn.has(e.target) &&
          layout.positions[e.source] &&
          layout.positions[e.target] &&
          layout.routes[e.id],
      )
      .map((e) => ({
        id: e.id,
        type: 'route',
        source: e.source,
        target: e.target,
        data: { points: layout.routes[e.id]!, cross: e.cross },
        style: {
          stroke: ARROW_COLOUR[e.stance],
          strokeWidth: 2,
          strokeDasharray: arrowDash(e),
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: ARROW_COLOUR[e.stance] },
        className: `graph-edge-${e.stance}${e.cross ? ' graph-edge-cross' : ''}`,
        focusable: false,
      }));
  }, [graph, layout, drawn]);

  return (
    <div
      className="h-[calc(100dvh-23rem)] min-h-[360px] rounded-lg border border-stone-300 bg-white"
      ref={canvas}
      data-graph-canvas
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        onlyRenderVisibleElements
        minZoom={0.2}
        maxZoom={2}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        aria-label="Argument graph"
      >
        <Background gap={24} color="#e7e5e4" />
        <Controls showInteractive={false} className="graph-controls" />
      </ReactFlow>
    </div>
  );
}
