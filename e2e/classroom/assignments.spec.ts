import {
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
} from '../fixtures/classroom';
import { expect, expectAccessible, newUser, screenshots, test } from '../fixtures/index';

test('a teacher sets a team assignment; a student opens their team map from the home page', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await signUpTeacher(page, newUser('Rivera'));
  const { classId } = await createClass(page, 'Civics 9');
  const logins = await addStudents(page, classId, [
    'Ada Lane',
    'Ben Okri',
    'Cleo Park',
    'Dev Shah',
  ]);

  // The form, as the teacher first sees it.
  await page.goto(`/classes/${classId}/assignments/new`);
  await page.getByLabel('Teams build one map each').check();
  await expect(page.getByLabel('Number of teams')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'assignments-new');

  const assignmentId = await createAssignment(page, classId, {
    title: 'Olympic thaw',
    mode: 'Teams build one map each',
    teams: 2,
    sides: 'Split evenly at random between thesis 1 and thesis 2',
    instructions: 'Find three claims with evidence.',
  });
  const teams = page.getByRole('list', { name: 'Teams' }).first();
  await expect(page.getByRole('list', { name: /^Members of Team/ })).toHaveCount(2);
  for (const name of ['Team 1', 'Team 2']) {
    await expect(
      page.getByRole('list', { name: `Members of ${name}` }).getByRole('listitem'),
    ).toHaveCount(2);
  }
  // One team argues each thesis.
  const sides = await teams
    .getByRole('combobox', { name: /^Side for/ })
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value).sort());
  expect(sides).toEqual(['first', 'second']);
  await expectAccessible(page);
  await screenshots(page, 'assignments-teacher');

  // A student, in a browser of their own, sees it first on their home page.
  const student = await studentBrowser(browser, logins[0]!);
  await student.page.goto('/');
  const mine = student.page.getByRole('region', { name: 'Your assignments' });
  await expect(mine.getByRole('link', { name: 'Olympic thaw', exact: true })).toBeVisible();
  await expect(mine.getByText(/Team [12] with/)).toBeVisible();
  await expectAccessible(student.page);
  await screenshots(student.page, 'assignments-home-student');

  await student.page.goto(`/assignments/${assignmentId}`);
  await expect(student.page.getByText('Find three claims with evidence.')).toBeVisible();
  await expectAccessible(student.page);
  await screenshots(student.page, 'assignments-student');

  // One click from the home page to their team's map, where they may edit.
  await student.page.goto('/');
  await mine.getByRole('link', { name: /Open your map/ }).click();
  await student.page.waitForURL(/\/maps\/[^/]+$/);
  await expect(
    student.page.getByRole('heading', { name: /Olympic thaw — Team [12]/ }),
  ).toBeVisible();
  await student.context.close();
});
