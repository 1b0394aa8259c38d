import type { Browser, Page } from '@playwright/test';
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
  type TestUser,
} from '../fixtures';

/** "Within a second" on a quiet machine; CI machines get some slack. */
const LIVE = { timeout: 3000 };

async function person(browser: Browser, name: string): Promise<{ page: Page; user: TestUser }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const user = newUser(name);
  await signUp(page, user, '/maps');
  return { page, user };
}

const ready = (page: Page) => page.locator('[data-editor-ready="true"]').waitFor();

test('three people build one map live: roles, comments, same-field edits, History and undo', async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(120_000);
  const mapUrl = await startMap(owner, newUser('Owner'));
  await addTopClaim(owner, 0, 'pro', 'Sanctions failed before');
  const editor = await person(browser, 'Editor');
  const commenter = await person(browser, 'Commenter');

  // The owner invites one classmate by email as an editor, and makes a comment link.
  await owner.getByRole('button', { name: 'Share' }).click();
  const share = owner.getByRole('dialog', { name: 'Share' });
  await share.getByLabel('Email of their account').fill(editor.user.email);
  await share.getByLabel('Role').selectOption('editor');
  await share.getByRole('button', { name: 'Invite' }).click();
  await expect(share).toContainText(editor.user.name);
  await share.getByRole('button', { name: 'Create comment link' }).click();
  const commentLink = await share.locator('#share-url-commenter').inputValue();
  await expectAccessible(owner);
  await screenshots(owner, 'share-people');
  await share.getByRole('button', { name: 'Close' }).click();

  // The second classmate joins through the link; both open the map.
  await commenter.page.goto(commentLink);
  await commenter.page.getByRole('button', { name: /Join as commenter/ }).click();
  await commenter.page.waitForURL(/\/maps\/[^/]+$/);
  await ready(commenter.page);
  await editor.page.goto(mapUrl);
  await ready(editor.page);
  await expect(editor.page.getByText('you can edit')).toBeVisible();
  await expect(commenter.page.getByText('you can comment')).toBeVisible();
  // Each sees who else is here.
  await expect(owner.getByTestId('presence')).toContainText(editor.user.name, LIVE);

  // An edit by one shows up in the others without a reload.
  await addTopClaim(editor.page, 0, 'con', 'Talks need a thaw first');
  await expect(claimRow(owner, 'Talks need a thaw first')).toBeVisible(LIVE);
  await expect(claimRow(commenter.page, 'Talks need a thaw first')).toBeVisible(LIVE);

  // The commenter cannot change a claim, but starts a thread that appears for the others.
  await expect(commenter.page.getByRole('button', { name: '+ Add pro' })).toHaveCount(0);
  await claimRow(commenter.page, 'Sanctions failed before').locator('[data-claim-text]').click();
  await commenter.page.keyboard.press('o');
  const panel = commenter.page.getByRole('dialog', { name: 'Comments' });
  await panel.getByLabel('New comment').fill('Which sanctions? Cite the article.');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panel).toContainText('Which sanctions? Cite the article.');
  await expectAccessible(commenter.page);
  await screenshots(commenter.page, 'comments-panel');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(claimRow(owner, 'Sanctions failed before')).toContainText('1', LIVE);
  await claimRow(owner, 'Sanctions failed before').locator('[data-claim-text]').click();
  await owner.keyboard.press('o');
  await expect(owner.getByRole('dialog', { name: 'Comments' })).toContainText(
    'Which sanctions? Cite the article.',
  );
  await owner
    .getByRole('dialog', { name: 'Comments' })
    .getByRole('button', { name: 'Resolve thread' })
    .click();
  await owner
    .getByRole('dialog', { name: 'Comments' })
    .getByRole('button', { name: 'Close' })
    .click();

  // Two people edit the same claim's text at once: neither loses their words.
  const row = (p: Page) => claimRow(p, 'Sanctions failed before');
  await row(owner).locator('[data-claim-text]').click();
  await row(owner).getByRole('button', { name: 'Edit' }).click();
  await owner.getByRole('textbox', { name: 'Claim text' }).fill('Sanctions failed in 2017 (owner)');
  await row(editor.page).locator('[data-claim-text]').click();
  await row(editor.page).getByRole('button', { name: 'Edit' }).click();
  await editor.page
    .getByRole('textbox', { name: 'Claim text' })
    .fill('Sanctions failed before, says Kim (editor)');
  await editor.page.keyboard.press('Enter');
  await expect(owner.getByText('Someone else changed this while you were typing')).toBeVisible(
    LIVE,
  );
  await expect(owner.getByText('Sanctions failed before, says Kim (editor)')).toBeVisible();
  await owner.getByRole('textbox', { name: 'Claim text' }).press('Enter');
  const notice = owner
    .getByRole('alert')
    .filter({ hasText: /changed the claim .* while you were editing it/ });
  // It says who (the editor is here, so the page knows their name) and which claim.
  await expect(notice).toContainText(
    `${editor.user.name} changed the claim “Sanctions failed before, says Kim (editor)”`,
  );
  await expect(notice.locator('[data-conflict-mine]')).toHaveText(
    'Sanctions failed in 2017 (owner)',
  );
  await expect(notice.locator('[data-conflict-theirs]')).toHaveText(
    'Sanctions failed before, says Kim (editor)',
  );
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(claimRow(editor.page, 'Sanctions failed in 2017 (owner)')).toBeVisible(LIVE);

  // The editor answers the objection, then deletes it with its reply; the owner restores it from
  // History.
  const objection = claimRow(editor.page, 'Talks need a thaw first');
  await objection.locator('[data-claim-text]').click();
  await objection.getByRole('button', { name: '− Con reply' }).click();
  await editor.page.keyboard.type('The thaw is the Olympics');
  await editor.page.keyboard.press('Enter');
  await expect(claimRow(owner, 'The thaw is the Olympics')).toBeVisible(LIVE);
  await objection.locator('[data-claim-text]').click();
  await editor.page.keyboard.press('Delete');
  await editor.page.getByRole('button', { name: 'Delete 2 claims' }).click();
  await expect(claimRow(owner, 'Talks need a thaw first')).toBeHidden(LIVE);

  await owner.getByRole('button', { name: 'History' }).click();
  const history = owner.getByRole('dialog', { name: 'History' });
  // The point just before the delete: the reply being added.
  await history
    .getByRole('button', { name: /Show the \d+ changes/ })
    .first()
    .click();
  await history
    .locator('[data-history-item]')
    .filter({ hasText: /Added.*The thaw is the Olympics/ })
    .click();
  await history
    .locator('section[aria-label$="as it was"]')
    .getByRole('button', { name: /Talks need a thaw first/ })
    .click();
  await history.getByRole('button', { name: 'Restore this claim and its replies' }).click();
  await expect(claimRow(editor.page, 'The thaw is the Olympics')).toBeVisible(LIVE);
  // Comment events are there too, by who made them, on which claim.
  await expect(
    history
      .locator('[data-history-group]')
      .filter({ hasText: 'Commented on “Sanctions failed in 2017 (owner)”' }),
  ).toContainText(`${commenter.user.name}`);
  await expect(
    history
      .locator('[data-history-group]')
      .filter({ hasText: /Resolved a thread on “Sanctions failed in 2017/ }),
  ).toContainText('Owner');
  await expectAccessible(owner);
  await screenshots(owner, 'history');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(claimRow(owner, 'Talks need a thaw first')).toBeVisible();

  // Undo and redo take back only the person's own change, for everyone.
  await addTopClaim(editor.page, 1, 'pro', 'Undo me');
  await expect(claimRow(owner, 'Undo me')).toBeVisible(LIVE);
  await editor.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(claimRow(owner, 'Undo me')).toBeHidden(LIVE);
  await expect(claimRow(editor.page, 'Talks need a thaw first')).toBeVisible();
  await editor.page.keyboard.press('Control+Shift+Z');
  await expect(claimRow(owner, 'Undo me')).toBeVisible(LIVE);

  // What everyone saw is what was saved.
  await commenter.page.reload();
  for (const text of ['Sanctions failed in 2017 (owner)', 'The thaw is the Olympics', 'Undo me'])
    await expect(claimRow(commenter.page, text)).toBeVisible();
});
