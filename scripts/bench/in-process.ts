/**
 * The benchmark's in-process part, in plain Node (no browser, no server, no database): for each
 * size, the graph's layout of the synthetic map (buildGraph + layoutGraph, median of 5 after a
 * warm-up) and the Argdown reference column (./argdown.ts). scripts/bench.mjs bundles this file
 * with esbuild and runs it, before the browser part (`--json=<file>` writes the results for
 * run.ts to print with its own), or alone with `npm run bench -- --only=node` (prints them).
 */
import fs from 'node:fs';
import { buildGraph } from '@/lib/domain/graph';
import { layoutGraph } from '@/lib/domain/graph-layout';
import type { DebateView } from '@/lib/domain/views';
import { seededDebate } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { argdownReference, loadGraphviz } from './argdown';
import {
  printInProcess,
  printMachine,
  printTargets,
  type InProcessRun,
  type LayoutResult,
} from './report';
import { median } from './stats';

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg('sizes') ?? '1000,5000,10000').split(',').map(Number);
/** Argdown is not run above this many claims (`--argdown-max=`), to bound the run's time. */
const ARGDOWN_MAX = Number(arg('argdown-max') ?? 10_000);

function layoutOf(debate: DebateView, size: number): LayoutResult {
  const doc = syntheticMap(debate, size);
  const once = () => {
    const t0 = performance.now();
    const graph = buildGraph(doc.debate.theses, doc.claims, doc.links);
    const t1 = performance.now();
    layoutGraph(graph);
    const t2 = performance.now();
    return { buildMs: t1 - t0, layoutMs: t2 - t1, totalMs: t2 - t0, boxes: graph.nodes.length };
  };
  once(); // warm-up
  const runs = Array.from({ length: 5 }, once);
  return {
    size,
    boxes: runs[0]!.boxes,
    buildMs: median(runs.map((r) => r.buildMs)),
    layoutMs: median(runs.map((r) => r.layoutMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
  };
}

async function main() {
  const started = performance.now();
  const debate = seededDebate();
  const graphvizLoadMs = await loadGraphviz();
  const run: InProcessRun = { graphvizLoadMs, argdownMax: ARGDOWN_MAX, layout: [], argdown: [] };
  for (const size of SIZES) {
    process.stdout.write(`  in Node, ${size} claims…`);
    run.layout.push(layoutOf(debate, size));
    run.argdown.push(
      await argdownReference(debate, size, {
        skipArgdown: size > ARGDOWN_MAX ? `Argdown not run above ${ARGDOWN_MAX} claims` : undefined,
      }),
    );
    process.stdout.write(' done\n');
  }
  run.totalMs = performance.now() - started;
  const out = arg('json');
  if (out) {
    fs.writeFileSync(out, JSON.stringify(run));
    return;
  }
  console.log();
  printMachine(false);
  printInProcess(run);
  printTargets(null, run);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
