'use client';

import { useEffect, useState } from 'react';
import { buildGraph, quoteCounts, type Graph } from '@/lib/domain/graph';
import type { CrossLink } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView, ThesisView } from '@/lib/domain/views';
import type { GraphLayout } from '@/lib/domain/graph-layout';

export interface Layout {
  layout: GraphLayout;
  /** Time the layout took, in milliseconds (shown for the curious, read by the benchmark). */
  ms: number;
  /** The graph this layout is for (see layoutKey()); boxes not in it have no position. */
  key: string;
}

interface Reply {
  kind?: string;
  seq: number;
  key?: string;
  layout?: GraphLayout;
  ms?: number;
  error?: string;
}

// One layout worker per page, kept while the page lives, and the last layout it made: switching
// to the graph view after a layout made in the background draws at once.
let shared: Worker | null = null;
let lastLayout: Layout | null = null;
let nextSeq = 0;
function layoutWorker(): Worker {
  if (!shared) {
    shared = new Worker(new URL('./layout.worker.ts', import.meta.url));
    shared.addEventListener('message', (e: MessageEvent<Reply>) => {
      const { kind, key, layout, ms } = e.data ?? {};
      if (kind === 'counterpoint-layout' && key && layout) lastLayout = { key, layout, ms: ms! };
    });
  }
  return shared;
}

type GraphInput = [
  theses: readonly ThesisView[],
  claims: readonly ClaimView[],
  links: readonly CrossLink[],
  anchors: readonly AnchorView[],
  collapsed: ReadonlySet<string> | null,
  focusId: string | null,
];
let lastGraph: { input: GraphInput; graph: Graph } | null = null;

/**
 * The graph of a map, remembered for the same inputs (by identity): the background layout and
 * the graph view that opens after it build it once (about 40 ms at 10,000 claims, which the
 * switch to the graph would otherwise spend).
 */
export function graphOf(...input: GraphInput): Graph {
  if (lastGraph && lastGraph.input.every((x, i) => x === input[i])) return lastGraph.graph;
  const [theses, claims, links, anchors, collapsed, focusId] = input;
  const graph = buildGraph(theses, claims, links, {
    collapsed: collapsed ?? undefined,
    focusId,
    quotes: quoteCounts(anchors),
  });
  lastGraph = { input, graph };
  return graph;
}

/**
 * Lays out a graph in the background, when the browser is idle, so the graph view can open
 * without waiting (the editor calls this while the outline is shown).
 */
export function layoutInBackground(input: () => { graph: Graph; key: string }) {
  const run = () => {
    const { graph, key } = input();
    if (lastLayout?.key === key) return;
    layoutWorker().postMessage({ kind: 'counterpoint-layout', seq: -1, key, graph });
  };
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 500);
  return () => clearTimeout(id);
}

/** Lays out a graph in the Web Worker; keeps the last layout on screen while the next is made. */
export function useGraphLayout(graph: Graph, key: string) {
  const [layout, setLayout] = useState<Layout | null>(() =>
    lastLayout?.key === key ? lastLayout : null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (lastLayout?.key === key) return; // made in the background: read below
    const w = layoutWorker();
    const seq = ++nextSeq;
    const onMessage = (e: MessageEvent<Reply>) => {
      if (e.data?.kind !== 'counterpoint-layout' || e.data.seq !== seq) return;
      if (e.data.error) setError(e.data.error);
      else setLayout({ layout: e.data.layout!, ms: e.data.ms!, key });
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ kind: 'counterpoint-layout', seq, key, graph });
    return () => w.removeEventListener('message', onMessage);
  }, [graph, key]);

  return { layout: lastLayout?.key === key ? lastLayout : layout, error };
}
