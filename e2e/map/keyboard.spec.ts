import type { Page } from '@playwright/test';
import { expect, expectAccessible, startMap, test } from '../fixtures';

const rows = (page: Page) => page.locator('[data-thesis]').first().locator('[data-claim-row]');
const row = (page: Page, text: string) =>
  page.locator('[data-claim-row]').filter({ hasText: text });
/** The outline as "indent stance: text" lines, read from the screen. */
async function outlineText(page: Page) {
  return rows(page).evaluateAll((els) =>
    els.map((el) => {
      const depth = Math.round(parseFloat(getComputedStyle(el.parentElement!).marginLeft) / 20);
      return `${'  '.repeat(depth)}${el.getAttribute('data-stance')}: ${el.querySelector('[data-claim-text]')?.textContent}`;
    }),
  );
}

async function type(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(row(page, text)).toBeFocused();
}

test('a small map is built, rearranged, rated and repaired with the keyboard alone', async ({
  page,
}) => {
  await startMap(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText(
    'Indent: make it a reply to the claim above',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Tab to the first thesis and add a pro to it.
  const thesis = page.getByRole('group', { name: /Thesis: Track II can open talks/ });
  for (let i = 0; i < 30 && !(await thesis.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(thesis).toBeFocused();
  await page.keyboard.press('p');
  await type(page, 'Moon opened space for Track II');
  await page.keyboard.press('c'); // objection to it
  await type(page, 'Track II is no substitute for Track I');
  await page.keyboard.press('c'); // rebuttal
  await type(page, 'It complements official talks');
  await page.keyboard.press('s'); // sibling of the rebuttal, same stance
  await type(page, 'It breaks psychological barriers');

  expect(await outlineText(page)).toEqual([
    'pro: Moon opened space for Track II',
    '  con: Track II is no substitute for Track I',
    '    con: It complements official talks',
    '    con: It breaks psychological barriers',
  ]);

  // Outdent the last rebuttal twice: it becomes a claim under the thesis, after its old ancestors.
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(row(page, 'It breaks psychological barriers')).toBeFocused();
  // Switch it to pro, move it up above the first claim, and rate it 5.
  await page.keyboard.press('t');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('5');
  expect(await outlineText(page)).toEqual([
    'pro: It breaks psychological barriers',
    'pro: Moon opened space for Track II',
    '  con: Track II is no substitute for Track I',
    '    con: It complements official talks',
  ]);
  await expect(row(page, 'It breaks psychological barriers')).toContainText('Strength 5 of 5');

  // Indent it back under the claim below? Not possible for the first claim: it says so.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(
    page.getByText('Cannot indent: there is no claim above it at this level.'),
  ).toBeAttached();

  // Edit text in place.
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'Moon opened space')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' diplomacy');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Moon opened space for Track II diplomacy')).toBeFocused();

  // Delete a claim with replies: asked first, told how many go, then undone.
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete this claim?' });
  await expect(confirm).toContainText('2 replies');
  await confirm.getByRole('button', { name: 'Delete 3 claims' }).press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.locator('[data-claim-row]').first().focus();
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(4);

  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  expect(await outlineText(page)).toEqual([
    'pro: It breaks psychological barriers',
    'pro: Moon opened space for Track II diplomacy',
    '  con: Track II is no substitute for Track I',
    '    con: It complements official talks',
  ]);
  await expectAccessible(page);
});
