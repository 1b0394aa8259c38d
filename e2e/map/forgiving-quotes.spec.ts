import {
  addTopClaim,
  claimRow,
  expect,
  expectAccessible,
  openQuoteDialog,
  screenshots,
  startMap,
  test,
} from '../fixtures';

/**
 * Typed quotes forgive what a student types differently from the article (issue 19): case,
 * punctuation, quote marks, dashes, "U.S."/"US", "..." for words left out, the other article, a
 * slip; what is stored is the article's own text. Far off, the nearest passage is offered.
 */
test('typed quotes are found as the article words them, and a near miss offers the passage', async ({
  page,
}) => {
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Talks need a start');
  const claim = claimRow(page, 'Talks need a start');
  const dialog = page.getByRole('dialog', { name: 'Attach a quote as evidence' });
  const quoteAs = async (typed: string) => {
    await openQuoteDialog(page, claim);
    await dialog.getByLabel(/Passage/).fill(typed);
    await dialog.getByRole('button', { name: 'Attach quote' }).click();
  };

  // Lower case, no commas, quote marks around it, "--" for the dash, "..." for words left out.
  await quoteAs('"the two koreas however have to start somewhere"');
  await expect(dialog).toBeHidden();
  await quoteAs('these might sound like small steps -- but until recently ... seemed impossible');
  await expect(dialog).toBeHidden();
  // "US" for "U.S.", and a passage from the other article while this one is chosen.
  await quoteAs('threatens to upend US strategy towards North Korea');
  await expect(dialog).toBeHidden();
  const quotes = claim.locator('[data-quote]');
  await expect(quotes).toHaveCount(3);
  await expect(quotes.nth(0)).toContainText('The two Koreas, however, have to start somewhere');
  await expect(quotes.nth(1)).toContainText(
    'these might sound like small steps – but until recently, even they seemed impossible',
  );
  await expect(quotes.nth(2)).toContainText('threatens to upend U.S. strategy towards North Korea');

  // From memory: not found, but the nearest sentence is offered with the differences marked.
  await quoteAs('The sanctions badly limit the North’s supplies of energy like gasoline');
  await expect(dialog.getByText(/That passage is not in “How informal diplomacy/)).toBeVisible();
  const offer = dialog.locator('[data-quote-suggestion]');
  await expect(offer.locator('blockquote')).toContainText(/^The sanctions /);
  await expect(offer.locator('ins').first()).toHaveText(/seriously restrict/);
  await expect(offer.locator('del').first()).toHaveText(/badly limit/);
  // Only words are marked (North’s typed with a curly apostrophe is the article's North's), and
  // what is offered ends where the typing did, not with the rest of the sentence.
  for (const marked of await offer.locator('del, ins').allTextContents())
    expect(marked).toMatch(/\p{L}/u);
  await expect(offer.locator('blockquote')).toHaveText(/such as gasoline$/);
  await expectAccessible(page);
  await screenshots(page, 'quote-did-you-mean');
  await offer.getByRole('button', { name: 'Use this passage' }).click();
  await expect(dialog).toBeHidden();
  await expect(quotes).toHaveCount(4);
  await expect(quotes.nth(3)).toContainText("The sanctions seriously restrict the North's energy");
  await expect(quotes.nth(3)).not.toContainText('diesel');

  // Saved as the article words it: after a reload the four quotes are still there.
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  await expect(claimRow(page, 'Talks need a start').locator('[data-quote]')).toHaveCount(4);
});
