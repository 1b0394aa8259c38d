import { expect, startMap, test } from '../fixtures';

test('bad claim text gets a message beside the field and loses nothing; markup shows as text', async ({
  page,
}) => {
  await startMap(page);
  await page.getByRole('button', { name: '+ Add pro' }).first().click();
  const box = page.getByRole('textbox', { name: /New pro for the thesis/ });

  await box.fill('   ');
  await box.press('Enter');
  await expect(page.getByText('Write the claim first: it cannot be empty.')).toBeVisible();

  const long = 'Too long. '.repeat(101);
  await box.fill(long);
  await box.press('Enter');
  await expect(page.getByText('Keep a claim under 1,000 characters.')).toBeVisible();
  await expect(box).toHaveValue(long);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-claim-row]')).toHaveCount(0);

  const markup = '<img src=x onerror="window.__pwned=1"> <b>bold?</b>';
  await box.fill(markup);
  await box.press('Enter');
  const row = page.locator('[data-claim-row]').first();
  await expect(row.locator('[data-claim-text]')).toHaveText(markup);
  await expect(row.locator('img, b')).toHaveCount(0);
  await page.locator('[data-save-status="saved"]').waitFor();
  await page.reload();
  await expect(page.locator('[data-claim-text]').first()).toHaveText(markup);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});

test('a server-action call the server cannot read is refused with 413 or 400, never a 500', async ({
  page,
}) => {
  // A real action's id (creating the map), replayed with bodies no browser of this app sends.
  const call = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await startMap(page);
  const sent = await call;
  const post = (data: string | Buffer, type = 'text/plain;charset=UTF-8') =>
    page.request.post(sent.url(), {
      headers: { 'next-action': sent.headers()['next-action']!, 'content-type': type },
      data,
    });
  const big = await post(Buffer.alloc(9 * 1024 * 1024, 0x61));
  expect(big.status()).toBe(413);
  expect(await big.text()).toMatch(/too large/);
  for (const [body, type] of [
    [Buffer.from([0xff, 0xfe, 0x5b, 0x5d]), undefined],
    ['{{{ not a call', undefined],
    ['--x\r\ngarbage', 'multipart/form-data; boundary=zzz'],
  ] as const) {
    const refused = await post(body, type);
    expect(refused.status(), String(body)).toBe(400);
    expect(await refused.text()).toMatch(/could not be read/);
  }
});
