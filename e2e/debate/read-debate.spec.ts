import { expect, expectAccessible, screenshots, test } from '../fixtures';

test.describe('the debate page', () => {
  test('shows the motion and both theses with their clean, attributed articles', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The 2018 Olympic thaw can bring the two Koreas to real negotiations',
    );
    await expect(page.getByRole('heading', { name: 'Track II can open talks' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dual-track will fail' })).toBeVisible();

    const conversation = page.getByRole('article', { name: /How informal diplomacy/ });
    await expect(conversation).toContainText('By Priscilla Jung Kim');
    await expect(conversation).toContainText('23 February 2018');
    await expect(conversation.getByRole('link', { name: 'CC BY-ND 4.0' })).toBeVisible();
    // Paragraphs split by page furniture in the capture are joined again.
    await expect(conversation).toContainText(
      "The Koreas fielded a unified women's hockey team, and marched into the opening ceremony",
    );
    await expect(conversation).toContainText(
      'Track II diplomacy is unofficial, non-structured interaction.',
    );

    const globe = page.getByRole('article', { name: /Olympic Charm Offensive/ });
    await expect(globe).toContainText('The Globe Post');
    await expect(globe).toContainText('Marco Milani and Markus Bell');
    await expect(globe).toContainText('none stated on the page');
    await expect(globe).toContainText(
      'the “dual track” approach – dialogue with sanctions – will fail',
    );

    // No page furniture, comments or link lists from the captures.
    for (const junk of [
      'Republish',
      'Comments are closed',
      'Most popular',
      'Patrick Newman',
      'LettureConsigliate',
      'Get newsletter',
    ]) {
      await expect(page.locator('main')).not.toContainText(junk);
    }
  });

  test('shows the two sides as tabs at phone width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    // Opened again without an account (the first visit set the zone's cookie, so once more):
    // the kept page (lib/server/kept-page.ts), which works.
    await page.reload();
    expect((await page.reload())?.headers()['x-page-cache']).toBe('hit');
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await expect(page.getByRole('heading', { name: 'Track II can open talks' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dual-track will fail' })).toBeHidden();
    await page.getByRole('tab', { name: 'Dual-track will fail' }).click();
    await expect(page.getByRole('heading', { name: 'Dual-track will fail' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Track II can open talks' })).toBeHidden();
    // Arrow keys move between tabs too.
    await page.getByRole('tab', { name: 'Dual-track will fail' }).press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Track II can open talks' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Track II can open talks' })).toBeVisible();
  });

  test('passes an accessibility scan and is screenshotted at desktop and phone widths', async ({
    page,
  }) => {
    await page.goto('/');
    await expectAccessible(page);
    await screenshots(page, 'debate');
  });

  test('is served with a nonce-based Content-Security-Policy and no eval', async ({ page }) => {
    const asBrowser = { headers: { accept: 'text/html' } };
    const first = await page.request.get('/', asBrowser);
    const policy = first.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toContain('unsafe-eval');
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    // Next's own scripts carry this response's nonce; the next response has another.
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    const second = await page.request.get('/', asBrowser);
    expect(second.headers()['content-security-policy']).not.toContain(nonce);
    expect(second.headers()['x-page-cache']).toBe('hit');
    // Also when the page is a kept one (lib/server/kept-page.ts): every nonce in it is this one's.
    const again = /'nonce-([^']+)'/.exec(second.headers()['content-security-policy']!)![1]!;
    const html = await second.text();
    expect(html).toContain(`nonce="${again}"`);
    expect(html).not.toContain(nonce);
  });

  test('opens once in another time zone: the refresh for the zone asks for data, not the page', async ({
    browser,
  }) => {
    const context = await browser.newContext({ timezoneId: 'America/Chicago' });
    const page = await context.newPage();
    const documents: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url());
    });
    // The first visit tells the server the reader's zone (a cookie) and refreshes the page's
    // data for it; a kept page must not answer that refresh with HTML (a whole second load).
    const refresh = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/' && r.request().headers()['rsc'] === '1',
    );
    await page.goto('/');
    expect((await refresh).headers()['content-type']).toContain('text/x-component');
    await page.waitForLoadState('networkidle');
    expect(documents).toHaveLength(1);
    // Opened again in this zone (once to keep it), it is the kept page.
    await page.reload();
    expect((await page.reload())?.headers()['x-page-cache']).toBe('hit');
  });
});
