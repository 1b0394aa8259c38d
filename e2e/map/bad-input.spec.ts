import { expect, startMap, test } from '../fixtures';

test('bad claim text gets a message beside the field and loses nothing; markup shows as text', async ({
  page,
}) => {
  await startMap(page);
  await page.getByRole('button', { name: '+ Add pro' }).first().click();
  const box = page.getByRole('textbox', { name: /New pro for the thesis/ });

  await box.fill('   ');
  await box.press('Enter');
  await expect(page.getByText('Write the claim first: it cannot be empty.')).toBeVisible();

  const long = 'Too long. '.repeat(101);
  await box.fill(long);
  await box.press('Enter');
  await expect(page.getByText('Keep a claim under 1,000 characters.')).toBeVisible();
  await expect(box).toHaveValue(long);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-claim-row]')).toHaveCount(0);

  const markup = '<img src=x onerror="window.__pwned=1"> <b>bold?</b>';
  await box.fill(markup);
  await box.press('Enter');
  const row = page.locator('[data-claim-row]').first();
  await expect(row.locator('[data-claim-text]')).toHaveText(markup);
  await expect(row.locator('img, b')).toHaveCount(0);
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  await expect(page.locator('[data-claim-text]').first()).toHaveText(markup);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
