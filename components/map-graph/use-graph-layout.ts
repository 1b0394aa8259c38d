'use client';

import { useEffect, useRef, useState } from 'react';
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

/** Lays out a graph in a Web Worker; keeps the last layout on screen while the next is computed. */
export function useGraphLayout(trees: ReturnType<typeof elkGraph>, key: string) {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    worker.current = new Worker(new URL('./layout.worker.ts', import.meta.url));
    return () => worker.current?.terminate();
  }, []);

  useEffect(() => {
    const w = worker.current;
    if (!w) return;
    const seq = ++latest.current;
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
