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

  // Opened again without an account, the page is a kept one (lib/server/kept-page.ts): every
  // change in it, still no note, and its scripts run under this response's nonce (it goes live).
  const violations: string[] = [];
  reader.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await reader.reload();
  const kept = await reader.reload();
  expect(kept?.headers()['x-page-cache']).toBe('hit');
  await expect(claimRow(reader, 'After the note')).toBeVisible();
  await expect(reader.getByText('Our private plan')).toHaveCount(0);
  await expect(reader.getByText('Live', { exact: true })).toBeVisible(LIVE);
  await expect(reader.getByRole('link', { name: 'Sign in to make a copy' })).toBeVisible();

  // A classmate joins through the edit link; the owner revokes it; their open page says so.
  const mate = await (await browser.newContext()).newPage();
  await signUp(mate, newUser('Mate'), '/maps');
  // Signed in, the same read-only link gives a page of their own, never a kept one; nor does the
  // kept page change for them.
  const theirs = await mate.goto(viewUrl);
  expect(theirs?.headers()['x-page-cache']).toBeUndefined();
  await expect(mate.getByRole('button', { name: 'Make a copy' })).toBeVisible();
  expect((await reader.reload())?.headers()['x-page-cache']).toBe('hit');
  await expect(reader.getByRole('button', { name: 'Make a copy' })).toHaveCount(0);
  await mate.goto(editUrl);
  await mate.getByRole('button', { name: /Join as editor/ }).click();
  await mate.waitForURL(/\/maps\/[^/]+$/);
  await expect(mate.getByText('you can edit')).toBeVisible();
  // The owner's toolbar moves as the classmate's presence arrives: open Share once it holds.
  await expect(async () => {
    if (!(await share.isVisible())) await owner.getByRole('button', { name: /^Share/ }).click();
    await expect(share.getByRole('button', { name: 'Revoke edit link' })).toBeVisible({
      timeout: 1000,
    });
  }).toPass();
  await share.getByRole('button', { name: 'Revoke edit link' }).click();
  await share.getByRole('button', { name: 'Revoke and remove' }).click();
  await expect(mate.getByRole('heading', { level: 1 })).not.toHaveText(/debate map/i, LIVE);
  await expect(mate.getByText('you can edit')).toHaveCount(0);

  // The read-only link revoked: the kept page is not served again.
  await share.getByRole('button', { name: 'Stop sharing (revoke link)' }).click();
  await expect(share.getByRole('button', { name: 'Create link' })).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(claimRow(reader, 'After the note')).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('an invited viewer sees the notes only when the owner chooses so, as with view links', async ({
  page: owner,
  browser,
}) => {
  const mapUrl = await startMap(owner);
  await addTopClaim(owner, 0, 'pro', 'Our public claim');
  const row = claimRow(owner, 'Our public claim');
  await row.locator('[data-claim-text]').click();
  await row.getByRole('button', { name: 'Note' }).click();
  await owner.getByRole('textbox', { name: 'Note' }).fill('Our private plan');
  await owner.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(owner.locator('[data-save-status="saved"]')).toBeVisible();

  const viewer = await (await browser.newContext()).newPage();
  const viewerUser = newUser('Viewer');
  await signUp(viewer, viewerUser, '/maps');

  // Inviting a viewer offers "Include my notes", off by default.
  await owner.getByRole('button', { name: 'Share' }).click();
  const share = owner.getByRole('dialog', { name: 'Share' });
  await share.getByLabel('Email of their account').fill(viewerUser.email);
  await expect(share.getByLabel('Include my notes')).toHaveCount(0);
  await share.locator('#invite-role').selectOption('viewer');
  const notes = share.getByLabel('Include my notes');
  await expect(notes).not.toBeChecked();
  await share.getByRole('button', { name: 'Invite' }).click();
  await expect(share).toContainText(viewerUser.name);

  await viewer.goto(mapUrl);
  await expect(claimRow(viewer, 'Our public claim')).toBeVisible();
  await expect(viewer.getByText('Our private plan')).toHaveCount(0);
  // Their page follows the map live.
  await expect(viewer.getByText('Live', { exact: true })).toBeVisible(LIVE);

  // Invited again with the notes (from the keyboard): their open page shows them.
  await share.getByLabel('Email of their account').fill(viewerUser.email);
  await share.locator('#invite-role').selectOption('viewer');
  await notes.focus();
  await owner.keyboard.press('Space');
  await expect(notes).toBeChecked();
  await share.getByRole('button', { name: 'Invite' }).click();
  // Their open page says so at once, and shows the notes once reloaded.
  const notice = viewer.locator('[data-access-ended]');
  await expect(notice).toContainText('changed what you may see of this map');
  await expect(notice).toBeFocused();
  await notice.getByRole('button', { name: 'Reload the page' }).click();
  await expect(viewer.getByText('Our private plan')).toBeVisible({ timeout: 10_000 });

  // A change made after the page was read, before its live stream opened (held back here), has
  // no message left to carry it: the stream compares what the page was rendered for, and says.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await viewer.route('**/api/maps/*/events?*', async (route) => {
    await held;
    await route.continue();
  });
  await viewer.reload();
  await expect(viewer.getByText('Our private plan')).toBeVisible();
  await share.getByLabel('Email of their account').fill(viewerUser.email);
  await share.locator('#invite-role').selectOption('viewer');
  await notes.setChecked(false);
  await share.getByRole('button', { name: 'Invite' }).click();
  await expect(share.getByLabel('Email of their account')).toHaveValue('');
  release();
  await expect(notice).toContainText('changed what you may see of this map', LIVE);
  await notice.getByRole('button', { name: 'Reload the page' }).click();
  await expect(claimRow(viewer, 'Our public claim')).toBeVisible();
  await expect(viewer.getByText('Our private plan')).toHaveCount(0);
});
