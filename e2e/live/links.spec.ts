import { addTopClaim, claimRow, expect, newUser, signUp, startMap, test } from '../fixtures';

const LIVE = { timeout: 3000 };

test('a read-only link follows the map live without its notes; revoking an edit link removes its people at once', async ({
  page: owner,
  browser,
}) => {
  await startMap(owner);
  await addTopClaim(owner, 0, 'pro', 'Visible to the link');

  // A read-only link, opened by someone without an account.
  await owner.getByRole('button', { name: 'Share' }).click();
  const share = owner.getByRole('dialog', { name: 'Share' });
  await share.getByRole('button', { name: 'Create link' }).click();
  const viewUrl = await share.locator('#share-url-viewer').inputValue();
  await share.getByRole('button', { name: 'Create edit link' }).click();
  const editUrl = await share.locator('#share-url-editor').inputValue();
  await share.getByRole('button', { name: 'Close' }).click();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(viewUrl);
  await expect(claimRow(reader, 'Visible to the link')).toBeVisible();
  await expect(reader.getByText('Live', { exact: true })).toBeVisible(LIVE);

  // A new claim and a note: the claim arrives, the private note does not.
  await addTopClaim(owner, 1, 'con', 'Added while they read');
  await expect(claimRow(reader, 'Added while they read')).toBeVisible(LIVE);
  const row = claimRow(owner, 'Visible to the link');
  await row.locator('[data-claim-text]').click();
  await row.getByRole('button', { name: 'Note' }).click();
  await owner.getByRole('textbox', { name: 'Note' }).fill('Our private plan');
  await owner.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(owner.locator('[data-save-status="saved"]')).toBeVisible();
  await addTopClaim(owner, 1, 'pro', 'After the note');
  await expect(claimRow(reader, 'After the note')).toBeVisible(LIVE);
  await expect(reader.getByText('Our private plan')).toHaveCount(0);

  // A classmate joins through the edit link; the owner revokes it; their open page says so.
  const mate = await (await browser.newContext()).newPage();
  await signUp(mate, newUser('Mate'), '/maps');
  await mate.goto(editUrl);
  await mate.getByRole('button', { name: /Join as editor/ }).click();
  await mate.waitForURL(/\/maps\/[^/]+$/);
  await expect(mate.getByText('you can edit')).toBeVisible();
  await owner.getByRole('button', { name: 'Share' }).click();
  await share.getByRole('button', { name: 'Revoke edit link' }).click();
  await share.getByRole('button', { name: 'Revoke and remove' }).click();
  await expect(mate.getByRole('heading', { level: 1 })).not.toHaveText(/debate map/i, LIVE);
  await expect(mate.getByText('you can edit')).toHaveCount(0);
});
