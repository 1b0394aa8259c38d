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
 * The evidence finder (issue 19): the Quote dialog offers the passages of both articles most
 * related to the claim, to quote as support or to answer the claim with as an objection.
 */
test('the passages a claim was written from are offered, and quoted in one click', async ({
  page,
}) => {
  await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Tough sanctions are hurting the North Korean economy');
  const claim = claimRow(page, 'Tough sanctions are hurting');
  const dialog = await openQuoteDialog(page, claim);
  const offered = dialog.locator('[data-evidence] li');
  await expect(offered.first()).toContainText(
    'North Korea is currently struggling under the weight of tough economic sanctions',
  );
  await expect(offered).toHaveCount(3);
  await expectAccessible(page);
  await screenshots(page, 'evidence-finder');
  await offered.first().getByRole('button', { name: 'Quote as support' }).click();
  await expect(dialog).toBeHidden();
  await expect(claim.locator('[data-quote]')).toContainText('North Korea is currently struggling');

  // Answer the claim with a passage: a con reply in the article's words, quoting it.
  await claim.getByRole('button', { name: 'Quote…' }).click();
  const target = offered.nth(1);
  const words = (await target.locator('blockquote').innerText()).replace(/^“|”$/g, '');
  await target.getByRole('button', { name: 'Quote as objection' }).click();
  await expect(dialog).toBeHidden();
  const reply = claimRow(page, words.slice(0, 40));
  await expect(reply).toHaveAttribute('data-stance', 'con');
  await expect(reply.locator('[data-quote]')).toContainText(words.slice(0, 40));
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  await expect(claimRow(page, words.slice(0, 40)).locator('[data-quote]')).toHaveCount(1);
});
