import { expect, startMap, test } from '../fixtures';

test('two tabs: the later write of a stale claim is refused and the typed text is kept', async ({
  page,
  context,
}) => {
  const url = await startMap(page);
  await page.getByRole('button', { name: '+ Add pro' }).first().click();
  await page.keyboard.type('Original wording');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  const second = await context.newPage();
  await second.goto(url);
  const rowIn = (p: typeof page) => p.locator('[data-claim-row]').first();

  // Tab 1 saves an edit.
  await rowIn(page).locator('[data-claim-text]').click();
  await rowIn(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Claim text' }).fill('Wording from tab one');
  await page.keyboard.press('Enter');
  await expect(rowIn(page)).toContainText('Wording from tab one');

  // Tab 2 still has the old version: its write is refused, its text stays in the box.
  await rowIn(second).locator('[data-claim-text]').click();
  await rowIn(second).getByRole('button', { name: 'Edit' }).click();
  await second.getByRole('textbox', { name: 'Claim text' }).fill('Wording from tab two');
  await second.keyboard.press('Enter');
  await expect(second.getByText(/changed in another tab or window/).first()).toBeVisible();
  await expect(second.getByRole('textbox', { name: 'Claim text' })).toHaveValue(
    'Wording from tab two',
  );
  await expect(second.getByText('Latest saved version:')).toContainText('Wording from tab one');

  // Nothing was overwritten.
  await page.reload();
  await expect(rowIn(page)).toContainText('Wording from tab one');

  // Having seen the latest version, tab 2 can deliberately save over it.
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(rowIn(second)).toContainText('Wording from tab two');
  await page.reload();
  await expect(rowIn(page)).toContainText('Wording from tab two');
});
