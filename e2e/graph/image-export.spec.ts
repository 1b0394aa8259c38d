import fs from 'node:fs';
import { seededDebate } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { toAif } from '@/lib/domain/exchange/to-aif';
import { expect, screenshots, signUp, newUser, test } from '../fixtures';

test('a graph image holds every box of a 1,000-claim map, readable when zoomed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser(), '/maps');
  const doc = syntheticMap(seededDebate(), 1000, 7);
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  await page.getByLabel('AIF JSON').check();
  await page.getByLabel('Or paste it here').fill(JSON.stringify(toAif(doc)));
  await page.getByRole('button', { name: 'Import map' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await page.locator('[data-editor-ready="true"]').waitFor();

  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await page.locator('[data-graph-ready="true"]').waitFor({ timeout: 60_000 });
  // Only part of the graph is on screen (the canvas draws what is in view).
  const onScreen = await page.locator('.react-flow__node').count();
  expect(onScreen).toBeLessThan(200);
  await screenshots(page, 'graph-1000');

  // The overview shows the whole map by branch; a branch opens in the boxes view, readable.
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const cells = page.locator('[data-graph-overview] button');
  expect(await cells.count()).toBeLessThan(400);
  await screenshots(page, 'graph-overview-1000');
  const branch = page
    .locator(
      '[data-graph-overview] li[style*="top: 72px"] button:not([aria-label*="smaller branch"])',
    )
    .first();
  const name = (await branch.getAttribute('aria-label'))!;
  await branch.click();
  await page.locator('[data-graph-ready="true"]').waitFor();
  await expect(page.getByRole('button', { name: 'Show the whole map' })).toBeVisible();
  const opened = name.replace(/^(Pro|Con): /, '').split('. ')[0]!;
  await expect(
    page
      .locator('[data-graph-node]')
      .filter({ hasText: opened.slice(0, 30) })
      .first(),
  ).toBeInViewport();
  await page.getByRole('button', { name: 'Show the whole map' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  // Every claim and both theses are in the picture, each once.
  const boxes = new Set([...svg.matchAll(/data-box="([^"]+)"/g)].map((m) => m[1]));
  expect(boxes.size).toBe(doc.claims.length + 2);
  // Each with its text at 14 px (vector: readable at any zoom).
  expect(svg).toContain(doc.claims[500]!.text.split(' ').slice(0, 3).join(' '));
  expect(svg).toMatch(/font-size="14"/);
});
