/**
 * The Argdown reference column: the same map as Argdown text (the app's own export), through
 * Argdown's own pipeline as its CLI runs it for `argdown map --format svg` (@argdown/node:
 * parse-input, build-model, build-map, transform-closed-groups, colorize, export-dot, then
 * export-svg, Graphviz's dot in WebAssembly via @hpcc-js/wasm-graphviz), against Counterpoint's
 * import of the same text (read, check, materialize as an upload is) and its graph layout.
 * Runs in process, bundled by scripts/bench.mjs: Argdown is ES modules only,
 * which tsx's CommonJS loader cannot resolve.
 */
import { argdown } from '@argdown/node';
import { readImport } from '@/lib/domain/exchange/read-import';
import { toArgdown } from '@/lib/domain/exchange/to-argdown';
import { buildGraph } from '@/lib/domain/graph';
import { layoutGraph } from '@/lib/domain/graph-layout';
import type { DebateView } from '@/lib/domain/views';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { median } from './stats';

/** Argdown's processors, grouped as the columns name them (what `argdown map` runs, no files). */
const STAGES = {
  parse: ['parse-input'],
  model: ['build-model'],
  map: ['build-map', 'transform-closed-groups', 'colorize'],
  dot: ['export-dot'],
  svg: ['export-svg'],
} as const;
type Stage = keyof typeof STAGES;

/** A run that takes longer than this is not repeated (one timed run, after no warm-up). */
const SLOW_RUN_MS = 30_000;

export interface ArgdownResult {
  size: number;
  /** Bytes of Argdown text. */
  bytes: number;
  /** Argdown's whole pipeline, median (or the single run when `runs` is 1). */
  argdownMs: number;
  stages: Record<Stage, number>;
  runs: number;
  /** Boxes in Argdown's map and the SVG's size, to show it drew the whole map. */
  mapNodes: number;
  svgBytes: number;
  /** Counterpoint: import (read + materialize) then buildGraph + layoutGraph, median of 3. */
  counterpointMs: number;
  importMs: number;
  layoutMs: number;
  /** Why this size was measured less (or not at all). */
  note?: string;
}

interface MapNode {
  children?: MapNode[];
}
interface ArgdownResponse {
  map?: { nodes: MapNode[] };
  svg?: string;
  exceptions?: Error[];
}

/** Boxes in Argdown's map: its nodes, inside their groups (a heading is a group). */
const boxes = (nodes: readonly MapNode[]): number =>
  nodes.reduce((n, node) => n + (node.children ? boxes(node.children) : 1), 0);

async function argdownOnce(input: string) {
  const request = { input, logLevel: 'error', throwExceptions: true };
  const response: ArgdownResponse = {};
  const stages = {} as Record<Stage, number>;
  for (const [stage, process] of Object.entries(STAGES) as [Stage, readonly string[]][]) {
    const t = performance.now();
    await argdown.runAsync({ ...request, process: [...process] }, response as never);
    stages[stage] = performance.now() - t;
    if (response.exceptions?.length) throw response.exceptions[0];
  }
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  return { total, stages, mapNodes: boxes(response.map?.nodes ?? []), svg: response.svg ?? '' };
}

/**
 * Graphviz's WebAssembly module is loaded on the first SVG export of the process: timed alone on
 * a tiny map, so no size's numbers include it.
 */
export async function loadGraphviz(): Promise<number> {
  const t = performance.now();
  await argdownOnce('[A]: a.\n  + [B]: b.\n');
  return performance.now() - t;
}

function counterpointOnce(text: string, debate: DebateView) {
  let n = 0;
  const t0 = performance.now();
  const doc = readImport({ format: 'argdown', text, debate, newId: () => `id-${++n}` });
  const t1 = performance.now();
  layoutGraph(buildGraph(doc.debate.theses, doc.claims, doc.links));
  const t2 = performance.now();
  return { importMs: t1 - t0, layoutMs: t2 - t1, total: t2 - t0 };
}

export async function argdownReference(
  debate: DebateView,
  size: number,
  opts: { skipArgdown?: string } = {},
): Promise<ArgdownResult> {
  const text = toArgdown(syntheticMap(debate, size));
  counterpointOnce(text, debate); // warm-up
  const ours = [0, 1, 2].map(() => counterpointOnce(text, debate));
  const pick = (k: 'importMs' | 'layoutMs' | 'total') => median(ours.map((o) => o[k]));
  const base = {
    size,
    bytes: Buffer.byteLength(text),
    counterpointMs: pick('total'),
    importMs: pick('importMs'),
    layoutMs: pick('layoutMs'),
  };
  if (opts.skipArgdown) {
    const stages = { parse: NaN, model: NaN, map: NaN, dot: NaN, svg: NaN };
    return {
      ...base,
      argdownMs: NaN,
      stages,
      runs: 0,
      mapNodes: 0,
      svgBytes: 0,
      note: opts.skipArgdown,
    };
  }

  // One warm-up, then a median of 3 (one after another), unless one run is already too slow.
  const first = await argdownOnce(text);
  const done = [first];
  if (first.total <= SLOW_RUN_MS) {
    done.length = 0;
    for (let i = 0; i < 3; i++) done.push(await argdownOnce(text));
  }
  const stages = Object.fromEntries(
    Object.keys(STAGES).map((s) => [s, median(done.map((r) => r.stages[s as Stage]))]),
  ) as Record<Stage, number>;
  return {
    ...base,
    argdownMs: median(done.map((r) => r.total)),
    stages,
    runs: done.length,
    mapNodes: first.mapNodes,
    svgBytes: Buffer.byteLength(first.svg),
    note:
      done.length === 1
        ? `Argdown: one run, not repeated (it took ${Math.round(first.total / 1000)} s)`
        : undefined,
  };
}
