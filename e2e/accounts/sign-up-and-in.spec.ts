import { expect, expectAccessible, newUser, signUp, test } from '../fixtures';

test.describe('accounts', () => {
  test('sign-up explains each mistake next to its field and keeps what was typed', async ({
    page,
  }) => {
    const user = newUser('Ada');
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill(user.name);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter an email address like name@school.org.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Your name')).toHaveValue(user.name);

    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at least 8 characters for your password.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    await expectAccessible(page);

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/maps');
    await expect(page.getByRole('heading', { name: 'My maps' })).toBeVisible();
    await expect(page.getByText(user.name)).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
  });

  test('a taken email and a wrong password get clear messages; the right one signs in', async ({
    page,
    browser,
  }) => {
    const user = newUser('Bo');
    await signUp(page, user);

    const other = await (await browser.newContext()).newPage();
    await other.goto('/sign-up');
    await other.getByLabel('Your name').fill('Someone else');
    await other.getByLabel('Email').fill(user.email.toUpperCase());
    await other.getByLabel('Password').fill('another password');
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect(
      other.getByText('An account with this email already exists. Sign in instead.'),
    ).toBeVisible();

    await other.goto('/sign-in');
    await other.getByLabel('Email').fill(user.email);
    await other.getByLabel('Password').fill('wrong password');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other.getByText('That email and password do not match an account.')).toBeVisible();
    await expect(other.getByLabel('Email')).toHaveValue(user.email);

    await other.getByLabel('Password').fill(user.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL('**/maps');
  });

  test('repeated wrong passwords are slowed down', async ({ page }) => {
    const user = newUser('Cy');
    await signUp(page, user);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`guess ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(
        page.getByText('That email and password do not match an account.'),
      ).toBeVisible();
    }
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText(/Too many failed attempts\. Wait \d+ seconds and try again\./),
    ).toBeVisible();
    await expect(page).toHaveURL(/sign-in/);
  });

  test('saving a map needs an account; reading does not', async ({ page }) => {
    await page.goto('/maps');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fmaps|\/sign-in\?next=\/maps/);
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Sign up to build your map' })).toBeVisible();
  });
});
