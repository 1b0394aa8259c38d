import type { Page } from '@playwright/test';
import { seedClaims, type SeededClaims } from '../fixtures/big-map';
import {
  expect,
  expectAccessible,
  newUser,
  signIn,
  startMap,
  test,
  type TestUser,
} from '../fixtures';

// A map of 10,000 claims (issue 20): the outline draws only the rows near the screen, and still
// behaves as a whole outline: "Find a claim" reaches a claim deep in it, and the keyboard walks
// the reading order past the first screenful, the row with the keyboard always on screen.

const SIZE = 10_000;
/** Claims to look for, thousands of rows down: one under each thesis (the odd ones are the first's). */
const DEEP = 9_002;
const DEEP_TEXT = 'Le café près de la zone démilitarisée ferme à minuit';
const OTHER = 8_001;
const OTHER_TEXT = 'Zwei Vögel über der Brücke von Panmunjom';

let user: TestUser;
let mapUrl: string;
let seeded: SeededClaims;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  user = newUser();
  mapUrl = await startMap(page, user);
  const mapId = new URL(mapUrl).pathname.split('/').pop()!;
  seeded = seedClaims(mapId, SIZE, { [DEEP]: DEEP_TEXT, [OTHER]: OTHER_TEXT });
  await page.close();
});

async function open(page: Page) {
  await signIn(page, user, new URL(mapUrl).pathname);
  await page.locator('[data-editor-ready="true"]').waitFor({ timeout: 30_000 });
}

/** The claim row that has the keyboard, and whether it is in the window, below the site header. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    const header = document.querySelector('[data-site-header]')!.getBoundingClientRect();
    return {
      id: el?.dataset.claimRow ?? null,
      onScreen: !!box && box.top >= header.bottom && box.bottom <= window.innerHeight,
    };
  });

test('a claim deep in a 10,000-claim map is found by its words, scrolled to and focused', async ({
  page,
}) => {
  await open(page);
  // Only rows near the screen are drawn, and the tree still says how big each level is.
  const drawn = await page.locator('[data-claim-row]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(120);
  const first = page.locator(`[data-claim-row="${seeded.order[0][0]!.id}"]`);
  const topLevel = seeded.order[0].filter((c) => c.parentId === null).length;
  await expect(first).toHaveAttribute('aria-setsize', String(topLevel));
  await expect(first).toHaveAttribute('aria-level', '1');
  await expectAccessible(page);

  // "/" goes to the find box; accents and case do not matter.
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Find a claim' });
  await expect(box).toBeFocused();
  await page.keyboard.type('CAFE pres de la zone');
  await expect(page.getByRole('status').filter({ hasText: '1 claim matches.' })).toBeAttached();
  const option = page.getByRole('option', { name: /Le café près de la zone/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const deep = seeded.claims[DEEP - 1]!;
  expect(deep.thesisId).toBe(seeded.order[1][0]!.thesisId);
  const row = page.locator(`[data-claim-row="${deep.id}"]`);
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toContainText(DEEP_TEXT);
  await expect.poll(async () => (await focusedRow(page)).onScreen).toBe(true);
  // It stays put once the rows around it have been measured.
  await page.waitForTimeout(300);
  expect(await focusedRow(page)).toEqual({ id: deep.id, onScreen: true });
  await expectAccessible(page);

  // On a phone, where the sides are tabs: a claim of the side not shown is found just the same.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('vogel brucke');
  await page.keyboard.press('Enter');
  const other = seeded.claims[OTHER - 1]!;
  expect(other.thesisId).toBe(seeded.order[0][0]!.thesisId);
  await expect(page.locator(`[data-claim-row="${other.id}"]`)).toBeFocused();
  await expect(page.getByRole('tab', { selected: true })).toHaveText(/Track II/);
  await expect.poll(() => focusedRow(page)).toEqual({ id: other.id, onScreen: true });
});

test('the keyboard walks a virtualized outline in reading order, always on screen', async ({
  page,
}) => {
  await open(page);
  const order = seeded.order[0];
  await page.locator(`[data-claim-row="${order[0]!.id}"] [data-claim-text]`).click();
  expect((await focusedRow(page)).id).toBe(order[0]!.id);

  // Past the first screenful (about ten rows), with both keys, and back up a few.
  for (let i = 1; i <= 24; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowDown' : 'j');
    await expect.poll(() => focusedRow(page)).toEqual({ id: order[i]!.id, onScreen: true });
  }
  for (let i = 23; i >= 18; i--) {
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedRow(page)).toEqual({ id: order[i]!.id, onScreen: true });
  }

  // End and Home: the last and the first claim of this thesis, thousands of rows apart.
  await page.keyboard.press('End');
  const last = order[order.length - 1]!.id;
  await expect.poll(() => focusedRow(page)).toEqual({ id: last, onScreen: true });
  // Down from there crosses into the second thesis.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toEqual({ id: seeded.order[1][0]!.id, onScreen: true });
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedRow(page)).toEqual({ id: last, onScreen: true });
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRow(page)).toEqual({ id: order[0]!.id, onScreen: true });

  // Scrolled far away with the wheel, the row with the keyboard stays (drawn off screen), so the
  // next key still goes on from it.
  await page.mouse.wheel(0, 20_000);
  await page.waitForTimeout(200);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toEqual({ id: order[1]!.id, onScreen: true });

  // Writing at the far end: the composer opens on screen under the last claim, the new claim
  // takes the keyboard there, and is edited in place.
  await page.keyboard.press('End');
  await expect.poll(() => focusedRow(page)).toEqual({ id: last, onScreen: true });
  await page.keyboard.press('c');
  const composer = page.getByLabel(/New con reply to/);
  await expect(composer).toBeFocused();
  await expect(composer).toBeInViewport();
  await page.keyboard.type('An objection at the far end');
  await page.keyboard.press('Enter');
  const added = page.locator('[data-claim-row]').filter({ hasText: 'An objection at the far end' });
  await expect(added).toBeFocused();
  await expect.poll(async () => (await focusedRow(page)).onScreen).toBe(true);
  const level = Number(await page.locator(`[data-claim-row="${last}"]`).getAttribute('aria-level'));
  await expect(added).toHaveAttribute('aria-level', String(level + 1));
  await page.keyboard.press('e');
  await page.getByLabel('Claim text').fill('An objection at the far end, reworded');
  await page.keyboard.press('Enter');
  await expect(added).toContainText('reworded');
  await expect(added).toBeFocused();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
});
