import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshots, test } from '../fixtures';
import { PASSWORD } from '../../scripts/fakes/oidc.mjs';

// "Sign in with Lincoln High": the e2e server runs a real OpenID provider (oidc-provider,
// scripts/fakes/oidc.mjs) and configures the app for it. The button, the provider's own login
// and consent pages, and back: a teacher (in the provider's "teachers" group) and a student of
// lincoln.test, and someone of another domain, who is refused with a message and no account.
// Tampered answers (state, ID token) are tests/integration/school-sign-in.test.ts.

/** From the app's sign-in page, through the provider's pages, as `email`; back at the app. */
async function signInWithSchool(page: Page, email: string) {
  const button = page.getByRole('link', { name: 'Sign in with Lincoln High' });
  // From the keyboard.
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('School email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  const login = page.url();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.href !== login);
  // The consent page, the first time this account meets the app.
  if (new URL(page.url()).pathname.startsWith('/interaction/')) {
    await page.getByRole('button', { name: 'Allow' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/interaction/'));
}

test('a teacher and a student sign in with the school; another domain is refused', async ({
  page,
  browser,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('link', { name: 'Sign in with Lincoln High' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'school-sign-in');
  await signInWithSchool(page, 'teacher@lincoln.test');
  await page.waitForURL(/\/classes$/);
  await expect(page.getByRole('heading', { name: 'Classes', level: 1 })).toBeVisible();

  const student = await (await browser.newContext()).newPage();
  await student.goto('/sign-up');
  await screenshots(student, 'school-sign-up');
  await signInWithSchool(student, 'student@lincoln.test');
  await student.waitForURL(/\/maps$/);
  await expect(student.getByRole('heading', { name: 'My maps' })).toBeVisible();
  await student.context().close();

  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto('/sign-in?next=%2Fmaps');
  await signInWithSchool(outsider, 'visitor@elsewhere.test');
  await outsider.waitForURL((url) => url.pathname === '/sign-in');
  // (Next.js's route announcer is an alert too, empty.)
  await expect(outsider.getByRole('alert').filter({ hasText: /./ })).toContainText(
    'Signing in with Lincoln High is only for @lincoln.test addresses',
  );
  await expectAccessible(outsider);
  await screenshots(outsider, 'school-sign-in-refused');
  // Not signed in: the page offers the button again, and "next" survived the round trip.
  await expect(outsider.getByRole('link', { name: 'Sign in with Lincoln High' })).toHaveAttribute(
    'href',
    '/sign-in/school?next=%2Fmaps',
  );
  await outsider.context().close();
});
