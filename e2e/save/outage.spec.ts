import type { Page } from '@playwright/test';
import { addTopClaim, claimRow, expect, startMap, test } from '../fixtures';

/** Presses "Retry now" unless the editor's own backoff got there first. */
const retryNow = (page: Page) =>
  page
    .getByRole('button', { name: 'Retry now' })
    .click({ timeout: 2000 })
    .catch(() => {});

// The save path through outages: nothing typed while the server cannot be reached is lost, the
// status says what is happening, and the changes are saved once the server is back.

test('claims typed while offline are kept, retried, and saved when the network is back', async ({
  page,
  context,
}) => {
  const url = await startMap(page);
  await addTopClaim(page, 0, 'pro', 'Saved before the outage');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  await context.setOffline(true);
  for (const text of ['Offline one', 'Offline two', 'Offline three'])
    await addTopClaim(page, 0, 'pro', text);
  const status = page.locator('[data-save-status]');
  await expect(status).toHaveAttribute('data-save-status', 'waiting');
  await expect(status).toHaveText('Offline: 3 changes waiting, will retry');
  // Every claim is still on screen while it waits.
  for (const text of ['Offline one', 'Offline two', 'Offline three'])
    await expect(claimRow(page, text)).toBeVisible();

  // Leaving now would lose nothing (the changes are stored), but the browser asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  await page.close({ runBeforeUnload: true }).catch(() => {});
  expect(await Promise.race([asked, new Promise((r) => setTimeout(() => r('none'), 3000))])).toBe(
    'beforeunload',
  );

  // Back online, in a fresh tab: the stored changes are sent and the map has them all.
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.locator('[data-save-status="saved"]')).toBeVisible();
  await again.reload();
  for (const text of ['Saved before the outage', 'Offline one', 'Offline two', 'Offline three'])
    await expect(claimRow(again, text)).toBeVisible();
  await expect(again.locator('[data-claim-row]')).toHaveCount(4);
});

test('the server going away and coming back: the open tab resumes by itself, in order', async ({
  page,
}) => {
  await startMap(page);
  // The server stops answering (a restart, a crash): requests fail without an answer.
  await page.route('**/api/maps/*/ops', (route) => route.abort('connectionrefused'));
  await addTopClaim(page, 1, 'con', 'Typed while the server was down');
  await addTopClaim(page, 1, 'con', 'And a second one');
  const status = page.locator('[data-save-status]');
  await expect(status).toHaveAttribute('data-save-status', 'waiting');
  await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();

  await page.unroute('**/api/maps/*/ops');
  // Retries on its own (backoff), or at once with "Retry now" (if it has not already).
  await retryNow(page);
  await expect(status).toHaveAttribute('data-save-status', 'saved');
  await page.reload();
  const rows = page.locator('[data-thesis]').nth(1).locator('[data-claim-text]');
  await expect(rows).toHaveText(['Typed while the server was down', 'And a second one']);
});

test('an answer lost on the way back: the change is sent again and saved once', async ({
  page,
}) => {
  // Without the live stream (which would bring the change back at once and count it saved),
  // the outbox must find out by sending it again.
  await page.route('**/api/maps/*/events?**', (route) => route.abort());
  await startMap(page);
  let dropped = false;
  await page.route('**/api/maps/*/ops', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    // The server applies the change, but its answer never arrives.
    await route.fetch();
    await route.abort('connectionreset');
  });
  await addTopClaim(page, 0, 'pro', 'Saved exactly once');
  await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'waiting');
  await retryNow(page);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(claimRow(page, 'Saved exactly once')).toHaveCount(1);
});
