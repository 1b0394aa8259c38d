/**
 * The benchmark proper (started by scripts/bench.mjs, which serves a production build on a fresh
 * database and sets the environment). For each map size it seeds a map, then measures:
 *   - server time to load the editor's data (in process, the function the page calls);
 *   - time until the outline is interactive in Chromium (navigation start to a row answering a
 *     click);
 *   - graph layout, 3 s after the editor opened: ELK's time in the worker, the time from clicking
 *     "Graph" until laid out, and the longest main-thread task meanwhile (what "freezing" would
 *     look like);
 *   - adding a claim through the keyboard (p50/p95 of 50 adds): until its row is on screen, the
 *     server's round trip that writes it to the database, and until the screen says "saved";
 *   - each export over HTTP (median of 3).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { chromium, type Page, type Request } from '@playwright/test';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { fromAif } from '@/lib/domain/exchange/from-aif';
import { materialize } from '@/lib/domain/exchange/imported-map';
import { toAif } from '@/lib/domain/exchange/to-aif';
import { db } from '@/lib/server/db';
import { getFeaturedDebate } from '@/lib/server/debates';
import { createMapFromDocument } from '@/lib/server/map-contents';
import { loadMapView } from '@/lib/server/maps';

const BASE = process.env.BENCH_URL!;
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const ADDS = 50;
const FORMATS = ['markdown', 'argdown', 'aif', 'annotations', 'brief-pdf'] as const;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${Math.round(x)} ms`;
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

interface Result {
  size: number;
  importMs: number;
  loadMs: number;
  interactiveMs: number;
  layoutMs: number;
  graphReadyMs: number;
  longestTaskMs: number;
  shown: number[];
  saved: number[];
  trips: number[];
  exports: Record<string, number>;
}

async function signUp(page: Page, email: string) {
  await page.goto(`${BASE}/sign-up?next=/maps`);
  await page.getByLabel('Your name').fill('Bench Student');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));
}

/** Navigation start to the first claim row answering a click (React has hydrated it). */
async function outlineInteractive(page: Page, mapId: string): Promise<number> {
  await page.goto(`${BASE}/maps/${mapId}`, { waitUntil: 'commit' });
  await page.waitForSelector('[data-claim-row]', { state: 'attached', timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const row = document.querySelector<HTMLElement>('[data-claim-row]')!;
        const poll = () => {
          if (row.getAttribute('aria-current') === 'true') return resolve(performance.now());
          row.click();
          setTimeout(poll, 5);
        };
        poll();
      }),
  );
}

async function graphLayout(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  // A student reads the outline before switching; meanwhile the editor lays the graph out in the
  // background (1.5 s after the last change, when the browser is idle).
  await page.waitForTimeout(3000);
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await page.waitForSelector('[data-graph-ready="true"]', { timeout: 120_000 });
  const ready = await page.evaluate(() => performance.now());
  const layoutMs = Number(await page.locator('[data-layout-ms]').getAttribute('data-layout-ms'));
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await page.getByRole('button', { name: 'Outline', exact: true }).click();
  await page.waitForSelector('[data-claim-row]');
  return { layoutMs, graphReadyMs: ready - start, longestTaskMs: longest };
}

/** Adds claims as a student does (S, type, Enter) and times each until shown and until saved. */
async function adds(page: Page) {
  const shown: number[] = [];
  const saved: number[] = [];
  const trips: number[] = [];
  const onFinished = (r: Request) => {
    if (r.method() === 'POST') trips.push(r.timing().responseEnd);
  };
  page.on('requestfinished', onFinished);
  await page.locator('[data-claim-row] [data-claim-text]').first().click();
  for (let i = 0; i < ADDS; i++) {
    const text = `Benchmark claim number ${i + 1}`;
    await page.keyboard.press('s');
    await page.keyboard.type(text);
    await page.evaluate((text) => {
      const w = window as unknown as { __add: Promise<[number, number]> };
      w.__add = new Promise((resolve) => {
        let t0 = 0;
        let tShown = 0;
        const status = document.querySelector('[data-save-status]')!;
        const finish = () => {
          if (tShown && status.getAttribute('data-save-status') === 'saved') {
            observer.disconnect();
            resolve([tShown - t0, performance.now() - t0]);
          }
        };
        document.addEventListener(
          'keydown',
          (e) => {
            if (e.key === 'Enter') t0 = performance.now();
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (
                !tShown &&
                n instanceof HTMLElement &&
                n.querySelector('[data-claim-text]')?.textContent === text
              )
                tShown = performance.now();
            }
          }
          finish();
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-save-status'],
        });
      });
    }, text);
    await page.keyboard.press('Enter');
    const [s, v] = await page.evaluate(
      () => (window as unknown as { __add: Promise<[number, number]> }).__add,
    );
    shown.push(s);
    saved.push(v);
  }
  page.off('requestfinished', onFinished);
  return { shown, saved, trips };
}

async function exportsOver(page: Page, mapId: string) {
  const out: Record<string, number> = {};
  for (const format of FORMATS) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [res, t] = await timed(() =>
        page.request.get(`${BASE}/maps/${mapId}/export/${format}?side=1`),
      );
      if (!res.ok()) throw new Error(`${format} export failed: ${res.status()}`);
      await res.body();
      times.push(t);
    }
    out[format] = median(times);
  }
  return out;
}

async function main() {
  const debate = await getFeaturedDebate(db);
  if (!debate) throw new Error('No debate seeded.');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names functions with a `__name` helper, which the page does not have for evaluated code.
  await page.addInitScript('window.__name = (f) => f');
  const email = `bench-${Date.now()}@example.org`;
  await signUp(page, email);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });

  const results: Result[] = [];
  for (const size of SIZES) {
    process.stdout.write(`  ${size} claims…`);
    const doc = syntheticMap(debate, size);
    // Seeded the way an AIF import goes (parse, check every quote, save in one transaction);
    // importMap() itself also loads the Argdown parser, which only runs bundled.
    const text = JSON.stringify(toAif(doc));
    const [{ id: mapId }, importMs] = await timed(async () => {
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
      const [, t] = await timed(() => loadMapView(db, { userId: user.id }, mapId));
      if (i > 0) loads.push(t); // the first run warms the caches
    }
    const interactive: number[] = [];
    for (let i = 0; i < 3; i++) interactive.push(await outlineInteractive(page, mapId));
    const graph = await graphLayout(page);
    const added = await adds(page);
    const exports = await exportsOver(page, mapId);
    results.push({
      size,
      importMs,
      loadMs: median(loads),
      interactiveMs: median(interactive),
      ...graph,
      ...added,
      exports,
    });
    process.stdout.write(' done\n');
  }
  await browser.close();

  const cpu = os.cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node ${process.version}, Chromium headless\n`,
  );
  const table = (head: string[], rows: string[][]) => {
    console.log(`| ${head.join(' | ')} |`);
    console.log(`|${head.map(() => ' ---: ').join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log();
  };
  table(
    [
      'claims',
      'load editor data (server)',
      'outline interactive',
      'graph: ELK layout (worker)',
      'graph: click to laid out',
      'graph: longest main-thread task',
      'add: on screen p50 / p95',
      'add: saved on server p50 / p95',
      'add: screen says saved p50 / p95',
    ],
    results.map((r) => [
      r.size.toLocaleString('en'),
      ms(r.loadMs),
      ms(r.interactiveMs),
      ms(r.layoutMs),
      ms(r.graphReadyMs),
      ms(r.longestTaskMs),
      `${ms(median(r.shown))} / ${ms(quantile(r.shown, 0.95))}`,
      `${ms(median(r.trips))} / ${ms(quantile(r.trips, 0.95))}`,
      `${ms(median(r.saved))} / ${ms(quantile(r.saved, 0.95))}`,
    ]),
  );
  table(
    ['claims', 'import (AIF)', ...FORMATS.map((f) => `export ${f}`)],
    results.map((r) => [
      r.size.toLocaleString('en'),
      ms(r.importMs),
      ...FORMATS.map((f) => ms(r.exports[f]!)),
    ]),
  );
  await db.$disconnect();
}

main().catch(async (e) => {
  console.error(e);
  await db.$disconnect();
  process.exit(1);
});
