import type { Browser } from '@playwright/test';
import { expect, expectAccessible, newUser, screenshots, signUp, test } from '../fixtures';
import { createClass, signUpTeacher } from '../fixtures/classroom';

// Joining a class as a stranger, a guesser, a removed student and a teacher would: the join page
// shows nothing about a class, wrong codes are throttled, a code can be turned off or replaced
// (from the keyboard), and a removed student stays out until the teacher adds them back.

async function studentIn(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(name);
  await signUp(page, user, '/');
  return { context, page, user };
}

const joinWith = async (page: import('@playwright/test').Page, code: string) => {
  await page.goto(`/join/${code}`);
  await page.getByRole('button', { name: 'Join class' }).click();
};

test('the join page, turning a code off or making a new one, and a removed student', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = newUser('Teacher');
  await signUpTeacher(page, teacher);
  const { classId, code } = await createClass(page, 'Room 12 Debate');
  const classUrl = new RegExp(`/classes/${classId}$`);

  // A stranger opening the link learns nothing about the class.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/join/${code}`);
  await expect(stranger.getByRole('heading', { name: /Join a class with the code/ })).toBeVisible();
  await expect(stranger.locator('main')).not.toContainText('Room 12 Debate');
  await expect(stranger.locator('main')).not.toContainText(teacher.name);
  await expectAccessible(stranger);

  // A student joins with it.
  const ada = await studentIn(browser, 'Ada');
  await joinWith(ada.page, code);
  await ada.page.waitForURL(classUrl);

  // The teacher makes a new code, from the keyboard: the old one stops working at once.
  await page.reload();
  await page.getByRole('button', { name: 'New code' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Make a new code' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-join-code]')).not.toHaveAttribute('data-join-code', code);
  const newCode = (await page.locator('[data-join-code]').getAttribute('data-join-code'))!;
  const bo = await studentIn(browser, 'Bo');
  await joinWith(bo.page, code);
  await expect(bo.page.locator('main').getByRole('alert')).toContainText(
    'No class is open to join with that code',
  );
  await joinWith(bo.page, newCode);
  await bo.page.waitForURL(classUrl);

  // The teacher turns joining off: no code works; then opens it again with a new one.
  await page.getByRole('button', { name: 'Close joining' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Close joining' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Joining is closed')).toBeVisible();
  const cy = await studentIn(browser, 'Cy');
  await joinWith(cy.page, newCode);
  await expect(cy.page.locator('main').getByRole('alert')).toContainText(
    'No class is open to join with that code',
  );
  await page.getByRole('button', { name: 'Open joining with a new code' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-join-code]')).toBeVisible();
  const third = (await page.locator('[data-join-code]').getAttribute('data-join-code'))!;

  // The teacher removes Ada: no code, old or new, lets her back in until she is added back.
  const roster = page.getByRole('list', { name: 'Students' });
  await roster
    .getByRole('listitem')
    .filter({ hasText: ada.user.name })
    .getByRole('button', { name: /Remove/ })
    .click();
  await page.getByRole('button', { name: 'Remove from class' }).click();
  const removed = page.getByRole('list', { name: 'Removed from the class' });
  await expect(removed).toContainText(ada.user.name);
  await expectAccessible(page);
  await screenshots(page, 'class-removed-students');
  for (const c of [code, third]) {
    await joinWith(ada.page, c);
    await expect(ada.page.locator('main').getByRole('alert')).toContainText(
      c === third ? 'Your teacher removed you from this class' : 'No class is open',
    );
  }
  await removed.getByRole('button', { name: `Add back ${ada.user.name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(roster).toContainText(ada.user.name);
  await ada.page.goto(`/classes/${classId}`);
  await expect(ada.page.getByRole('heading', { name: 'Room 12 Debate' })).toBeVisible();

  // Guessing codes: ten wrong ones are answered, then the guesser must wait.
  const guesser = await studentIn(browser, 'Guesser');
  const answers: string[] = [];
  for (let i = 0; i < 11; i++) {
    await joinWith(guesser.page, `ACDEFGH${'JKMNPQRTUVW'[i]}`);
    const alert = guesser.page.locator('main').getByRole('alert');
    await expect(alert).toBeVisible();
    answers.push((await alert.textContent()) ?? '');
  }
  expect(answers.slice(0, 10).every((a) => a.includes('No class is open'))).toBe(true);
  expect(answers[10]).toMatch(/Too many wrong class codes\. Wait \d+ seconds/);
  for (const c of [ada, bo, cy, guesser]) await c.context.close();
});
