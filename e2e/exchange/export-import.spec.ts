import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import {
  expect,
  expectAccessible,
  screenshots,
  startMap,
  test,
  addTopClaim,
  claimRow,
} from '../fixtures';

const row = claimRow;

async function download(
  page: Page,
  name: string | RegExp,
): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return { file, text: fs.readFileSync(await file.path(), 'utf8') };
}

test('exports every format, prints a brief, and re-imports Argdown and AIF into the same map', async ({
  page,
}) => {
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Kim invited Moon to visit');
  await addTopClaim(page, 0, 'con', 'Sport diplomacy has limits');
  await addTopClaim(page, 1, 'pro', 'Sanctions block projects');
  await row(page, 'Kim invited Moon').locator('[data-claim-text]').click();
  await row(page, 'Kim invited Moon').getByLabel('Strength').selectOption('5');
  await page.locator('[data-save-status="saved"]').waitFor();

  await page.getByRole('button', { name: 'Export & brief' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export and brief' });
  await expect(dialog).toBeVisible();
  const md = await download(page, 'Markdown outline');
  expect(md.file.suggestedFilename()).toBe('my-debate-map.md');
  expect(md.text).toContain('- **Pro** (C1): Kim invited Moon to visit _(strength 5/5)_');
  const argdown = await download(page, 'Argdown');
  expect(argdown.text).toContain('  + [C1]: Kim invited Moon to visit {"strength": 5}');
  expect(argdown.text).toContain('  - [C2]: Sport diplomacy has limits');
  const aif = await download(page, 'AIF JSON');
  expect(JSON.parse(aif.text).nodes.filter((n: { type: string }) => n.type === 'CA')).toHaveLength(
    1,
  );
  const wa = await download(page, /Web Annotations/);
  expect(JSON.parse(wa.text).type).toBe('AnnotationCollection');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: 'PDF' }).first().click(),
  ]);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // The printable brief: strongest first, the objection flagged as a gap.
  await dialog.getByRole('link', { name: 'printable brief' }).first().click();
  await expect(page.getByRole('heading', { name: 'Brief: Track II can open talks' })).toBeVisible();
  await expect(page.locator('[data-objection]')).toContainText('Sport diplomacy has limits');
  await expect(page.locator('[data-objection]')).toContainText('Gap');
  await expect(page.getByText('1 objection has no prepared rebuttal yet')).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await screenshots(page, 'brief');

  // Import the Argdown by pasting it, and the AIF by uploading it: both open as the same map.
  await page.goto('/maps');
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  await page.getByLabel('Or paste it here').fill(argdown.text);
  await page.getByRole('button', { name: 'Import map' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await expect(page.locator('[data-claim-row]')).toHaveCount(3);
  await expect(row(page, 'Kim invited Moon')).toContainText('Strength 5 of 5');

  await page.goto('/maps');
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  await page.getByLabel('File').setInputFiles({
    name: 'map.aif.json',
    mimeType: 'application/json',
    buffer: Buffer.from(aif.text),
  });
  await expect(page.getByLabel('AIF JSON')).toBeChecked();
  await page.getByRole('button', { name: 'Import map' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await expect(page.locator('[data-claim-row]')).toHaveCount(3);
  await expect(row(page, 'Sport diplomacy has limits')).toHaveAttribute('data-stance', 'con');
});

test('a broken import says what and where, keeps the text, and creates nothing', async ({
  page,
}) => {
  await startMap(page);
  await page.goto('/maps');
  const list = page.getByRole('list', { name: 'Your maps' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  const broken = '[T1]: Track II\n  + [C1]: fine\n\n[Loose]: answers nothing\n';
  await page.getByLabel('Or paste it here').fill(broken);
  await page.getByRole('button', { name: 'Import map' }).click();
  await expect(page.getByText(/line 4 \(Loose\): write it under a thesis or claim/)).toBeVisible();
  await expect(page.getByLabel('Or paste it here')).toHaveValue(broken);

  await page.getByLabel('AIF JSON').check();
  await page
    .getByLabel('Or paste it here')
    .fill(
      '{"nodes": [{"nodeID": "1", "text": "x", "type": "I"}], "edges": [{"edgeID": "e1", "fromID": "1", "toID": "404"}]}',
    );
  await page.getByRole('button', { name: 'Import map' }).click();
  await expect(page.getByText(/edge e1: 404 is not a node/)).toBeVisible();
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
});
