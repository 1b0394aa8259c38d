import { expect, test, type Locator, type Page } from '@playwright/test';
import { addTopClaim, claimRow, expectAccessible, screenshots, startMap } from '../fixtures';

// The study desk: the article beside the map, so the claim being written and the passage it
// quotes are on screen together, at 1280 and on a phone.

/** Some of it on screen, below the site header (which stays at the top, over the page). */
const inView = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const header = document.querySelector('[data-site-header]')!.getBoundingClientRect();
    return r.height > 0 && r.bottom > header.bottom && r.top < window.innerHeight;
  });

/** Whether a click at its middle reaches it (nothing, such as the site header, lies over it). */
const clickable = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });

/** Selects `passage` in the reading pane's article, as a reader would with the mouse. */
async function selectPassage(page: Page, passage: string, across = false) {
  await page
    .locator('[data-reading-pane] [data-block]')
    .filter({ hasText: passage })
    .first()
    .evaluate(
      (el, [text, across]) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(text as string);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          if (across) {
            const next = document.createTreeWalker(el.nextElementSibling!, NodeFilter.SHOW_TEXT);
            range.setEnd(next.nextNode()!, 5);
          } else range.setEnd(node, at + (text as string).length);
          // Scrolled to in the pane, as a reader scrolls it with the wheel (the page stays).
          const box = el.closest('[data-pane-scroll]')!;
          box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          return;
        }
        throw new Error('passage not found');
      },
      [passage, across],
    );
}

const CLAIMS: [0 | 1, string, string][] = [
  [0, 'Kim invited Moon', 'Having officially invited his counterpart'],
  [0, 'The public backs talks', '61.5% of South Korean adult'],
  [0, 'Sanctions push Kim to talk', 'tough economic sanctions'],
  [1, 'Seoul wants it both ways', 'wants it both ways'],
  [1, 'No denuclearization', 'We should not expect the Olympic inspired dialogue'],
  [1, 'Olympics upend US strategy', 'Korean Olympic collaboration threatens'],
];

test('the claim and its passage stay on screen together while a map is built', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startMap(page);
  const pane = page.getByRole('region', { name: 'Reading pane' });
  for (const [side, text] of CLAIMS) await addTopClaim(page, side, 'pro', text);
  for (let i = 1; i <= 3; i++) {
    await addTopClaim(page, 0, 'con', `An objection the class raised, number ${i}, about talks`);
    await addTopClaim(
      page,
      1,
      'con',
      `An objection the class raised, number ${i}, about sanctions`,
    );
  }

  // Quote each claim by selection: the pane turns to the claim's article, and the claim, the
  // passage and the bar are all in view; nothing scrolls the page.
  const bar = page.getByRole('region', { name: 'Quote the selected passage' });
  for (const [side, text, passage] of CLAIMS) {
    const row = claimRow(page, text);
    await row.locator('[data-claim-text]').click();
    await expect(pane.getByRole('button', { pressed: true })).toHaveText(
      side === 0 ? 'The Conversation' : 'The Globe Post',
    );
    const y = await page.evaluate(() => window.scrollY);
    await selectPassage(page, passage);
    await expect(bar.getByLabel('Attach as evidence for')).toHaveValue(
      await row.getAttribute('data-claim-row').then((id) => id!),
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
    expect(await inView(row), `${text} still in view`).toBe(true);
    expect(await inView(pane.locator('[data-block]').filter({ hasText: passage }).first())).toBe(
      true,
    );
    await bar.getByRole('button', { name: 'Attach quote' }).click();
    await expect(row.locator('[data-quote]')).toHaveCount(1);
  }
  // Scrolled down the map, the pane's choice of article is still there to click.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  for (const tab of await pane
    .getByRole('group', { name: 'Article shown' })
    .getByRole('button')
    .all())
    expect(await clickable(tab), `${await tab.textContent()} is not under the header`).toBe(true);

  // A selection made, then a claim clicked: the passage waits, and the claim clicked is the choice.
  await selectPassage(page, 'The neutrality and low political profile of sports');
  await claimRow(page, 'Seoul wants it both ways').locator('[data-claim-text]').click();
  await expect(bar).toContainText('The neutrality and low political profile');
  await bar.getByRole('button', { name: 'New con reply from it' }).click();
  const made = claimRow(page, 'The neutrality and low political profile');
  await expect(made).toBeFocused();
  await expect(made).toHaveAttribute('data-stance', 'con');
  await expect(made.locator('[data-quote]')).toHaveCount(1);

  // Two paragraphs at once: the bar says why it cannot be one quote.
  await selectPassage(page, 'wants it both ways', true);
  await expect(bar.getByRole('alert')).toContainText('spans two paragraphs');
  await bar.getByRole('button', { name: 'Dismiss' }).click();

  // Writing a claim the map already has: the composer says so, and goes there.
  await page.locator('[data-thesis]').first().getByRole('button', { name: '+ Add pro' }).click();
  await page.keyboard.type('Sanctions pushed Kim to talk');
  const warning = page.getByRole('status').filter({ hasText: 'A similar claim is already' });
  await expect(warning).toContainText('Sanctions push Kim to talk');
  await warning.getByRole('button', { name: 'Go to it' }).click();
  await expect(claimRow(page, 'Sanctions push Kim to talk')).toBeFocused();
  await expect(page.locator('[data-composer]')).toHaveCount(0);

  // A quote in the map shows its passage in the pane, highlighted, without moving the map.
  const quoted = claimRow(page, 'Kim invited Moon');
  await quoted.locator('[data-quote]').click();
  await expect(pane.locator('mark.quote-highlight')).toBeInViewport();
  expect(await inView(quoted)).toBe(true);
  await expectAccessible(page);
  // The README's picture: the desk as it looks on a laptop.
  await page.screenshot({ path: 'e2e/.artifacts/screenshots/study-desk-view-1280.png' });
  await screenshots(page, 'study-desk');
});

test('on a phone the article opens as a sheet under the claim', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Kim invited Moon');
  const row = claimRow(page, 'Kim invited Moon');
  await row.locator('[data-claim-text]').click();
  const pane = page.getByRole('region', { name: 'Reading pane' });
  await expect(pane).toBeHidden();
  await page.getByRole('button', { name: 'Read the article' }).click();
  await expect(pane).toBeVisible();
  // The claim is where a tap reaches it: above the sheet, not under it.
  await expect
    .poll(() => clickable(row.locator('[data-claim-text]')), {
      message: 'the claim stays visible above the sheet',
    })
    .toBe(true);
  await selectPassage(page, 'Having officially invited his counterpart');
  await page
    .getByRole('region', { name: 'Quote the selected passage' })
    .getByRole('button', { name: 'Attach quote' })
    .click();
  await expect(row.locator('[data-quote]')).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: 'e2e/.artifacts/screenshots/study-desk-sheet-390.png' });
  await pane.getByRole('button', { name: 'Close' }).click();
  await expect(pane).toBeHidden();
});
