import { test } from '@playwright/test';
import { addTopClaim, claimRow, startMap } from '../fixtures';

// Temporary: measures, on the layout as it is, how far the page scrolls between a claim and the
// passage it quotes (both sides, four claims each), at 1280x800.
const CLAIMS: [0 | 1, string, string][] = [
  [0, 'Kim invited Moon', 'Having officially invited his counterpart'],
  [0, 'The public backs talks', '61.5% of South Korean adult'],
  [0, 'Sanctions push Kim to talk', 'tough economic sanctions'],
  [0, 'Track II opens space', 'Track II, or unofficial, inter-Korean diplomacy'],
  [1, 'Seoul wants it both ways', 'wants it both ways'],
  [1, 'No denuclearization', 'We should not expect the Olympic inspired dialogue'],
  [1, 'Sport looks innocent', 'The neutrality and low political profile of sports'],
  [1, 'Olympics upend US strategy', 'Korean Olympic collaboration threatens'],
];

test('scroll between a claim and its passage', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startMap(page);
  // A map the size of a real one: the eight claims measured, and eight more on each side.
  for (const [side, text] of CLAIMS) await addTopClaim(page, side, 'pro', text);
  for (let i = 1; i <= 8; i++) {
    await addTopClaim(page, 0, 'con', `An objection the class raised, number ${i}, about talks`);
    await addTopClaim(
      page,
      1,
      'con',
      `An objection the class raised, number ${i}, about sanctions`,
    );
  }
  const results: { scrolled: number; bothInView: boolean }[] = [];
  for (const [, text, passage] of CLAIMS) {
    const row = claimRow(page, text);
    await row.locator('[data-claim-text]').click();
    await row.scrollIntoViewIfNeeded();
    const y0 = await page.evaluate(() => window.scrollY);
    const block = page.locator('[data-block]').filter({ hasText: passage }).first();
    await block.scrollIntoViewIfNeeded();
    const y1 = await page.evaluate(() => window.scrollY);
    const inView = async (l: typeof row) =>
      l.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
    results.push({
      scrolled: Math.abs(y1 - y0),
      bothInView: (await inView(row)) && (await inView(block)),
    });
  }
  const sorted = results.map((r) => r.scrolled).sort((a, b) => a - b);
  console.log(
    `DESK scroll px: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}, ` +
      `claim and passage both in view ${results.filter((r) => r.bothInView).length}/${results.length}`,
  );
});
