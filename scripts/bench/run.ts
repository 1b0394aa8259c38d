/**
 * The benchmark's browser part (started by scripts/bench.mjs, which serves a production build on
 * a fresh database and sets the environment). For each map size it seeds a map, then measures:
 *   - server time to load the editor's data (in process, the function the page calls);
 *   - time until the outline is interactive in Chromium (navigation start to a row answering a
 *     click), and the JS heap in use with the outline open (after a garbage collection);
 *   - the graph, 3 s after the editor opened: the page's layout time, the time from clicking
 *     "Graph" until drawn, and the longest main-thread task meanwhile;
 *   - adding a claim through the keyboard (p50/p95 of 50 adds): until its row is on screen, the
 *     server's round trip that writes it to the database, and until the screen says "saved";
 *   - each export over HTTP (median of 3).
 * Then it prints those with the in-process part's results (BENCH_IN_PROCESS, a JSON file written
 * by scripts/bench/in-process.ts) and the targets.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../chromium-path.mjs';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { fromAif } from '@/lib/domain/exchange/from-aif';
import { materialize } from '@/lib/domain/exchange/imported-map';
import { toAif } from '@/lib/domain/exchange/to-aif';
import { db } from '@/lib/server/db';
import { articlesChanged } from '@/lib/server/article-cache';
import { getFeaturedDebate } from '@/lib/server/debates';
import { createMapFromDocument } from '@/lib/server/map-contents';
import { loadMapView } from '@/lib/server/maps';
import { adds, exportsOver, graphLayout, heapMb, outlineInteractive, signUp } from './browser';
import { profiled } from './profile';
import {
  printBrowser,
  printInProcess,
  printMachine,
  printTargets,
  type BrowserResult,
  type InProcessRun,
} from './report';
import { median, timed } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);

async function main() {
  const debate = await getFeaturedDebate(db);
  if (!debate) throw new Error('No debate seeded.');
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names functions with a `__name` helper, which the page does not have for evaluated code.
  await page.addInitScript('window.__name = (f) => f');
  const email = `bench-${Date.now()}@example.org`;
  await signUp(page, email);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });

  const results: BrowserResult[] = [];
  for (const size of SIZES) {
    process.stdout.write(`  in Chromium, ${size} claims…`);
    const doc = syntheticMap(debate, size);
    // Seeded the way an AIF import goes (parse, check every quote, save in one transaction);
    // importMap() itself also loads the Argdown parser, which only runs bundled.
    const text = JSON.stringify(toAif(doc));
    const [{ id: mapId }, seedMs] = await timed(async () => {
      const checked = materialize(fromAif(text), debate, 'AIF', () => crypto.randomUUID());
      return createMapFromDocument(db, {
        userId: user.id,
        debateId: debate.id,
        title: checked.title,
        doc: checked,
      });
    });
    const loads: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Read from the database each time, as a map's first page does: the contents kept per
      // revision (lib/server/map-snapshot.ts) are forgotten with the articles.
      articlesChanged([]);
      const [, t] = await timed(() => loadMapView(db, { userId: user.id }, mapId));
      if (i > 0) loads.push(t); // the first run warms the caches
    }
    const interactive: number[] = [];
    for (let i = 0; i < 3; i++) interactive.push(await outlineInteractive(page, mapId));
    const heap = await heapMb(page);
    const graph = await graphLayout(page);
    const added = await adds(page);
    if (process.env.BENCH_PROFILE && size === SIZES.at(-1))
      await profiled(
        page,
        `10 more adds at ${size} claims`,
        async () => void (await adds(page, 10)),
      );
    const exports = await exportsOver(page, mapId);
    results.push({
      size,
      seedMs,
      loadMs: median(loads),
      interactiveMs: median(interactive),
      heapMb: heap,
      ...graph,
      ...added,
      exports,
    });
    process.stdout.write(' done\n');
  }
  await browser.close();

  const file = process.env.BENCH_IN_PROCESS;
  const inProcess = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as InProcessRun) : null;
  console.log();
  printMachine(true);
  printBrowser(results);
  if (inProcess) printInProcess(inProcess);
  printTargets(results, inProcess);
  await db.$disconnect();
}

main().catch(async (e) => {
  console.error(e);
  await db.$disconnect();
  process.exit(1);
});
