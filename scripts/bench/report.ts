// The benchmark's tables and its targets line (a report: nothing here fails a run).
import os from 'node:os';
import type { ArgdownResult } from './argdown';
import { claims, median, ms, quantile, table } from './stats';

export const EXPORT_FORMATS = ['markdown', 'argdown', 'aif', 'annotations', 'brief-pdf'] as const;

/** What the browser part measures for one size (scripts/bench/run.ts). */
export interface BrowserResult {
  size: number;
  seedMs: number;
  loadMs: number;
  interactiveMs: number;
  /** JS heap in use with the outline open, after a garbage collection, in MB. */
  heapMb: number;
  /** The page's own layout time (data-layout-ms), and from the click on "Graph" to drawn. */
  layoutMs: number;
  graphReadyMs: number;
  longestTaskMs: number;
  shown: number[];
  saved: number[];
  trips: number[];
  exports: Record<string, number>;
}

export interface LayoutResult {
  size: number;
  boxes: number;
  buildMs: number;
  layoutMs: number;
  /** buildGraph + layoutGraph: the number the layout target is about. */
  totalMs: number;
}

/** What the in-process part measures (scripts/bench/in-process.ts). */
export interface InProcessRun {
  graphvizLoadMs: number;
  argdownMax: number;
  layout: LayoutResult[];
  argdown: ArgdownResult[];
  totalMs?: number;
}

const p50p95 = (xs: number[]) => `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`;
const ratio = (a: ArgdownResult) => a.argdownMs / a.counterpointMs;

export function printMachine(browser: boolean) {
  const cpu = os.cpus();
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node ${process.version}${browser ? ', Chromium headless' : ''}\n`,
  );
}

export function printBrowser(results: BrowserResult[]) {
  table(
    [
      'claims',
      'editor data (server)',
      'outline interactive',
      'JS heap, outline open',
      'graph: layout in page',
      'graph: click to drawn',
      'graph: longest main-thread task',
      'add: on screen p50 / p95',
      'add: saved on server p50 / p95',
      'add: screen says saved p50 / p95',
    ],
    results.map((r) => [
      claims(r.size),
      ms(r.loadMs),
      ms(r.interactiveMs),
      `${r.heapMb.toFixed(1)} MB`,
      ms(r.layoutMs),
      ms(r.graphReadyMs),
      ms(r.longestTaskMs),
      p50p95(r.shown),
      p50p95(r.trips),
      p50p95(r.saved),
    ]),
  );
  table(
    ['claims', 'seed (AIF import)', ...EXPORT_FORMATS.map((f) => `export ${f}`)],
    results.map((r) => [
      claims(r.size),
      ms(r.seedMs),
      ...EXPORT_FORMATS.map((f) => ms(r.exports[f]!)),
    ]),
  );
}

export function printInProcess(run: InProcessRun) {
  table(
    [
      'claims',
      'boxes',
      'layout: buildGraph + layoutGraph',
      'of which buildGraph',
      'of which layoutGraph',
    ],
    run.layout.map((l) => [
      claims(l.size),
      claims(l.boxes),
      ms(l.totalMs),
      ms(l.buildMs),
      ms(l.layoutMs),
    ]),
  );
  table(
    [
      'claims',
      'Argdown text',
      'Argdown pipeline (parse+model+map+dot+svg)',
      'parse / model / map / dot / svg',
      'Counterpoint import+layout',
      'import / layout',
      'ratio',
    ],
    run.argdown.map((a) => [
      claims(a.size),
      `${(a.bytes / 1e6).toFixed(2)} MB`,
      ms(a.argdownMs),
      Object.values(a.stages)
        .map((s) => String(Math.round(s)))
        .join(' / '),
      ms(a.counterpointMs),
      `${ms(a.importMs)} / ${ms(a.layoutMs)}`,
      Number.isFinite(ratio(a)) ? `${ratio(a).toFixed(1)}×` : '–',
    ]),
  );
  console.log(
    `Argdown: @argdown/node's pipeline for \`argdown map --format svg\`, on the app's own Argdown ` +
      `export of each map, median of 3 after one warm-up (stages in ms, medians each). Graphviz's ` +
      `WebAssembly load on first use (${ms(run.graphvizLoadMs)}) is excluded: it is timed alone ` +
      `first. Counterpoint: the Argdown import (read, check, materialize) then buildGraph + ` +
      `layoutGraph, median of 3 after one warm-up.`,
  );
  for (const a of run.argdown) if (a.note) console.log(`${claims(a.size)} claims: ${a.note}.`);
  if (run.totalMs !== undefined)
    console.log(`In-process part: ${(run.totalMs / 1000).toFixed(0)} s.`);
  console.log();
}

/** One target: its value at each size measured, and whether it is met there. */
function line(label: string, values: { size: number; text: string; met: boolean }[]) {
  const each = values.length
    ? values.map((v) => `${claims(v.size)}: ${v.text} ${v.met ? 'met' : 'not met'}`).join('; ')
    : 'not measured';
  console.log(`- ${label}: ${each}`);
}

export function printTargets(browser: BrowserResult[] | null, run: InProcessRun | null) {
  console.log('Targets (measured value, met or not, at each size):');
  if (browser) {
    const at = (f: (r: BrowserResult) => number, limit: number) =>
      browser.map((r) => ({ size: r.size, text: ms(f(r)), met: f(r) < limit }));
    line(
      'outline interactive < 1 s',
      at((r) => r.interactiveMs, 1000),
    );
    line(
      'add: on screen < 50 ms p95',
      at((r) => quantile(r.shown, 0.95), 50),
    );
    line(
      'add: saved on server < 100 ms p95',
      at((r) => quantile(r.trips, 0.95), 100),
    );
    line(
      'click to graph drawn < 500 ms',
      at((r) => r.graphReadyMs, 500),
    );
    line(
      'longest main-thread task while switching < 100 ms',
      at((r) => r.longestTaskMs, 100),
    );
    line(
      'editor data from the server < 150 ms',
      at((r) => r.loadMs, 150),
    );
  } else console.log('- browser targets: not measured in this run (--only=node)');
  if (run) {
    const layout = run.layout.filter((l) => l.size === 5000);
    line(
      'layout of 5,000 claims < 150 ms',
      layout.map((l) => ({ size: l.size, text: ms(l.totalMs), met: l.totalMs < 150 })),
    );
    const vs = run.argdown.filter((a) => a.size === 1000 || a.size === 5000);
    line(
      'import+layout at least 5× faster than Argdown at 1,000 and 5,000',
      vs.map((a) => ({ size: a.size, text: `${ratio(a).toFixed(1)}×`, met: ratio(a) >= 5 })),
    );
  }
  console.log();
}
