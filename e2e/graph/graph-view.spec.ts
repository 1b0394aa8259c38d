import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshots, startMap, test, addTopClaim } from '../fixtures';

const box = (page: Page, text: string) =>
  page.locator('[data-graph-node]').filter({ hasText: text });
/** Claim text's size on screen: 14 px times the graph's zoom. */
const textPx = async (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const text = document.querySelector<HTMLElement>('[data-graph-text]')!;
    return parseFloat(getComputedStyle(text).fontSize) * zoom;
  });
const ready = (page: Page) =>
  expect(page.locator('[data-graph][data-graph-ready="true"]')).toBeVisible();

test('the graph view shows the map laid out, edits it in sync with the outline, and exports images', async ({
  page,
}) => {
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Kim invited Moon');
  await addTopClaim(page, 0, 'con', 'Sport has limits');
  await addTopClaim(page, 1, 'pro', 'Sanctions block projects');
  const sanctions = page
    .locator('[data-claim-row]')
    .filter({ hasText: 'Sanctions block projects' });
  await sanctions.locator('[data-claim-text]').click();
  await sanctions.getByRole('button', { name: 'More' }).click();
  await sanctions.getByRole('button', { name: 'Link…' }).click();
  await page.getByRole('dialog').getByLabel('attacks').check();
  await page
    .getByRole('dialog')
    .getByLabel(/On the other side/)
    .selectOption({ label: '  + Kim invited Moon' });
  await page.getByRole('dialog').getByRole('button', { name: 'Add link' }).click();
  await page.locator('[data-save-status="saved"]').waitFor();

  await page.getByRole('button', { name: 'Graph' }).click();
  await ready(page);
  await expect(page.locator('[data-graph-node]')).toHaveCount(5);
  await expect(box(page, 'Kim invited Moon')).toContainText(/\+\s*Pro/);
  await expect(box(page, 'Sport has limits')).toContainText(/−\s*Con/);
  // Stance is in words on the boxes; arrows by line: solid supports, dashed attacks, dotted
  // crosses to the other side. No label sits on an arrow (or on a box).
  await expect(page.locator('.graph-edge-pro:not(.graph-edge-cross)')).toHaveCount(2);
  await expect(page.locator('.graph-edge-con:not(.graph-edge-cross)')).toHaveCount(1);
  await expect(page.locator('.graph-edge-con.graph-edge-cross')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge-text')).toHaveCount(0);
  // Readable from the start: claim text at 12 px or more on screen.
  expect(await textPx(page)).toBeGreaterThanOrEqual(12);
  // Theses sit above their replies.
  const thesisY = (await box(page, 'Track II can open talks').boundingBox())!.y;
  expect((await box(page, 'Kim invited Moon').boundingBox())!.y).toBeGreaterThan(thesisY);
  await expectAccessible(page);
  await screenshots(page, 'graph');

  // Add a reply from the graph; it shows in the graph and in the outline.
  await box(page, 'Sport has limits').click();
  const panel = page.getByRole('complementary', { name: 'Selected in the graph' });
  await panel.getByRole('button', { name: '− Add con' }).click();
  await panel.getByLabel('New con reply').fill('The poll favours talks');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(box(page, 'The poll favours talks')).toContainText(/−\s*Rebuttal/);
  await panel.getByRole('button', { name: 'Edit text' }).click();
  await panel.getByLabel('Claim text').fill('The poll favours talks (61.5%)');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(box(page, 'The poll favours talks (61.5%)')).toBeVisible();

  // Collapse and focus.
  await panel.getByLabel('Selected box').selectOption({ label: '+ Kim invited Moon' });
  await panel.getByRole('button', { name: 'Collapse replies' }).click();
  await panel.getByRole('button', { name: 'Expand replies' }).click();
  await panel.getByLabel('Selected box').selectOption({ label: '− Sport has limits' });
  await panel.getByRole('button', { name: 'Collapse replies' }).click();
  await expect(box(page, 'Sport has limits')).toContainText('+1 hidden');
  await expect(box(page, 'The poll favours talks')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Expand replies' }).click();
  await panel.getByRole('button', { name: 'Focus on this claim' }).click();
  // Sport's thesis above it, its reply below, and the other thesis; not its sibling Kim.
  await expect(page.locator('[data-graph-node]')).toHaveCount(4);
  await ready(page);
  expect(await textPx(page)).toBeGreaterThanOrEqual(12);
  await expect(box(page, 'Sport has limits')).toBeInViewport();
  await expect(box(page, 'The poll favours talks')).toBeInViewport();
  await expect(box(page, 'Kim invited Moon')).toHaveCount(0);
  await expect(box(page, 'Sanctions block projects')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the whole map' }).click();
  await expect(box(page, 'Sanctions block projects')).toBeVisible();

  // Images of the whole graph.
  for (const format of ['PNG', 'SVG'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    const bytes = fs.readFileSync(await download.path());
    if (format === 'PNG') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    else expect(bytes.toString()).toContain('<svg');
  }

  // Delete from the graph: asks, since it has a reply; then the outline agrees.
  await panel.getByLabel('Selected box').selectOption({ label: '− Sport has limits' });
  await panel.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this claim?' })
    .getByRole('button', { name: 'Delete 2 claims' })
    .click();
  await expect(box(page, 'Sport has limits')).toHaveCount(0);
  await page.getByRole('button', { name: 'Outline' }).click();
  await expect(page.locator('[data-claim-row]')).toHaveCount(2);
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  await expect(page.locator('[data-claim-row]')).toHaveCount(2);
});
