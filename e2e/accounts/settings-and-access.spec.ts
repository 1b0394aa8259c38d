import type { Page } from '@playwright/test';
import { addTopClaim, expect, expectAccessible, newUser, screenshots, test } from '../fixtures';
import {
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
  type StudentLogin,
} from '../fixtures/classroom';

// Access that ends, ends at once, and the page says why; and every account's settings page
// (change the password, sign out everywhere), used by a managed student from the keyboard.

/** The members of a team, as the teacher's assignment page lists them. */
async function membersOf(page: Page, team: string) {
  const names = await page
    .getByRole('list', { name: `Members of ${team}` })
    .getByRole('listitem')
    .locator('> span')
    .allTextContents();
  return names.map((n) => n.trim());
}

async function openTeamMap(page: Page, title: string) {
  await page.goto('/');
  await page.getByRole('link', { name: `Open your map for ${title}` }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await page.locator('[data-editor-ready="true"]').waitFor();
}

test('a student moved to the other team stops seeing the old team’s map within a second', async ({
  browser,
  page,
}) => {
  await signUpTeacher(page, newUser('Teacher'));
  const { classId } = await createClass(page, 'Civics 9M');
  const logins = await addStudents(page, classId, ['Student Ada', 'Student Bea']);
  const assignmentId = await createAssignment(page, classId, {
    title: 'Olympic thaw',
    mode: 'Teams build one map each',
    teams: 2,
  });
  const [name] = await membersOf(page, 'Team 1');
  const login = logins.find((l) => l.name === name) as StudentLogin;

  const { context, page: student } = await studentBrowser(browser, login);
  await openTeamMap(student, 'Olympic thaw');
  await addTopClaim(student, 0, 'pro', 'Sport builds trust between rivals');

  // The teacher moves them to Team 2 from the assignment page.
  await page.goto(`/assignments/${assignmentId}`);
  await page.getByLabel(`Move ${name} to another team`).selectOption({ label: 'Team 2' });
  await expect.poll(() => membersOf(page, 'Team 2')).toContain(name);

  // Within a second the old map is gone from their page, which says why.
  const notice = student.locator('[data-access-ended="moved"]');
  await expect(notice).toBeVisible({ timeout: 1000 });
  await expect(notice).toContainText('moved you to another team');
  await expect(student.locator('[data-claim-row]')).toHaveCount(0);
  await expect(notice).toBeFocused();
  await expectAccessible(student);
  await screenshots(student, 'access-ended');

  // The banner that named the old team goes with the map; the way on is their assignments,
  // where the new team's map opens (reloading the old one would only say it is not found).
  await expect(student.getByTestId('assignment-banner')).toBeHidden();
  const oldMap = student.url();
  await notice.getByRole('link', { name: 'Go to your assignments' }).click();
  await student.getByRole('link', { name: 'Open your map for Olympic thaw' }).click();
  await student.waitForURL((url) => /\/maps\/[^/]+$/.test(url.pathname) && url.href !== oldMap);
  await student.locator('[data-editor-ready="true"]').waitFor();
  await expect(student.locator('[data-claim-row]')).toHaveCount(0);
  await expect(student.getByTestId('assignment-banner')).toContainText('Team 2');
  await student.goto(oldMap);
  await expect(student.getByText('Sport builds trust between rivals')).toHaveCount(0);
  await context.close();
});

test('a managed student changes their password and signs out everywhere from settings', async ({
  browser,
  page,
}) => {
  await signUpTeacher(page, newUser('Teacher'));
  const { classId } = await createClass(page, 'Civics 9S');
  const [login] = (await addStudents(page, classId, ['Student Cal'])) as [StudentLogin];

  // Signed in twice: a map open in one browser, settings in the other.
  const other = await studentBrowser(browser, login);
  await other.page.getByRole('button', { name: 'Start a new map' }).click();
  await other.page.waitForURL(/\/maps\/[^/]+$/);
  await other.page.locator('[data-editor-ready="true"]').waitFor();
  const { context, page: student } = await studentBrowser(browser, login);

  await student.getByRole('link', { name: /Account|Student Cal/ }).click();
  await student.waitForURL('**/settings');
  await expect(student.getByRole('heading', { name: 'Account settings' })).toBeVisible();
  await expect(student.getByRole('main')).toContainText(login.username);
  await expectAccessible(student);
  await screenshots(student, 'settings');

  // A wrong current password is refused next to its field, which gets the focus.
  await student.getByLabel('Current password').fill('not my password');
  await student.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await student.getByLabel('The new password again').fill('a brand new passphrase');
  await student.keyboard.press('Enter');
  await expect(student.getByText('That is not your current password')).toBeVisible();
  await expect(student.getByLabel('Current password')).toBeFocused();

  await student.keyboard.press('ControlOrMeta+a');
  await student.keyboard.type(login.password);
  await student.keyboard.press('Enter');
  await expect(student.getByText('Your password was changed.')).toBeVisible();
  // The other browser's open map ends at once: signed out, saying why.
  const signedOut = other.page.locator('[data-access-ended="password"]');
  await expect(signedOut).toContainText('Your password was changed');
  await expectAccessible(other.page);
  // Its way on is signing in again (with the new password), back to this map.
  const mapUrl = other.page.url();
  await signedOut.getByRole('link', { name: 'Sign in again' }).click();
  await other.page.waitForURL(/\/sign-in\?next=%2Fmaps%2F/);
  await other.page.getByLabel('Email or username').fill(login.username);
  await other.page.getByLabel('Password').fill('a brand new passphrase');
  await other.page.getByRole('button', { name: 'Sign in' }).click();
  await other.page.waitForURL(mapUrl);
  await other.page.locator('[data-editor-ready="true"]').waitFor();

  // This browser stays signed in; then signs out everywhere, from the keyboard.
  await student.reload();
  await expect(student.getByRole('heading', { name: 'Account settings' })).toBeVisible();
  await student.getByRole('button', { name: 'Sign out everywhere' }).focus();
  await student.keyboard.press('Enter');
  await student.waitForURL('**/sign-in?signedOut=everywhere');
  await expect(student.getByText('You are signed out on every device.')).toBeVisible();
  await student.goto('/settings');
  await student.waitForURL(/\/sign-in\?next=(%2F|\/)settings/);

  // The new password works.
  await student.getByLabel('Email or username').fill(login.username);
  await student.getByLabel('Password').fill('a brand new passphrase');
  await student.getByRole('button', { name: 'Sign in' }).click();
  await student.waitForURL('**/settings');

  // On a phone the header keeps to two rows and leaves Sign out to this page.
  await student.setViewportSize({ width: 390, height: 844 });
  const header = student.locator('[data-site-header]');
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeHidden();
  expect((await header.boundingBox())!.height).toBeLessThan(110);
  await student.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
  await student.waitForURL((url) => url.pathname === '/');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await context.close();
  await other.context.close();
});
