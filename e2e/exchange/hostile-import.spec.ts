import type { Page } from '@playwright/test';
import { expect, newUser, signUp, test } from '../fixtures';

// The worst an import can cost within the limits: a file just under 5 MB with 10,001 long claims,
// which the worker parses in full before it counts one claim too many. Beside it, a 380-byte
// YAML alias bomb (47 s and 1.2 GB when it was read as YAML on the request thread).
const claimText = `${'Sanctions and dialogue have been tried together before, and '.repeat(7)}the talks went nowhere.`;
const worstCase = `[T1]: Track II can open talks\n${Array.from(
  { length: 10_001 },
  (_, i) => `  + [C${i + 1}]: ${claimText}\n`,
).join('')}`;
const aliasBomb = `[T1]: Track II can open talks\n  + [C1]: A claim {${[
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
].join(', ')}}\n`;

/** Signs up in `page` and chooses `text` as the file to import; the import is not sent yet. */
async function prepareImport(page: Page, name: string, text: string) {
  await signUp(page, newUser('Importer'));
  await page.goto('/maps');
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  await page.getByLabel('File').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
}

test('pages load normally while worst-case imports run in other tabs, and each import gets its message', async ({
  browser,
}) => {
  expect(Buffer.byteLength(worstCase)).toBeGreaterThan(4_500_000);
  expect(Buffer.byteLength(worstCase)).toBeLessThan(5_000_000);
  const tabs = await Promise.all([browser.newContext(), browser.newContext()]);
  const [heavy, bomb] = await Promise.all(tabs.map((c) => c.newPage()));
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/'); // a first visit, so the timed ones below measure the server, not the cache

  await prepareImport(heavy!, 'worst-case.argdown', worstCase);
  await prepareImport(bomb!, 'alias-bomb.argdown', aliasBomb);
  await heavy!.getByRole('button', { name: 'Import map' }).click();
  await bomb!.getByRole('button', { name: 'Import map' }).click();
  // The big file takes its worker a few seconds: the pages below load meanwhile.
  await expect(heavy!.getByRole('button', { name: 'Importing…' })).toBeVisible();
  for (const path of ['/', '/sign-in']) {
    const start = Date.now();
    await reader.goto(path);
    await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
    expect(Date.now() - start, `${path} while imports run`).toBeLessThan(2_000);
  }

  await expect(
    heavy!.getByText(/file: it has 10,001 claims; an import can have at most/),
  ).toBeVisible({ timeout: 30_000 });
  await expect(bomb!.getByText(/line 2: its data repeats a list or map/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(heavy!.getByRole('button', { name: 'Import map' })).toBeEnabled();
});

test('a file over 5 MB is refused in the browser, before it is sent', async ({ page }) => {
  await signUp(page, newUser('Importer'));
  await page.goto('/maps');
  await page.getByText('Import a map (Argdown or AIF JSON)').click();
  await page.getByLabel('File').setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(5_100_000, 'x'),
  });
  await expect(page.getByText(/That file is 5.1 MB: an import can be at most 5 MB/)).toBeVisible();
  await expect(page.getByLabel('Or paste it here')).toHaveValue('');
});
