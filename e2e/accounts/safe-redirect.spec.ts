import { expect, newUser, signUp, test, type TestUser } from '../fixtures';

// `next` says where to go after signing in. Whatever it holds, the way out is a page of this app.
const HOSTILE = ['%2F%5Cevil.example', '%2F%09%2Fevil.example', '%2F%2Fevil.example'];

test.describe('where signing in leads', () => {
  test.beforeEach(async ({ context }) => {
    // Were the app to send anyone there, the test sees it land instead of a DNS error.
    await context.route(
      (url) => url.hostname.endsWith('evil.example'),
      (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Evil</h1>' }),
    );
  });

  async function account(browser: import('@playwright/test').Browser): Promise<TestUser> {
    const user = newUser('Nel');
    const context = await browser.newContext();
    await signUp(await context.newPage(), user);
    await context.close();
    return user;
  }

  for (const next of HOSTILE) {
    test(`signing in with next=${next} lands on an app page`, async ({
      page,
      browser,
      baseURL,
    }) => {
      const user = await account(browser);
      const response = await page.goto(`/sign-in?next=${next}`);
      expect(response?.status()).toBe(200);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();

      // Signed in already, the sign-in page sends you on at once: to the same safe place.
      await page.goto(`/sign-in?next=${next}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();
    });
  }

  test('control characters in next do not break the pages', async ({ page, baseURL }) => {
    for (const next of ['%01', '%2F%01', '%2Fmaps%00', '%2F%0D%0ASet-Cookie:%20x=1']) {
      for (const path of ['/sign-in', '/sign-up']) {
        const response = await page.goto(`${path}?next=${next}`);
        expect(response?.status(), `${path}?next=${next}`).toBe(200);
        await expect(page.getByLabel('Email')).toBeVisible();
      }
    }
    const user = newUser('Cal');
    await signUp(page, user, '/\u0001');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();
    const response = await page.goto('/sign-in?next=%2F%01');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();
  });

  test('a path on the site with its query and hash is kept', async ({ page }) => {
    const user = newUser('Kit');
    await signUp(page, user, '/maps?from=sign-up#top');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/maps?from=sign-up');
  });
});
