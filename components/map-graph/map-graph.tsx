'use client';

import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';
import { buildGraph, elkGraph, layoutKey } from '@/lib/domain/graph';
import { GraphNodeBox, type GraphNodeData } from './graph-node';
import { downloadGraphImage } from './graph-download';
import { GraphPanel } from './graph-panel';
import { useGraphLayout } from './use-graph-layout';
import { helpsThesis, roles } from '@/lib/domain/dialectic';

const nodeTypes = { box: GraphNodeBox };
/** Above this many boxes the graph opens at the top of its first tree, not fitted whole. */
const BIG_GRAPH = 300;

const EDGE_STYLE = {
  pro: { stroke: '#047857', strokeDasharray: undefined, label: 'supports' },
  con: { stroke: '#be123c', strokeDasharray: '7 5', label: 'attacks' },
} as const;

/**
 * The graph view: the same map as the outline, as boxes and arrows laid out by ELK in a worker.
 * Pan, zoom, fit, minimap, collapse, focus, and editing through the panel beside it.
 */
export function MapGraph({ title }: { title: string }) {
  return (
    <ReactFlowProvider>
      <GraphCanvas title={title} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({ title }: { title: string }) {
  const session = useSession();
  const theses = session.theses;
  const { claims, links, screen } = useEditorState();
  const activeId = screen.activeId;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const flow = useReactFlow();

  const graph = useMemo(
    () => buildGraph(theses, claims, links, { collapsed, focusId }),
    [theses, claims, links, collapsed, focusId],
  );
  const elk = useMemo(() => elkGraph(graph), [graph]);
  const key = useMemo(() => layoutKey(graph), [graph]);
  const { layout, error } = useGraphLayout(elk, key);

  // The nodes are ours (derived from the map), so React Flow's measurements are kept here.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const onNodesChange = (changes: NodeChange[]) => {
    const dims = changes.flatMap((c) =>
      c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : [],
    );
    if (dims.length) setMeasured((m) => ({ ...m, ...Object.fromEntries(dims) }));
  };

  const roleOf = useMemo(() => roles(claims), [claims]);
  const nodes: Node<GraphNodeData>[] = useMemo(() => {
    if (!layout) return [];
    return graph.nodes.map((n) => {
      const role = n.kind === 'claim' ? (roleOf.get(n.id) ?? 'support') : null;
      return {
        id: n.id,
        type: 'box',
        position: layout.positions[n.id] ?? { x: 0, y: 0 },
        data: { ...n, selected: n.id === activeId, role },
        measured: measured[n.id],
        ariaLabel: `${n.kind === 'thesis' ? 'Thesis' : n.stance === 'pro' ? 'Pro' : 'Con'}: ${n.text}`,
      };
    });
  }, [graph, layout, activeId, roleOf, measured]);

  const edges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => {
        const s = EDGE_STYLE[e.stance];
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.cross ? `${s.label} (other side)` : s.label,
          labelStyle: { fill: s.stroke, fontWeight: 600, fontSize: 11 },
          labelBgStyle: { fill: '#ffffff' },
          style: {
            stroke: s.stroke,
            strokeWidth: 2,
            strokeDasharray: e.cross ? '2 5' : s.strokeDasharray,
          },
          markerEnd: { type: MarkerType.ArrowClosed, color: s.stroke },
          data: { stance: e.stance, cross: e.cross },
          className: `graph-edge-${e.stance}${e.cross ? ' graph-edge-cross' : ''}`,
        };
      }),
    [graph],
  );

  // Once laid out: fit the whole graph; a big one opens at the top of its first tree instead, since
  // a thousand boxes at once are unreadable and slow to draw ("Fit to screen" still shows all).
  const fitted = useRef(false);
  const canvas = useRef<HTMLDivElement>(null);
  const big = nodes.length > BIG_GRAPH;
  const rootId = focusId ?? theses[0]?.id;
  useEffect(() => {
    if (!layout || fitted.current || !nodes.length) return;
    fitted.current = true;
    const root = nodes.find((n) => n.id === rootId);
    requestAnimationFrame(() => {
      if (!big || !root) return void flow.fitView({ padding: 0.1 });
      const zoom = 0.8;
      const width = canvas.current?.clientWidth ?? 800;
      const center = root.position.x + (root.measured?.width ?? 240) / 2;
      void flow.setViewport({ x: width / 2 - center * zoom, y: 24 - root.position.y * zoom, zoom });
    });
  }, [layout, nodes, flow, big, rootId]);

  // A box selected off screen or too small to read (say, from the panel's list) is brought into view.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!activeId || activeId === shown.current || !canvas.current) return;
    const node = nodes.find((n) => n.id === activeId);
    if (!node) return;
    shown.current = activeId;
    const { x, y, zoom } = flow.getViewport();
    const w = node.measured?.width ?? 240;
    const h = node.measured?.height ?? 80;
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const inView =
      left >= 0 &&
      top >= 0 &&
      left + w * zoom <= canvas.current.clientWidth &&
      top + h * zoom <= canvas.current.clientHeight;
    if (inView && zoom >= 0.4) return;
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, {
      zoom: Math.max(zoom, 0.8),
      duration: 300,
    });
  }, [activeId, nodes, flow]);

  // An image holds every box, not only those on screen: while exporting, every box is drawn,
  // and the picture is taken once they all are (and measured).
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  useEffect(() => {
    if (!exporting) return;
    let cancelled = false;
    const started = performance.now();
    const wait = () => {
      if (cancelled) return;
      const all = flow.getNodes();
      const drawn = document.querySelectorAll('.react-flow__node').length;
      const measured = all.every((n) => n.measured?.width);
      if ((drawn < all.length || !measured) && performance.now() - started < 10_000) {
        requestAnimationFrame(wait);
        return;
      }
      void downloadGraphImage(all, exporting, `${title}-graph`).finally(() => {
        if (!cancelled) setExporting(null);
      });
    };
    requestAnimationFrame(wait);
    return () => {
      cancelled = true;
    };
  }, [exporting, flow, title]);

  return (
    <div className="flex flex-col gap-3 lg:flex-row">
      <div className="min-w-0 flex-1">
        <div className="mb-2 flex flex-wrap items-center gap-2" data-no-print>
          <Button size="sm" onClick={() => void flow.fitView({ padding: 0.1, duration: 300 })}>
            Fit to screen
          </Button>
          {focusId && (
            <Button size="sm" onClick={() => setFocusId(null)}>
              Show the whole map
            </Button>
          )}
          <Button size="sm" disabled={!!exporting} onClick={() => setExporting('png')}>
            Download PNG
          </Button>
          <Button size="sm" disabled={!!exporting} onClick={() => setExporting('svg')}>
            Download SVG
          </Button>
          <p
            className="text-xs text-stone-600"
            data-layout-ms={layout ? Math.round(layout.ms) : undefined}
            aria-live="polite"
          >
            {error
              ? `Layout failed: ${error}`
              : layout
                ? `${graph.nodes.length} boxes laid out${big ? ': showing the top; “Fit to screen” shows all' : ''}`
                : 'Laying out…'}
          </p>
          <p className="ml-auto text-xs text-stone-600">
            Boxes: <span className="font-semibold text-pro-800">green helps the thesis</span>,{' '}
            <span className="font-semibold text-con-800">red argues against it</span>. Arrows: solid
            = supports, dashed = attacks, dotted = link to the other side
          </p>
        </div>
        <div
          className="h-[70vh] min-h-[420px] rounded-lg border border-stone-300 bg-white"
          ref={canvas}
          data-graph
          data-graph-ready={layout && layout.key === key ? 'true' : 'false'}
        >
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            nodesDraggable={false}
            nodesConnectable={false}
            onlyRenderVisibleElements={!exporting}
            minZoom={0.05}
            onNodeClick={(_, node) => session.select(node.id)}
            onPaneClick={() => session.select(null)}
            proOptions={{ hideAttribution: false }}
            aria-label="Argument graph"
          >
            <Background gap={24} color="#e7e5e4" />
            <Controls showInteractive={false} />
            <MiniMap
              pannable
              zoomable
              ariaLabel="Minimap"
              nodeColor={(n) => {
                const { role } = n.data as GraphNodeData;
                return role === null ? '#57534e' : helpsThesis(role) ? '#6ee7b7' : '#fda4af';
              }}
            />
          </ReactFlow>
        </div>
      </div>
      <GraphPanel
        collapsed={collapsed}
        onToggleCollapse={(id) =>
          setCollapsed((s) => {
            const next = new Set(s);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          })
        }
        onFocus={(id) => {
          setFocusId(id);
          fitted.current = false;
        }}
        visibleIds={graph.nodes.map((n) => n.id)}
      />
    </div>
  );
}
