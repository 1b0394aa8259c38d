import { expect, newUser, test } from '../fixtures';

// Before the page's scripts run (a slow phone, a script blocked), the forms are plain HTML forms:
// they must post, work, and never put the password in the address bar or the history.
test.describe('accounts without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign up and sign in work, and the password never reaches a URL', async ({ page }) => {
    const user = newUser('Noa');
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('framenavigated', (frame) => urls.push(frame.url()));

    await page.goto('/sign-up?next=%2Fmaps');
    await expect(page.locator('form')).toHaveAttribute('method', /post/i);
    await page.getByLabel('Your name').fill(user.name);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter an email address like name@school.org.')).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue(user.name);

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/maps');
    await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();

    await page.context().clearCookies();
    await page.goto('/sign-in?next=%2Fmaps');
    await expect(page.locator('form')).toHaveAttribute('method', /post/i);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByLabel('Email')).toHaveValue(user.email);

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/maps');
    await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();

    const secrets = [user.password, 'not my password'].flatMap((p) => [
      p,
      encodeURIComponent(p),
      encodeURIComponent(p).replace(/%20/g, '+'),
    ]);
    for (const url of urls) for (const s of secrets) expect(url).not.toContain(s);
    expect(urls.some((u) => new URL(u).searchParams.has('password'))).toBe(false);
  });
});
