import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, newUser, test } from '../fixtures';
import {
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
} from '../fixtures/classroom';

// One rule for time: stored in UTC, typed and shown in the viewer's own zone with the zone named.
// The teacher's browser is in Chicago; the student reads the same due time in Chicago and, on a
// trip, in Seoul. No page may log an error (a hydration mismatch is one).
test.use({ timezoneId: 'America/Chicago' });

function watchErrors(page: Page, errors: string[]) {
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
}

test('a due time typed at 09:00 in Chicago reads 09:00 CST in Chicago and 00:00 GMT+9 in Seoul', async ({
  browser,
  page,
}) => {
  const errors: string[] = [];
  watchErrors(page, errors);
  await signUpTeacher(page, newUser('Teacher'));
  const { classId } = await createClass(page, 'Civics 9B');
  // The class was made in the teacher's zone: due dates are typed in it, and it is named.
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Chicago');
  const [login] = await addStudents(page, classId, ['Student Ada']);
  await createAssignment(page, classId, {
    title: 'Opening case',
    mode: 'The whole class builds one map',
    due: '2026-12-13T09:00',
  });
  const chicago = 'Sun 13 Dec 2026, 09:00 CST';
  await expect(page.getByText(chicago).first()).toBeVisible();

  // The grading page of released work, where a local-time label once broke hydration.
  await page.getByRole('link', { name: 'Grade Whole class' }).click();
  await page.getByRole('button', { name: 'Release to students' }).click();
  await expect(page.getByTestId('release-status')).toContainText(/Released on .* (CST|CDT)/);
  await page.reload();
  await expect(page.getByTestId('release-status')).toContainText(/Released on .* (CST|CDT)/);

  for (const [timezoneId, shown] of [
    ['America/Chicago', chicago],
    ['Asia/Seoul', 'Mon 14 Dec 2026, 00:00 GMT+9'],
  ] as const) {
    const student = await studentBrowser(browser, login!, '/', { timezoneId });
    watchErrors(student.page, errors);
    await student.page.goto('/');
    await expect(student.page.getByText(`Due ${shown}`).first()).toBeVisible();
    await student.page.getByRole('link', { name: 'Open your map' }).first().click();
    await student.page.waitForURL(/\/maps\//);
    await expect(student.page.getByText(shown).first()).toBeVisible();
    await student.page.reload();
    await expect(student.page.getByText(shown).first()).toBeVisible();
    await student.context.close();
  }
  expect(errors).toEqual([]);
});
