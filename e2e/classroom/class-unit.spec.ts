import type { Page } from '@playwright/test';
import { claimRow, expect, expectAccessible, newUser, screenshots, test } from '../fixtures';
import {
  REFRESH_MS,
  addStudents,
  article,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
  type StudentLogin,
} from '../fixtures/classroom';

// The whole story, through the app's own pages: a teacher signs up, makes a class of 25
// managed students and prints their codes, makes a debate from two pasted articles, sets it in
// team mode with sides split evenly, watches the dashboard fill as two students (each in a
// browser of their own) build their team maps, grades one team privately, releases it, and a
// student sees the feedback; then a second round swaps the sides.

const NAMES = Array.from({ length: 25 }, (_, i) => `Pupil ${String.fromCharCode(65 + i)} Example`);
const MOTION = 'Schools should ban phones during the school day';

async function createPhonesDebate(page: Page) {
  await page.goto('/debates/new');
  await page.getByLabel('Motion').fill(MOTION);
  const sides = [
    {
      label: 'Lock them away',
      thesis: 'A phone ban gives lessons back their attention.',
      title: 'Why schools should keep phones in lockers',
      authors: 'Mara Ellison',
      text: article('for-school-phones'),
    },
    {
      label: 'Teach, do not ban',
      thesis: 'Schools should teach phone use instead of banning phones.',
      title: 'Banning phones teaches students nothing',
      authors: 'Idris Kamau',
      text: article('against-school-phones'),
    },
  ];
  for (const [i, s] of sides.entries()) {
    const side = page.getByRole('group', { name: `Side ${i + 1}` });
    await side.getByLabel('Short name for this side').fill(s.label);
    await side.getByLabel('Thesis').fill(s.thesis);
    await side.getByLabel('Article title').fill(s.title);
    await side.getByLabel('Authors').fill(s.authors);
    await side.getByLabel('Publisher').fill('Example Press');
    await side.getByLabel('Web address').fill(`https://example.org/${i + 1}`);
    await side.getByLabel('Article text').fill(s.text);
  }
  await page.getByRole('button', { name: 'Preview paragraphs' }).click();
  const first = page.getByRole('region', { name: /Side 1:/ });
  await expect(
    first.getByRole('checkbox', { name: 'Share Advertisement', exact: true }),
  ).not.toBeChecked();
  await page.getByRole('button', { name: 'Create debate' }).click();
  await page.waitForURL(/\/debates\/(?!new)[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MOTION);
  await expect(page.locator('main')).not.toContainText('Sign up for our newsletter');
}

/** The members of a team, as listed on the assignment page. */
async function teamMembers(page: Page, team: string) {
  const items = page.getByRole('list', { name: `Members of ${team}` }).getByRole('listitem');
  return (await items.locator('> span').allTextContents()).map((t) => t.trim());
}

const dashboardRow = (page: Page, name: string) =>
  page.getByTestId('dashboard-row').filter({ has: page.getByRole('rowheader', { name }) });

test('a teacher runs a debate unit: class, codes, debate, teams, dashboard, grades', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const teacher = newUser('Teacher');
  await signUpTeacher(page, teacher);
  const { classId } = await createClass(page, 'Period 4 Debate');
  const logins = await addStudents(page, classId, NAMES);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await createPhonesDebate(page);
  await page.goto(`/classes/${classId}/assignments/new`);
  await expectAccessible(page);
  await screenshots(page, 'assignment-new');
  const assignmentId = await createAssignment(page, classId, {
    title: 'Phones: opening cases',
    debate: MOTION,
    mode: 'Teams build one map each',
    teams: 2,
    sides: 'Split evenly at random between thesis 1 and thesis 2',
    instructions: 'Three claims with evidence; answer every objection.',
  });

  // Two teams of 12 and 13, one on each side.
  const teamOne = await teamMembers(page, 'Team 1');
  const teamTwo = await teamMembers(page, 'Team 2');
  expect([teamOne.length, teamTwo.length].sort()).toEqual([12, 13]);
  expect([...teamOne, ...teamTwo].sort()).toEqual([...NAMES].sort());
  const sides = await Promise.all(
    ['Team 1', 'Team 2'].map((t) => page.getByLabel(`Side for ${t}`).inputValue()),
  );
  expect([...sides].sort()).toEqual(['first', 'second']);
  await expectAccessible(page);
  await screenshots(page, 'assignment-teacher');

  // The dashboard, empty at first. Its ten-second refresh runs on a clock the test moves forward.
  const dashboard = await page.getByRole('link', { name: 'Dashboard' }).getAttribute('href');
  await page.clock.install();
  await page.goto(dashboard!);
  await expect(dashboardRow(page, 'Team 1').locator('[data-col="claims"]')).toHaveText('0');

  // One student of each team, each in a browser of their own, finds the assignment on their
  // home page and opens their team's map in one click.
  const loginOf = (name: string) => logins.find((l) => l.name === name) as StudentLogin;
  const students = await Promise.all([
    studentBrowser(browser, loginOf(teamOne[0]!)),
    studentBrowser(browser, loginOf(teamTwo[0]!)),
  ]);
  const [ada, bea] = students.map((s) => s.page) as [Page, Page];
  await expect(ada.getByRole('heading', { name: 'Your assignments' })).toBeVisible();
  await expect(ada.getByRole('main')).toContainText('Phones: opening cases');
  await expect(ada.getByRole('main')).toContainText('Team 1');
  await expectAccessible(ada);
  await screenshots(ada, 'student-home');
  for (const [student, text] of [
    [ada, 'Notifications every four minutes break attention'],
    [bea, 'Phones are calculators and dictionaries too'],
  ] as const) {
    await student.getByRole('link', { name: 'Open your map for Phones: opening cases' }).click();
    await student.waitForURL(/\/maps\/[^/]+$/);
    await student.locator('[data-editor-ready="true"]').waitFor();
    await expect(student.getByTestId('assignment-banner')).toContainText('Phones: opening cases');
    const thesis = student === ada ? 0 : 1;
    await student
      .locator('[data-thesis]')
      .nth(thesis)
      .getByRole('button', { name: '+ Add pro' })
      .click();
    await student.keyboard.type(text);
    await student.keyboard.press('Enter');
    await expect(claimRow(student, text)).toBeVisible();
    await expect(student.getByText('All changes saved')).toBeVisible();
  }

  // The dashboard fills by itself at its next refresh.
  await page.clock.fastForward(REFRESH_MS);
  await expect(dashboardRow(page, 'Team 1').locator('[data-col="claims"]')).toHaveText('1');
  await expect(dashboardRow(page, 'Team 2').locator('[data-col="claims"]')).toHaveText('1');

  // The teacher grades Team 1 privately.
  await page.goto(`/assignments/${assignmentId}`);
  await page.getByRole('link', { name: 'Grade Team 1' }).click();
  const claim = 'Notifications every four minutes break attention';
  await page.getByRole('button', { name: `Add feedback on: ${claim}` }).click();
  await page.getByLabel(/Feedback on:/).fill('Quote the article here.');
  await page.getByRole('button', { name: 'Save feedback' }).click();
  await page.getByLabel('Evidence (out of 4)').selectOption('3');
  await page.getByLabel('Rebuttals (out of 4)').selectOption('2');
  await page.getByLabel('Clarity (out of 4)').selectOption('4');
  await page.getByLabel('Overall feedback').fill('A strong opening; now answer Team 2.');
  await page.getByRole('button', { name: 'Save grade' }).click();
  await expect(page.getByText(/^Saved .*\d\d:\d\d/)).toBeVisible();

  await ada.reload();
  await ada.locator('[data-editor-ready="true"]').waitFor();
  await expect(ada.getByTestId('released-grade')).toHaveCount(0);
  await expect(ada.getByText('Quote the article here.')).toHaveCount(0);

  await page.getByRole('button', { name: 'Release to students' }).click();
  await expect(page.getByTestId('release-status')).toContainText('Released on');
  await ada.reload();
  await ada.locator('[data-editor-ready="true"]').waitFor();
  await expect(ada.getByTestId('released-grade')).toContainText('9 / 12');
  await expect(claimRow(ada, claim).getByTestId('claim-teacher-feedback')).toContainText(
    'Quote the article here.',
  );
  await ada.goto('/');
  await expect(ada.getByRole('main')).toContainText('Feedback released: 9 / 12');
  // Team 2 sees nothing of Team 1's grade.
  await bea.goto('/');
  await expect(bea.getByRole('main')).not.toContainText('Feedback released');
  await ada.goto(`/assignments/${assignmentId}`);
  await expectAccessible(ada);
  await screenshots(ada, 'assignment-student');

  // Round 2: the same teams on the other side, new maps; round 1 stays.
  await page.goto(`/assignments/${assignmentId}`);
  await page.getByRole('button', { name: 'Start round 2 with sides swapped' }).click();
  await page.getByLabel(/Round 2 due/).fill('2026-12-20T09:00');
  await page.getByRole('button', { name: 'Start round 2', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith(assignmentId));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Phones: opening cases (round 2)',
  );
  // Due when the teacher said, in the teacher's time (this browser runs in UTC).
  await expect(page.getByText('Sun 20 Dec 2026, 09:00 UTC').first()).toBeVisible();
  const swapped = await Promise.all(
    ['Team 1', 'Team 2'].map((t) => page.getByLabel(`Side for ${t}`).inputValue()),
  );
  expect(swapped).toEqual(sides.map((s) => (s === 'first' ? 'second' : 'first')));
  expect(await teamMembers(page, 'Team 1')).toEqual(teamOne);
  for (const s of students) await s.context.close();
});
