import {
  addTopClaim,
  claimRow,
  expect,
  expectAccessible,
  newUser,
  screenshots,
  signUp,
  startMap,
  test,
} from '../fixtures';

/** "Within a second" on a quiet machine; CI machines get some slack. */
const LIVE = { timeout: 3000 };
const CLAIM = 'Talks lower the risk of war';
const SUGGESTED = 'Past summits produced no lasting deal';

test('a viewer suggests a con; the owner accepts it, and it is the viewer’s claim in the map', async ({
  page: owner,
  browser,
}) => {
  const mapUrl = await startMap(owner, newUser('Owner'));
  await addTopClaim(owner, 0, 'pro', CLAIM);

  // The owner invites a classmate to view the map.
  const viewer = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  const viewerUser = newUser('Viewer');
  await signUp(viewer, viewerUser, '/maps');
  await owner.getByRole('button', { name: 'Share' }).click();
  const share = owner.getByRole('dialog', { name: 'Share' });
  await share.getByLabel('Email of their account').fill(viewerUser.email);
  await share.locator('#invite-role').selectOption('viewer');
  await share.getByRole('button', { name: 'Invite' }).click();
  await expect(share).toContainText(viewerUser.name);
  await share.getByRole('button', { name: 'Close' }).click();

  // The viewer cannot edit, but the selected claim offers a suggestion.
  await viewer.goto(mapUrl);
  await viewer.locator('[data-editor-ready="true"]').waitFor();
  await claimRow(viewer, CLAIM).locator('[data-claim-text]').click();
  await viewer.getByRole('button', { name: 'Suggest a reply…' }).click();
  const composer = viewer.locator('form[data-suggesting]');
  await expect(composer).toContainText(`Suggest a reply to “${CLAIM}”`);
  await viewer.keyboard.type(SUGGESTED);
  await composer.getByLabel('Con (objects)').check();
  await expectAccessible(viewer);
  await screenshots(viewer, 'suggest-composer');
  await composer.getByRole('button', { name: 'Send suggestion' }).click();
  const sent = viewer.locator('[data-suggestion-sent]');
  await expect(sent).toContainText('Suggestion sent');
  await expect(sent.getByRole('button', { name: 'Done' })).toBeFocused();
  await sent.getByRole('button', { name: 'Done' }).click();
  // Not in the map: only in the viewer's own list.
  await expect(claimRow(viewer, SUGGESTED)).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Your suggestions (1)' })).toBeVisible();

  // The owner hears of it live, and accepts it.
  await owner.getByRole('button', { name: 'Suggestions (1)' }).click(LIVE);
  const list = owner.getByRole('dialog', { name: 'Suggestions' });
  const item = list.locator('[data-suggestion]').filter({ hasText: SUGGESTED });
  await expect(item).toContainText(`Reply to “${CLAIM}”`);
  await expect(item).toContainText(`Suggested by ${viewerUser.name}`);
  await expectAccessible(owner);
  await screenshots(owner, 'suggestions-list');
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(list.getByRole('heading', { name: 'Waiting for you (0)' })).toBeFocused();
  await list.getByRole('button', { name: 'Close' }).click();
  const added = claimRow(owner, SUGGESTED);
  await expect(added).toHaveAttribute('data-stance', 'con');
  await expect(owner.locator('[data-save-status="saved"]')).toBeVisible();
  await expect(owner.getByRole('button', { name: 'Suggestions (0)' })).toBeVisible();

  // The viewer sees it in the map, and in their list as accepted.
  await expect(claimRow(viewer, SUGGESTED)).toBeVisible(LIVE);
  await viewer.getByRole('button', { name: 'Your suggestions (1)' }).click();
  const mine = viewer.getByRole('dialog', { name: 'Your suggestions' });
  await expect(mine.locator('[data-outcome="accepted"]')).toContainText('Accepted');
  await screenshots(viewer, 'your-suggestions');
  await mine.getByRole('button', { name: 'Show it in the map' }).click();
  await expect(claimRow(viewer, SUGGESTED)).toBeFocused();
});
