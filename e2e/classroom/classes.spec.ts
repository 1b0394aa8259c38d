import {
  addTopClaim,
  expect,
  expectAccessible,
  newUser,
  screenshots,
  signIn,
  signUp,
  test,
  type TestUser,
} from '../fixtures';
import { makeAdmin } from '../fixtures/admin';
import { createAssignment, studentBrowser } from '../fixtures/classroom';
import { firstLink, waitForMail } from '../fixtures/mail';
import type { Page } from '@playwright/test';

async function signUpAs(page: Page, user: TestUser, kind: 'student' | 'teacher', next: string) {
  await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel(`I am a ${kind}`).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));
}

test('a teacher creates a class, adds managed students who sign in, and a student joins by code', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const teacher = newUser('Teacher');
  await signUpAs(page, teacher, 'teacher', '/classes');
  await expect(page.getByRole('heading', { name: 'Classes', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'classes-teacher');

  await page.getByLabel('New class').fill('Period 3 Debate');
  await page.getByRole('button', { name: 'Create class' }).click();
  await page.waitForURL(/\/classes\/[^/]+$/);
  const classUrl = page.url();
  const code = (await page.locator('[data-join-code]').getAttribute('data-join-code'))!;
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await expect(page.locator('[data-join-code]')).toHaveText(`${code.slice(0, 4)}-${code.slice(4)}`);

  await page.getByLabel('Add students by name').fill('Ada Lovelace\nAlan Turing\n\nGrace Hopper');
  await page.getByRole('button', { name: 'Add 3 students' }).click();
  await page.waitForURL(/\/codes$/);
  const cards = page.locator('[data-code-card]');
  await expect(cards).toHaveCount(3);
  await expect(cards.first()).toContainText('Ada Lovelace');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expectAccessible(page);
  await screenshots(page, 'classes-codes');
  // On a small phone too, each username and password is on one line: split at a hyphen, a
  // password gets typed wrong.
  await page.setViewportSize({ width: 360, height: 800 });
  for (const value of await cards.locator('dd').all()) {
    const lines = await value.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `${await value.textContent()} on one line`).toBe(1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // As printed: no site header, no buttons, just the cards.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-site-header]')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.screenshot({ path: 'e2e/.artifacts/screenshots/classes-codes-print.png' });
  await page.emulateMedia({ media: 'screen' });
  const dd = cards.first().locator('dd');
  const username = (await dd.nth(0).textContent())!.trim();
  const password = (await dd.nth(1).textContent())!.trim();
  expect(username).toMatch(/^adal\d+$/);

  await page.goto(classUrl);
  const roster = page.getByRole('list', { name: 'Students' });
  await expect(roster.getByRole('listitem')).toHaveCount(3);
  await expect(roster).toContainText(username);
  await expectAccessible(page);
  await screenshots(page, 'class-teacher');

  // A managed student signs in with username and password in a browser of their own.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto('/sign-in?next=/classes');
  await student.getByLabel('Email or username').fill(username);
  await student.getByLabel('Password').fill(password);
  await student.getByRole('button', { name: 'Sign in' }).click();
  await student.waitForURL('**/classes');
  await student.getByRole('link', { name: /Period 3 Debate/ }).click();
  await expect(student.getByRole('heading', { name: 'Period 3 Debate' })).toBeVisible();
  await expect(student.getByText(`Taught by ${teacher.name}`)).toBeVisible();
  await expectAccessible(student);
  await screenshots(student, 'class-student');
  await studentContext.close();

  // Someone with their own account joins with the code, typed in lower case.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/join');
  await expectAccessible(other);
  await screenshots(other, 'join');
  await other.getByLabel('Class code').fill(code.toLowerCase());
  await other.getByRole('button', { name: 'Continue' }).click();
  await other.waitForURL(`**/join/${code}`);
  // Nothing about the class shows before joining it.
  await expect(other.getByRole('heading', { name: /Join a class with the code/ })).toBeVisible();
  await expect(other.locator('main')).not.toContainText('Period 3 Debate');
  await expect(other.locator('main')).not.toContainText(teacher.name);
  await other.getByRole('link', { name: 'Create an account' }).click();
  await signUp(other, newUser('Joiner'), `/join/${code}`);
  await other.waitForURL(`**/join/${code}`);
  await expectAccessible(other);
  await screenshots(other, 'join-code');
  await other.getByRole('button', { name: 'Join class' }).click();
  await other.waitForURL(classUrl);
  await expect(other.getByText(`Taught by ${teacher.name}`)).toBeVisible();
  await otherContext.close();

  await page.reload();
  await expect(roster.getByRole('listitem')).toHaveCount(4);

  // Archived at the end of the year: read-only for everyone, then back.
  await test.step('archive, read-only, unarchive', async () => {
    const classId = new URL(classUrl).pathname.split('/').pop()!;
    await createAssignment(page, classId, {
      title: 'Opening case',
      mode: 'The whole class builds one map',
    });
    const ada = await studentBrowser(browser, { name: 'Ada Lovelace', username, password });
    await ada.page.getByRole('link', { name: 'Open your map for Opening case' }).first().click();
    await ada.page.waitForURL(/\/maps\//);
    const mapUrl = ada.page.url();
    await ada.page.locator('[data-editor-ready="true"]').waitFor();
    await page.goto(classUrl);
    await page.getByRole('button', { name: 'Archive this class' }).click();
    const ask = page.getByRole('dialog', { name: 'Archive this class?' });
    await expect(ask).toContainText('Nothing is deleted');
    await ask.getByRole('button', { name: 'Archive class' }).click();
    await expect(page.getByTestId('archived-notice')).toContainText(
      'This class is archived: its work is read-only.',
    );
    await expect(page.getByRole('button', { name: 'Unarchive class' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'New assignment' })).toHaveCount(0);
    await expect(page.getByLabel('Add students by name')).toHaveCount(0);
    await expectAccessible(page);
    await screenshots(page, 'class-archived');
    // The student's open map says so at once; reloaded, it reads only, with the banner.
    await expect(ada.page.locator('[data-access-ended="archived"]')).toContainText(
      'This class was archived: its work is read-only now.',
    );
    await ada.page.reload();
    await expect(ada.page.getByTestId('archived-notice')).toContainText(
      'This class is archived: its work is read-only.',
    );
    await expect(ada.page.getByRole('button', { name: '+ Add pro' })).toHaveCount(0);
    // Nor offered a suggestion, which the server would refuse there.
    await expect(ada.page.getByRole('button', { name: /^Suggest/ })).toHaveCount(0);
    await screenshots(ada.page, 'map-archived');
    await ada.page.goto('/classes');
    await expect(
      ada.page.getByRole('list', { name: 'Archived classes' }).getByRole('link'),
    ).toContainText('Period 3 Debate');
    await screenshots(ada.page, 'classes-archived');
    // Unarchived: the student adds a claim again.
    await page.getByRole('button', { name: 'Unarchive class' }).click();
    await expect(page.getByTestId('archived-notice')).toHaveCount(0);
    await ada.page.goto(mapUrl);
    await ada.page.locator('[data-editor-ready="true"]').waitFor();
    await addTopClaim(ada.page, 0, 'pro', 'Sport opens doors that talks cannot');
    await expect(ada.page.getByText('All changes saved')).toBeVisible();
    await ada.context.close();
  });

  // The admin page: nobody else's (a 404), and the admin's once this teacher is made one.
  const adminLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: 'Admin',
  });
  await expect(adminLink).toHaveCount(0);
  expect((await page.goto('/admin'))?.status()).toBe(404);
  makeAdmin(teacher.email);
  await page.goto('/classes');
  await adminLink.click();
  await expect(page.getByRole('heading', { name: 'Admin' })).toBeVisible();
  await page.getByLabel('Search accounts').fill('joiner');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Search accounts').fill('');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectAccessible(page);
  await screenshots(page, 'admin');
});

test('sign-up choice, forgot-password and reset-password pages; the emailed link sets a new password', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await expect(page.getByLabel('I am a student')).toBeChecked();
  await expectAccessible(page);
  await screenshots(page, 'sign-up');
  await page.goto('/sign-in');
  await expect(page.getByLabel('Email or username')).toBeVisible();
  await screenshots(page, 'sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'forgot-password');
  await page.getByLabel('Email').fill('nobody-here@example.org');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText(
    'If nobody-here@example.org belongs to an account, we have emailed it a link',
  );

  await page.goto('/reset-password?token=not-a-real-token');
  await page.getByLabel('New password').fill('a new password');
  await page.getByLabel('The same password again').fill('a new password');
  await expectAccessible(page);
  await screenshots(page, 'reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This reset link has expired')).toBeVisible();

  // For real: the settings page offers notifications by email (the e2e server sends mail through
  // the SMTP server of scripts/fakes/smtp.mjs); then a forgotten password, the link from the
  // message that arrived there, a new password, and signing in with it.
  const user = newUser('Forgetful');
  await signUp(page, user, '/settings');
  await page.getByLabel(/Also email me what my bell shows/).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Your notifications are emailed to you');
  await expectAccessible(page);
  await screenshots(page, 'settings');
  await page.context().clearCookies();
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('we have emailed it a link');
  const mail = await waitForMail(user.email, /^Choose a new Counterpoint password$/);
  expect(mail.html).toContain('Choose a new password');
  const link = firstLink(mail);
  expect(new URL(link).pathname).toBe('/reset-password');
  await page.goto(link);
  await page.getByLabel('New password').fill('my brand new password');
  await page.getByLabel('The same password again').fill('my brand new password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.waitForURL(/\/sign-in\?reset=1/);
  await signIn(page, { ...user, password: 'my brand new password' });
  await expect(page.getByRole('heading', { name: 'My maps', level: 1 })).toBeVisible();
});
