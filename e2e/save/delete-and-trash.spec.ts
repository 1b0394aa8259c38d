import { addTopClaim, claimRow, expect, startMap, test } from '../fixtures';

test('a delete never takes a reply its tab did not see; the Trash restores from any tab', async ({
  page,
  context,
}) => {
  // This tab hears no live changes (as when its stream is down): it cannot know of the reply.
  await page.route('**/api/maps/*/events?**', (route) => route.abort());
  const url = await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Parent claim');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  // Another tab adds a reply the first tab has not seen.
  const other = await context.newPage();
  await other.goto(url);
  await claimRow(other, 'Parent claim').locator('[data-claim-text]').click();
  await claimRow(other, 'Parent claim').getByRole('button', { name: '+ Pro reply' }).click();
  await other.keyboard.type('Reply added in the other tab');
  await other.keyboard.press('Enter');
  await expect(other.locator('[data-save-status="saved"]')).toBeVisible();

  // The first tab deletes the parent it sees without replies: refused, nothing lost, and it
  // now shows the reply.
  await claimRow(page, 'Parent claim').locator('[data-claim-text]').click();
  await page.keyboard.press('Delete');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(banner).toContainText('Someone added a reply to this claim');
  await expect(claimRow(page, 'Parent claim')).toBeVisible();
  await expect(claimRow(page, 'Reply added in the other tab')).toBeVisible();

  // The next change that works clears the message.
  await addTopClaim(page, 1, 'pro', 'Something else');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await expect(banner).toBeHidden();

  // Now it deletes both, knowingly.
  await claimRow(page, 'Parent claim').locator('[data-claim-text]').click();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Delete 2 claims' }).click();
  await expect(claimRow(page, 'Parent claim')).toBeHidden();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  // The other tab finds it in the Trash and restores it where it was.
  await other.reload();
  await other.getByRole('button', { name: 'Trash' }).click();
  const trash = other.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash.getByRole('listitem')).toContainText('Parent claim');
  await expect(trash.getByRole('listitem')).toContainText('2 claims');
  await trash.getByRole('button', { name: 'Restore “Parent claim”' }).click();
  await expect(trash).toContainText('Restored');
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(claimRow(other, 'Reply added in the other tab')).toBeVisible();
  await expect(other.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(claimRow(page, 'Parent claim')).toBeVisible();
  await expect(claimRow(page, 'Reply added in the other tab')).toBeVisible();
});

test('L opens the link dialog, as the toolbar and the shortcuts list say', async ({ page }) => {
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Linked claim');
  await claimRow(page, 'Linked claim').locator('[data-claim-text]').click();
  await page.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('button', { name: 'Link…' })).toHaveAttribute('title', 'L');
  await claimRow(page, 'Linked claim').focus();
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog', { name: 'Link to the other side' })).toBeVisible();
});
