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

test('typing into a dialog never runs a shortcut: every letter, digit, space and Backspace arrive', async ({
  page,
}) => {
  await startMap(page);
  await page.locator('[data-thesis]').first().getByRole('button', { name: '+ Add pro' }).click();
  await page.keyboard.type('Sport opens doors');
  await page.keyboard.press('Enter');
  await page.locator('[data-thesis]').nth(1).getByRole('button', { name: '+ Add pro' }).click();
  await page.keyboard.type('Sanctions must hold');
  await page.keyboard.press('Enter');
  const claim = row(page, 'Sport opens doors');
  await expect(claim).toBeVisible();
  const sentence = 'The quick brown fox jumps over the lazy dog 0123456789 ?!';
  const typed = sentence.slice(0, -1);

  // Every place a person types, opened by its key on the selected claim: each starts on its
  // field and keeps every key typed there (Backspace included), and no shortcut runs meanwhile.
  const fields = [
    { key: 'q', field: () => page.getByRole('dialog').getByLabel(/Passage/) },
    { key: 'o', field: () => page.getByRole('dialog').getByLabel('New comment') },
    { key: 'n', field: () => claim.getByLabel('Note') },
    { key: 'e', field: () => claim.getByLabel('Claim text'), before: 'Sport opens doors' },
    { key: 'p', field: () => page.getByLabel(/New pro reply to/) },
  ];
  for (const { key, field, before = '' } of fields) {
    await claim.focus();
    await page.keyboard.press(key);
    await expect(field(), `${key} opens its field, focused`).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.type(sentence);
    await page.keyboard.press('Backspace');
    await expect(field(), `what was typed after ${key}`).toHaveValue(before + typed);
    await page.keyboard.press('Escape');
    await expect(field()).toBeHidden();
    await expect(claim, `Escape after ${key} goes back to the claim`).toBeFocused();
  }

  // The Link and Move dialogs start on the search above their lists; letters there narrow the
  // list, and run nothing.
  for (const [key, name] of [
    ['l', 'Link to the other side'],
    ['m', 'Move claim'],
  ] as const) {
    await claim.focus();
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    const search = dialog.getByRole('searchbox', { name: 'Find a claim in the list' });
    await expect(search).toBeFocused();
    await page.keyboard.type(sentence);
    await expect(search).toHaveValue(sentence);
    await expect(dialog).toContainText('not matching');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(claim).toBeFocused();
  }

  // Nothing ran on the claim: no new claims, no stance flip, no rating, no comments, not deleted.
  await expect(page.locator('[data-claim-row]')).toHaveCount(2);
  await expect(claim).toHaveAttribute('data-stance', 'pro');
  await expect(claim).not.toContainText(/Strength \d of 5/);
  await expect(page.locator('[data-comments-panel]')).toHaveCount(0);
});
