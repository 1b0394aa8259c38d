import type { Page } from '@playwright/test';
import { expect, expectAccessible, newUser, screenshots, selectInArticle, test } from '../fixtures';
import { article, signUpTeacher } from '../fixtures/classroom';

// A teacher makes a debate from two pasted articles (raw captures with their page furniture),
// checks the paragraphs, and a quote from a pasted article anchors in a map on it.

// The two opinion pieces as captured from the web (../shared/seeds), kept with the tests.
const CAPTURES: Record<string, string> = {
  '000_cb9e9fa80bfa3b33.txt': 'conversation-track-ii-capture',
  '001_0f32bb5d923bc14d.txt': 'globe-post-charm-offensive-capture',
};
const seedText = (name: string) => article(CAPTURES[name]!);

const signUpAsTeacher = (page: Page) => signUpTeacher(page, newUser('Teacher'), '/debates');

test('a teacher makes a debate from two pasted articles and a quote anchors in one', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUpAsTeacher(page);
  await page.goto('/debates');
  await expect(page.getByRole('heading', { name: 'Debates', level: 1 })).toBeVisible();
  await expect(page.getByText('You have not made a debate yet.')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'debates-list-empty');

  await page.getByRole('link', { name: 'New debate' }).click();
  await page.getByLabel('Motion').fill('Sport can change how the two Koreas talk to each other');
  await page.getByLabel(/Summary/).fill('Two views from the 2018 Winter Olympics.');
  const sides = [
    {
      label: 'Sport opens doors',
      thesis: 'Olympic diplomacy can bring the Koreas to the table.',
      title: 'How informal diplomacy might just get the Koreas to the negotiating table',
      authors: 'Priscilla Jung Kim',
      publisher: 'The Conversation',
      date: '2018-02-23',
      url: 'https://theconversation.com/how-informal-diplomacy-might-just-get-the-koreas-to-the-negotiating-table-92100',
      licence: 'CC BY-ND 4.0',
      text: seedText('000_cb9e9fa80bfa3b33.txt'),
    },
    {
      label: 'Sport is only sport',
      thesis: 'Without a political strategy, the thaw will not last.',
      title: 'North Korea’s Olympic Charm Offensive',
      authors: 'Marco Milani and Markus Bell',
      publisher: 'The Globe Post',
      date: '',
      // The capture has no address of the article itself: left empty.
      url: '',
      licence: '',
      // The capture again, with furniture of the kind a browser copy brings along.
      text: `Share\n\nBy Marco Milani and Markus Bell\n\n${seedText('001_0f32bb5d923bc14d.txt')}\n\nAdvertisement\n\nPhoto: Yonhap/Reuters\n\n© 2018 The Globe Post`,
    },
  ];
  for (const [i, s] of sides.entries()) {
    const n = i + 1;
    const side = page.getByRole('group', { name: `Side ${n}` });
    await side.getByLabel('Short name for this side').fill(s.label);
    await side.getByLabel('Thesis').fill(s.thesis);
    await side.getByLabel('Article title').fill(s.title);
    await side.getByLabel('Authors').fill(s.authors);
    await side.getByLabel('Publisher').fill(s.publisher);
    if (s.date) await side.getByLabel(/Date published/).fill(s.date);
    if (s.url) await side.getByLabel(/Web address/).fill(s.url);
    await side.getByLabel(/Licence/).fill(s.licence);
    await side.getByLabel('Article text').fill(s.text);
  }
  await expectAccessible(page);
  await screenshots(page, 'debates-new-details');
  // A reload keeps everything typed.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Side 2' }).getByLabel('Article text')).toHaveValue(
    sides[1]!.text,
  );

  // A mistake is shown at its field, and nothing typed is lost.
  await page.getByLabel('Motion').fill('');
  await page.getByRole('button', { name: 'Preview paragraphs' }).click();
  await expect(page.getByLabel('Motion')).toBeFocused();
  await expect(page.getByText('Write the motion the class will debate.')).toBeVisible();
  await page.getByLabel('Motion').fill('Sport can change how the two Koreas talk to each other');
  await expect(page.getByRole('group', { name: 'Side 2' }).getByLabel('Article text')).toHaveValue(
    sides[1]!.text,
  );

  await page.getByRole('button', { name: 'Preview paragraphs' }).click();
  const step2 = page.getByRole('heading', { name: /check the paragraphs/ });
  await expect(step2).toBeFocused();
  const first = page.getByRole('region', { name: /Side 1:/ });
  const second = page.getByRole('region', { name: /Side 2:/ });
  // Furniture starts unticked; the article's paragraphs ticked.
  for (const furniture of ['Advertisement', '© 2018 The Globe Post', 'Share'])
    await expect(second.getByRole('checkbox', { name: furniture, exact: true })).not.toBeChecked();
  await expect(
    second.getByRole('checkbox', { name: /^North Korea’s participation in the upcoming/ }),
  ).toBeChecked();
  await expect(
    first.getByRole('checkbox', { name: 'Tweet Share Get newsletter' }),
  ).not.toBeChecked();
  // The teacher unticks a related-article link the detector kept, from the keyboard…
  const related = first.getByRole('checkbox', {
    name: 'Were other humans the first victims of the sixth mass extinction?',
  });
  await expect(related).toBeChecked();
  await related.focus();
  await page.keyboard.press('Space');
  await expect(related).not.toBeChecked();
  // …and keeps a subheading.
  await first.getByRole('checkbox', { name: /^Strategic optimism/ }).check();
  await expectAccessible(page);
  await screenshots(page, 'debates-new-preview');

  await page.getByRole('button', { name: 'Create debate' }).click();
  await page.waitForURL(/\/debates\/(?!new)[^/]+$/);
  const debatePath = new URL(page.url()).pathname;
  const main = page.locator('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sport can change how the two Koreas talk to each other',
  );
  await expect(page.getByRole('heading', { name: 'Sport opens doors' })).toBeVisible();
  await expect(main).toContainText('Strategic optimism');
  await expect(main).toContainText('The two Koreas, however, have to start somewhere.');
  for (const gone of ['Were other humans', 'Advertisement', 'Get newsletter', 'Patrick Newman'])
    await expect(main).not.toContainText(gone);
  await expect(page.getByRole('link', { name: 'CC BY-ND 4.0' })).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by-nd/4.0/',
  );
  // The article without a web address says so, with no empty link.
  await expect(main.getByText('Original: no web address given.')).toBeVisible();
  await expect(page.getByText('You have no class yet.')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'debates-detail');

  // A map on this debate; a passage selected in the pasted article anchors as evidence.
  await page.getByRole('button', { name: 'Start my own map on this debate' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await page.locator('[data-editor-ready="true"]').waitFor();
  const thesis = page
    .locator('[data-thesis]')
    .filter({ has: page.getByRole('heading', { name: 'Sport opens doors' }) });
  await thesis.getByRole('button', { name: '+ Add pro' }).click();
  await page.getByRole('textbox', { name: /New pro for the thesis/ }).fill('Kim invited Moon');
  await page.getByRole('button', { name: 'Add claim' }).click();
  const row = page
    .locator('[data-claim-row]')
    .filter({ has: page.locator('[data-claim-text]', { hasText: 'Kim invited Moon' }) });
  await row.locator('[data-claim-text]').click();
  await selectInArticle(
    page,
    /How informal diplomacy/,
    'Kim Jong-un might just have opened a path to real negotiations',
  );
  const bar = page.getByRole('region', { name: 'Quote the selected passage' });
  await bar.getByRole('button', { name: 'Attach quote' }).click();
  await expect(
    row.locator('[data-quote]', { hasText: /might just have opened a path/ }),
  ).toBeVisible();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  // The teacher edits the debate in another tab, the map still open: a first paragraph added,
  // the quoted words rewritten. Before saving, they are told the quote will be lost; after, it is
  // still in the map, flagged, and the open map offers to reload.
  const QUOTED = 'Kim Jong-un might just have opened a path to real negotiations';
  const edit = await page.context().newPage();
  await edit.goto(`${debatePath}/edit`);
  await expect(edit.getByRole('heading', { name: 'Edit debate', level: 1 })).toBeVisible();
  await edit.getByLabel('Motion').fill('Sport can change how the Koreas talk');
  const text1 = edit.getByRole('group', { name: 'Side 1' }).getByLabel('Article text');
  const before = await text1.inputValue();
  expect(before).toContain(QUOTED);
  await text1.fill(
    `A first paragraph the teacher added.\n\n${before.replace(QUOTED, 'Kim Jong-un may have opened a door')}`,
  );
  await expectAccessible(edit);
  await screenshots(edit, 'debates-edit');
  await edit.getByRole('button', { name: 'Check the changes' }).click();
  await expect(edit.getByRole('heading', { name: /Before you save/ })).toBeFocused();
  await expect(edit.getByText('1 quote in 1 map will no longer be in the article')).toBeVisible();
  await expect(edit.getByText(`“${QUOTED}”`)).toBeVisible();
  await expectAccessible(edit);
  await screenshots(edit, 'debates-edit-check');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('heading', { name: 'Your changes are saved' })).toBeFocused();
  await expect(edit.getByText('1 quote in 1 map is no longer in the article')).toBeVisible();

  const edited = page.getByRole('status').filter({ hasText: 'edited this debate' });
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: 'Reload' }).click();
  await page.locator('[data-editor-ready="true"]').waitFor();
  await expect(row.locator('[data-quote-lost]')).toContainText(
    'This quote is no longer in the article',
  );
  await expect(page.locator('[data-reading-pane]')).toContainText(
    'A first paragraph the teacher added.',
  );
  await edit.getByRole('link', { name: 'Back to the debate' }).click();
  await expect(edit.getByRole('heading', { level: 1 })).toHaveText(
    'Sport can change how the Koreas talk',
  );
  await edit.close();

  await page.goto('/debates');
  await expect(page.getByRole('list', { name: 'Your debates' })).toContainText('used by 1 map');
  await screenshots(page, 'debates-list');
});
