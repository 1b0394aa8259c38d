import type { Page } from '@playwright/test';
import { expect, startMap, test, addTopClaim, claimRow } from '../fixtures';
import { installRenderProbe, takeRenderedRows } from '../fixtures/render-probe';

const row = claimRow;
const idOf = async (page: Page, text: string) =>
  (await row(page, text).getAttribute('data-claim-row'))!;

test('changing one claim re-renders that claim’s row, not the whole outline', async ({ page }) => {
  await installRenderProbe(page);
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'First pro');
  await addTopClaim(page, 0, 'con', 'First con');
  await addTopClaim(page, 1, 'pro', 'Other side pro');
  await addTopClaim(page, 1, 'con', 'Other side con');
  await page.locator('[data-save-status="saved"]').waitFor();
  const [first, con] = [await idOf(page, 'First pro'), await idOf(page, 'First con')];
  await row(page, 'First con').locator('[data-claim-text]').click();
  await expect(row(page, 'First con')).toHaveAttribute('aria-current', 'true');
  await takeRenderedRows(page);

  // Selecting a claim re-renders the row that lost the selection and the one that gained it.
  await row(page, 'First pro').locator('[data-claim-text]').click();
  await expect(row(page, 'First pro')).toHaveAttribute('aria-current', 'true');
  expect(await takeRenderedRows(page)).toEqual([first, con].sort());

  // Editing its text and saving it re-renders that row only, through the save and the server's answer.
  await page.keyboard.press('e');
  await page.getByLabel('Claim text').fill('First pro, reworded');
  await page.keyboard.press('Enter');
  await expect(row(page, 'First pro, reworded')).toBeVisible();
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.waitForTimeout(300);
  expect(await takeRenderedRows(page)).toEqual([first]);

  // Rating it: the same.
  await page.keyboard.press('4');
  await expect(row(page, 'First pro, reworded')).toContainText('Strength 4 of 5');
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.waitForTimeout(300);
  expect(await takeRenderedRows(page)).toEqual([first]);
});
