import type { Page } from '@playwright/test';
import {
  expect,
  expectAccessible,
  newUser,
  screenshots,
  selectInArticle,
  signUp,
  startMap,
  test,
} from '../fixtures';

const side = (page: Page, label: string) =>
  page.locator('[data-thesis]').filter({ has: page.getByRole('heading', { name: label }) });
const row = (page: Page, text: string) =>
  page
    .locator('[data-claim-row]')
    .filter({ has: page.locator('[data-claim-text]', { hasText: text }) });
/** Selects a claim by clicking its text (the middle of a selected row holds its toolbar). */
const select = (page: Page, text: string) => row(page, text).locator('[data-claim-text]').click();

async function addTopLevel(page: Page, thesis: string, stance: 'pro' | 'con', text: string) {
  await side(page, thesis)
    .getByRole('button', { name: stance === 'pro' ? '+ Add pro' : '− Add con' })
    .click();
  await page.getByRole('textbox', { name: new RegExp(`New ${stance} for the thesis`) }).fill(text);
  await page.getByRole('button', { name: 'Add claim' }).click();
  await expect(row(page, text)).toBeVisible();
}

async function reply(page: Page, parent: string, stance: 'pro' | 'con', text: string) {
  await select(page, parent);
  await row(page, parent)
    .getByRole('button', { name: stance === 'pro' ? '+ Pro reply' : '− Con reply' })
    .click();
  await page.getByRole('textbox', { name: new RegExp(`New ${stance} reply to`) }).fill(text);
  await page.keyboard.press('Enter');
  await expect(row(page, text)).toBeVisible();
}

async function waitSaved(page: Page) {
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
}

test('a student builds, anchors, saves and shares a map; others read and copy it', async ({
  page,
  browser,
}) => {
  const mapUrl = await startMap(page, newUser('Student'));

  // Pros and cons under both theses, and a rebuttal nested under an objection.
  await addTopLevel(page, 'Track II can open talks', 'pro', 'Kim invited Moon to visit the North');
  await addTopLevel(page, 'Track II can open talks', 'con', 'Sport diplomacy has limits');
  await reply(page, 'Sport diplomacy has limits', 'con', 'The poll shows public support for talks');
  await addTopLevel(
    page,
    'Dual-track will fail',
    'pro',
    'Sanctions block the economic projects the North wants',
  );
  await addTopLevel(
    page,
    'Dual-track will fail',
    'con',
    'Dialogue and pressure worked together before',
  );

  // The rebuttal is labelled as one, and the counts follow: a rebuttal argues for the thesis,
  // and the objection it answers is no longer a gap.
  await expect(row(page, 'The poll shows public support').getByText('Rebuttal')).toBeVisible();
  const counts = (label: string) =>
    side(page, label).getByRole('list', { name: 'Counts for this thesis' });
  await expect(counts('Track II can open talks')).toHaveText(
    /2 pros.*1 con(?!s).*0 objections without rebuttal/,
  );
  await expect(counts('Dual-track will fail')).toHaveText(
    /1 pro(?!s).*1 con(?!s).*1 objection without rebuttal/,
  );

  // Anchor a quote from The Conversation by selecting it in the article.
  await select(page, 'Kim invited Moon');
  await selectInArticle(
    page,
    /How informal diplomacy/,
    'Kim Jong-un might just have opened a path to real negotiations',
  );
  const bar = page.getByRole('region', { name: 'Quote the selected passage' });
  await expect(bar).toContainText('Attach as evidence for');
  await bar.getByRole('button', { name: 'Attach quote' }).click();
  await expect(
    row(page, 'Kim invited Moon').locator('[data-quote]', {
      hasText: /might just have opened a path/,
    }),
  ).toBeVisible();

  // Anchor a quote from The Globe Post with the quote dialog; a made-up quote is refused first.
  await select(page, 'Sanctions block');
  await row(page, 'Sanctions block').getByRole('button', { name: 'Quote…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a quote as evidence' });
  await dialog.getByLabel(/The Globe Post/).check();
  await dialog.getByLabel(/Passage/).fill('Sanctions have already failed completely');
  await dialog.getByRole('button', { name: 'Attach quote' }).click();
  await expect(
    dialog.getByText(/That passage is not in “North Korea’s Olympic Charm Offensive”/),
  ).toBeVisible();
  await expect(dialog.getByLabel(/Passage/)).toHaveValue(
    'Sanctions have already failed completely',
  );
  // Straight quotes and line breaks still match the article's curly quotes.
  await dialog
    .getByLabel(/Passage/)
    .fill('the "dual track" approach - dialogue with\nsanctions - will fail');
  await dialog.getByRole('button', { name: 'Attach quote' }).click();
  await expect(dialog).toBeHidden();
  const quote = row(page, 'Sanctions block').locator('[data-quote]', { hasText: /dual track/ });
  await expect(quote).toContainText('“dual track” approach – dialogue with sanctions – will fail');

  // Clicking a quote shows its passage highlighted in the article.
  await quote.click();
  const highlight = page
    .getByRole('article', { name: /Olympic Charm Offensive/ })
    .locator('mark.quote-highlight');
  await expect(highlight).toHaveText(
    'the “dual track” approach – dialogue with sanctions – will fail',
  );
  await expect(highlight).toBeInViewport();

  // Rate a claim and write a note.
  await select(page, 'Kim invited Moon');
  await row(page, 'Kim invited Moon').getByLabel('Strength').selectOption('4');
  await row(page, 'Kim invited Moon').getByRole('button', { name: 'Note' }).click();
  await page
    .getByRole('textbox', { name: 'Note' })
    .fill('The other side will say an invitation is not a summit.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row(page, 'Kim invited Moon')).toContainText(
    'Note: The other side will say an invitation is not a summit.',
  );
  await waitSaved(page);

  // A cross-link: a Globe Post claim attacks a Conversation claim; both ends show it.
  await select(page, 'Dialogue and pressure');
  await row(page, 'Dialogue and pressure').getByRole('button', { name: 'More' }).click();
  await row(page, 'Dialogue and pressure').getByRole('button', { name: 'Link…' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Link to the other side' });
  await linkDialog.getByLabel('attacks').check();
  await linkDialog
    .getByLabel(/On the other side/)
    .selectOption({ label: '  − Sport diplomacy has limits' });
  await linkDialog.getByRole('button', { name: 'Add link' }).click();
  await expect(row(page, 'Dialogue and pressure').locator('[data-link]')).toContainText('Attacks');
  await expect(row(page, 'Sport diplomacy has limits')).toContainText('Attacked by');
  await waitSaved(page);

  // Reload: everything is still there.
  await page.reload();
  await expect(row(page, 'Kim invited Moon')).toContainText('Strength 4 of 5');
  await expect(row(page, 'Kim invited Moon')).toContainText('invitation is not a summit');
  await expect(
    row(page, 'Kim invited Moon').locator('[data-quote]', {
      hasText: /might just have opened a path/,
    }),
  ).toBeVisible();
  await expect(
    row(page, 'Sanctions block').locator('[data-quote]', { hasText: /dual track/ }),
  ).toBeVisible();
  await expect(row(page, 'The poll shows public support').getByText('Rebuttal')).toBeVisible();
  await expect(row(page, 'Sport diplomacy has limits')).toContainText('Attacked by');
  await expect(page.locator('[data-claim-row]')).toHaveCount(5);
  await expectAccessible(page);
  await select(page, 'Kim invited Moon');
  await screenshots(page, 'editor');

  // Share the map.
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Create link' }).click();
  const shareUrl = await page.getByLabel('Read-only link').inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);
  await page.getByRole('button', { name: 'Done' }).click();

  // A signed-out reader opens the link: everything readable, nothing editable.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(shareUrl);
  await expect(readerPage.getByText(/read-only/)).toBeVisible();
  await expect(row(readerPage, 'Kim invited Moon')).toBeVisible();
  // The link shows neither the student's notes nor their name unless they chose so.
  await expect(readerPage.getByText('an invitation is not a summit')).toHaveCount(0);
  expect(await readerPage.content()).not.toContain('an invitation is not a summit');
  await expect(readerPage.getByText(/Shared map · read-only/)).toBeVisible();
  await expect(readerPage.locator('[data-claim-row]')).toHaveCount(5);
  await expect(readerPage.getByRole('button', { name: /Add pro|Add con|Share/ })).toHaveCount(0);
  await select(readerPage, 'Kim invited Moon');
  await expect(readerPage.getByRole('toolbar', { name: 'Claim actions' })).toHaveCount(0);
  await row(readerPage, 'Kim invited Moon').press('Delete');
  await expect(readerPage.locator('[data-claim-row]')).toHaveCount(5);
  await row(readerPage, 'Sanctions block')
    .locator('[data-quote]', { hasText: /dual track/ })
    .click();
  await expect(readerPage.locator('mark.quote-highlight')).toBeInViewport();
  await expect(readerPage.getByRole('link', { name: 'Sign in to make a copy' })).toBeVisible();
  await expectAccessible(readerPage);
  await screenshots(readerPage, 'shared-view');
  await reader.close();

  // Another student signs in and makes a copy into their own maps.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, newUser('Classmate'), new URL(shareUrl).pathname);
  await otherPage.getByRole('button', { name: 'Make a copy' }).click();
  await otherPage.waitForURL(/\/maps\/[^/]+$/);
  expect(otherPage.url()).not.toBe(mapUrl);
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(/^Copy of /);
  await expect(otherPage.locator('[data-claim-row]')).toHaveCount(5);
  await expect(
    row(otherPage, 'Kim invited Moon').locator('[data-quote]', {
      hasText: /might just have opened a path/,
    }),
  ).toBeVisible();
  await other.close();

  // Revoking the link stops it working.
  await page.getByRole('button', { name: 'Shared' }).click();
  await page.getByRole('button', { name: /Stop sharing/ }).click();
  await expect(page.getByRole('button', { name: 'Create link' })).toBeVisible();
  const late = await browser.newContext();
  const latePage = await late.newPage();
  const gone = await latePage.goto(shareUrl);
  expect(gone?.status()).toBe(404);
  await expect(latePage.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await late.close();
});
