import fs from 'node:fs';
import { seededDebate } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { toAif } from '@/lib/domain/exchange/to-aif';
import { expect, signUp, newUser, test } from '../fixtures';

test('a graph image holds every box of a map larger than the screen', async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newUser(), '/maps');
  const doc = syntheticMap(seededDebate(), 300, 7);
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
  expect(onScreen).toBeLessThan(302);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  // Every claim and both theses are in the picture, each once.
  const boxes = new Set([...svg.matchAll(/data-testid="rf__node-([^"]+)"/g)].map((m) => m[1]));
  expect(boxes.size).toBe(doc.claims.length + 2);
});
