'use client';

import { useEffect, useState } from 'react';
import type { elkGraph } from '@/lib/domain/graph';

export interface Layout {
  positions: Record<string, { x: number; y: number }>;
  /** Time ELK took, in milliseconds (shown for the curious, read by the benchmark). */
  ms: number;
  /** The graph this layout is for; positions for nodes not in it are missing. */
  key: string;
}

interface Reply {
  kind?: string;
  seq: number;
  positions?: Layout['positions'];
  ms?: number;
  error?: string;
}

type Trees = ReturnType<typeof elkGraph>;

// One layout worker per page, kept while the page lives: switching views does not reload ELK.
let shared: Worker | null = null;
let nextSeq = 0;
function layoutWorker(): Worker {
  shared ??= new Worker(new URL('./layout.worker.ts', import.meta.url));
  return shared;
}

/**
 * Starts the layout worker and lays out a small tree while the browser is idle, so that ELK's code
 * is loaded and compiled before the first real layout (the editor calls this on mount).
 */
export function prewarmGraphLayout() {
  const warm = () => {
    const children = Array.from({ length: 40 }, (_, i) => ({
      id: `w${i}`,
      width: 200,
      height: 60,
    }));
    const edges = children.slice(1).map((c, i) => ({
      id: `we${i}`,
      sources: [`w${Math.floor(i / 3)}`],
      targets: [c.id],
    }));
    layoutWorker().postMessage({
      kind: 'counterpoint-layout',
      seq: -1, // no hook waits for this one
      trees: [{ id: 'warm', layoutOptions: { 'elk.algorithm': 'layered' }, children, edges }],
    });
  };
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 3000 });
  else setTimeout(warm, 500);
}

/** Lays out a graph in the Web Worker; keeps the last layout on screen while the next is computed. */
export function useGraphLayout(trees: Trees, key: string) {
  const [layout, setLayout] = useState<Layout | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const w = layoutWorker();
    const seq = ++nextSeq;
    const onMessage = (e: MessageEvent<Reply>) => {
      if (e.data?.kind !== 'counterpoint-layout' || e.data.seq !== seq) return;
      if (e.data.error) setError(e.data.error);
      else setLayout({ positions: e.data.positions!, ms: e.data.ms!, key });
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ kind: 'counterpoint-layout', seq, trees });
    return () => w.removeEventListener('message', onMessage);
  }, [trees, key]);

  return { layout, error };
}
