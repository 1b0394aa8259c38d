// The benchmark's browser steps, in Chromium through Playwright (run by scripts/bench/run.ts).
import type { Page, Request } from '@playwright/test';
import { EXPORT_FORMATS } from './report';
import { median, timed } from './stats';

const BASE = process.env.BENCH_URL!;
const ADDS = 50;

export async function signUp(page: Page, email: string) {
  await page.goto(`${BASE}/sign-up?next=/maps`);
  await page.getByLabel('Your name').fill('Bench Student');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));
}

/** Navigation start to the first claim row answering a click (React has hydrated it). */
export async function outlineInteractive(page: Page, mapId: string): Promise<number> {
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

/** JS heap in use (MB) after a full garbage collection, through the DevTools protocol. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1e6;
}

/**
 * From the outline, 3 s after it opened: the click on "Graph" until the graph says it is drawn
 * ([data-graph-ready="true"]), the page's own layout time (data-layout-ms), and the longest
 * main-thread task from the outline's wait to drawn (what "freezing" would look like).
 */
export async function graphLayout(page: Page) {
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
export async function adds(page: Page, count = ADDS) {
  const shown: number[] = [];
  const saved: number[] = [];
  const trips: number[] = [];
  const onFinished = (r: Request) => {
    if (r.method() === 'POST') trips.push(r.timing().responseEnd);
  };
  page.on('requestfinished', onFinished);
  await page.locator('[data-claim-row] [data-claim-text]').first().click();
  for (let i = 0; i < count; i++) {
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

export async function exportsOver(page: Page, mapId: string) {
  const out: Record<string, number> = {};
  for (const format of EXPORT_FORMATS) {
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
