import { expect, expectAccessible, newUser, screenshots, signUp, test } from '../fixtures';

test('my maps: create, open, rename, duplicate and delete with confirmation', async ({ page }) => {
  await signUp(page, newUser('Teacher'));
  await expect(page.getByText('You have no maps yet.')).toBeVisible();

  // An empty title is refused next to the field.
  await page.getByLabel('New map').fill('   ');
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByText('Give the map a title.')).toBeVisible();

  await page.getByLabel('New map').fill('Team A: opening case');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team A: opening case');
  await page.getByRole('button', { name: '+ Add pro' }).first().click();
  await page.keyboard.type('Kim has to start somewhere');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  await page.getByRole('link', { name: 'My maps' }).click();
  const list = page.getByRole('list', { name: 'Your maps' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('1 claim');

  // Rename, including a refused empty title that keeps the old one.
  await list.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Map title').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Give the map a title.')).toBeVisible();
  await page.getByLabel('Map title').fill('Team A: final case');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(list.getByRole('link', { name: 'Team A: final case' })).toBeVisible();

  await list.getByRole('button', { name: 'Duplicate' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('link', { name: 'Copy of Team A: final case' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'my-maps');

  // Delete asks first; "Keep it" keeps it.
  const copy = list.getByRole('listitem').filter({ hasText: 'Copy of Team A' });
  await copy.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this map?' });
  await expect(dialog).toContainText('1 claim will be deleted for good');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await copy.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete map' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('Copy of');

  // The original keeps its claim; the copy was independent.
  await list.getByRole('link', { name: 'Team A: final case' }).click();
  await expect(page.locator('[data-claim-row]')).toHaveText([/Kim has to start somewhere/]);
});

test("another user's map is not found, not shown", async ({ page, browser }) => {
  await signUp(page, newUser('Owner'), '/');
  await page.getByRole('button', { name: 'Start a new map' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  const url = page.url();
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger, newUser('Stranger'));
  await stranger.goto(url);
  await expect(stranger.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
