import { expect, startMap, test } from '../fixtures';

test('two tabs edit the same text: neither version is lost, and the later one chooses', async ({
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

  // Tab 2 starts typing; meanwhile tab 1 saves an edit, which reaches tab 2 live.
  await rowIn(second).locator('[data-claim-text]').click();
  await rowIn(second).getByRole('button', { name: 'Edit' }).click();
  await second.getByRole('textbox', { name: 'Claim text' }).fill('Wording from tab two');
  await rowIn(page).locator('[data-claim-text]').click();
  await rowIn(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Claim text' }).fill('Wording from tab one');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  // Tab 2 is told while still typing, and saving anyway does not overwrite tab 1's words
  // silently: the server refuses, and tab 2 sees both versions.
  await expect(second.getByText('Someone else changed this while you were typing')).toBeVisible();
  await second.getByRole('textbox', { name: 'Claim text' }).press('Enter');
  const notice = second.getByRole('alert').filter({ hasText: 'Someone else changed the claim' });
  await expect(notice).toBeVisible();
  await expect(notice.locator('[data-conflict-mine]')).toHaveText('Wording from tab two');
  await expect(notice.locator('[data-conflict-theirs]')).toHaveText('Wording from tab one');
  await expect(rowIn(second)).toContainText('Wording from tab one');

  // Nothing was overwritten.
  await page.reload();
  await expect(rowIn(page)).toContainText('Wording from tab one');

  // Having seen both, tab 2 keeps its own.
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(notice).toBeHidden();
  await expect(rowIn(second)).toContainText('Wording from tab two');
  await expect(second.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(rowIn(page)).toContainText('Wording from tab two');
});

test('two tabs edit different fields of one claim: both land', async ({ page, context }) => {
  const url = await startMap(page);
  await page.getByRole('button', { name: '+ Add pro' }).first().click();
  await page.keyboard.type('Shared claim');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  const second = await context.newPage();
  await second.goto(url);
  const rowIn = (p: typeof page) => p.locator('[data-claim-row]').first();

  await rowIn(page).locator('[data-claim-text]').click();
  await rowIn(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Claim text' }).fill('Text from tab one');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  await rowIn(second).locator('[data-claim-text]').click();
  await rowIn(second).getByRole('button', { name: 'Note' }).click();
  await second.getByRole('textbox', { name: 'Note' }).fill('Note from tab two');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.locator('[data-save-status="saved"]')).toBeVisible();
  await expect(second.getByText(/Someone else changed|Not saved/)).toHaveCount(0);

  await page.reload();
  await expect(rowIn(page)).toContainText('Text from tab one');
  await expect(rowIn(page)).toContainText('Note from tab two');
});

test('undoing a move that someone else moved on since is refused, and their move stays', async ({
  page,
  context,
}) => {
  const url = await startMap(page);
  for (const text of ['First claim', 'Second claim']) {
    await page.getByRole('button', { name: '+ Add pro' }).first().click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  const second = await context.newPage();
  await second.goto(url);
  await second.locator('[data-editor-ready="true"]').waitFor();
  const rowIn = (p: typeof page, text: string) =>
    p.locator('[data-claim-row]').filter({ hasText: text });
  const texts = (p: typeof page) =>
    p.locator('[data-thesis]').first().locator('[data-claim-text]').allTextContents();

  // Tab one moves the first claim down.
  await rowIn(page, 'First claim').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await expect.poll(() => texts(second)).toEqual(['Second claim', 'First claim']);
  // Tab two then indents it under the second claim.
  await rowIn(second, 'First claim').focus();
  await second.keyboard.press('Alt+ArrowRight');
  await expect(second.locator('[data-save-status="saved"]')).toBeVisible();
  // A reply of the second claim now, in tab one too.
  const nested = rowIn(page, 'First claim');
  await expect(nested).toHaveAttribute('aria-level', '2');

  // Tab one's Ctrl+Z is refused with a notice; the claim stays where tab two put it.
  await rowIn(page, 'Second claim').focus();
  await page.keyboard.press('Control+z');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Not undone: Someone else moved this claim since' }),
  ).toBeVisible();
  await page.reload();
  await page.locator('[data-editor-ready="true"]').waitFor();
  await expect(nested).toHaveAttribute('aria-level', '2');
});
