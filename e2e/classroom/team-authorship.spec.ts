import fs from 'node:fs';
import type { ConsoleMessage, Page } from '@playwright/test';
import {
  addTopClaim,
  claimRow,
  expect,
  expectAccessible,
  newUser,
  screenshots,
  test,
} from '../fixtures';
import {
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
} from '../fixtures/classroom';

// Who did what in a team: three students in one team map each add claims from their own browser;
// the teacher sees per-student counts on the dashboard and in its CSV, opens the map on one
// student's claims and filters it by another, in the outline and the graph. Everyone is in
// Chicago; no page may log an error (a hydration mismatch is one).
test.use({ timezoneId: 'America/Chicago' });

function watchErrors(page: Page, errors: string[]) {
  page.on('console', (m: ConsoleMessage) => {
    // The app has no favicon; Chromium asks for one now and then, and logs the 404.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      errors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
}

const person = (page: Page, name: string) =>
  page.getByTestId('contribution-row').filter({ has: page.getByRole('rowheader', { name }) });

test('three students build one team map; the teacher sees who did what and filters the map by author', async ({
  browser,
  page,
}) => {
  const errors: string[] = [];
  watchErrors(page, errors);
  await signUpTeacher(page, newUser('Teacher'));
  const { classId } = await createClass(page, 'Civics 9D');
  const logins = await addStudents(page, classId, ['Student Ada', 'Student Bea', 'Student Cy']);
  const assignmentId = await createAssignment(page, classId, {
    title: 'Team thaw',
    mode: 'Teams build one map each',
    teams: 1,
  });
  const href = await page.getByRole('link', { name: 'Open map of Team 1' }).getAttribute('href');
  const mapId = href!.split('/').pop()!;

  // Each student, in a browser of their own, adds claims to the one team map (Ada two).
  const claims: Record<string, string[]> = {
    'Student Ada': ['Sport builds trust between rivals', 'Trust fades once the games end'],
    'Student Bea': ['A joint team is a signal to both publics'],
    'Student Cy': ['Talks need more than goodwill'],
  };
  const students = await Promise.all(
    logins.map((l) =>
      studentBrowser(browser, l, `/maps/${mapId}`, { timezoneId: 'America/Chicago' }),
    ),
  );
  await Promise.all(
    students.map(async ({ page: p }, i) => {
      watchErrors(p, errors);
      await p.locator('[data-editor-ready="true"]').waitFor();
      const texts = claims[logins[i]!.name]!;
      for (const [n, text] of texts.entries()) await addTopClaim(p, 0, n ? 'con' : 'pro', text);
      await expect(p.getByText('All changes saved')).toBeVisible();
    }),
  );
  // Teammates see who wrote what.
  const bea = students[1]!.page;
  await expect(claimRow(bea, 'Talks need more than goodwill')).toContainText('by Student Cy');
  await Promise.all(students.map((s) => s.context.close()));

  // The dashboard: a row per student with their counts.
  await page.goto(`/assignments/${assignmentId}/dashboard`);
  const table = page.getByTestId('contributions');
  await expect(table.getByRole('rowheader', { name: 'Team 1' })).toBeVisible();
  for (const [name, count] of [
    ['Student Ada', '2'],
    ['Student Bea', '1'],
    ['Student Cy', '1'],
  ] as const) {
    await expect(person(page, name).locator('[data-col="claims"]')).toHaveText(count);
    await expect(person(page, name)).toContainText('just now');
  }
  await expect(person(page, 'Student Bea').locator('[data-col="words"]')).toHaveText('9');
  await expectAccessible(page);
  await screenshots(page, 'classroom-who-did-what');

  // The CSV: a line per student after the works' table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Student,Work,Side,Role,Claims,Quotes,Rebuttals,Comments,Edits,Words');
  // Times in the class's zone (made in the teacher's, Chicago), named in the header.
  expect(csv).toContain(',Last active (America/Chicago)\r\n');
  const at = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d';
  expect(csv).toMatch(new RegExp(`\r\nStudent Ada,Team 1,[^,\r\n]+,member,2,0,0,0,0,11,${at}\r\n`));
  expect(csv).toMatch(new RegExp(`\r\nStudent Cy,Team 1,[^,\r\n]+,member,1,0,0,0,0,5,${at}\r\n`));

  // "In the map" opens the map on Cy's claims; the chooser turns it to Bea's.
  await person(page, 'Student Cy')
    .getByRole('link', { name: /In the map/ })
    .click();
  await page.waitForURL(new RegExp(`/maps/${mapId}\\?author=`));
  await page.locator('[data-editor-ready="true"]').waitFor();
  const author = page.getByLabel('Author', { exact: true });
  await expect(author.locator('option:checked')).toHaveText('Student Cy (1)');
  await expect(page.locator('[data-claim-row][data-dimmed="true"]')).toHaveCount(3);
  await author.selectOption({ label: 'Student Bea (1)' });
  const beas = claimRow(page, 'A joint team is a signal');
  await expect(beas).not.toHaveAttribute('data-dimmed');
  await expect(beas).toContainText('by Student Bea');
  await expect(claimRow(page, 'Talks need more than goodwill')).toHaveAttribute(
    'data-dimmed',
    'true',
  );
  await expectAccessible(page);
  await screenshots(page, 'classroom-map-by-author');
  // On a phone the filter shares its row with the view switch (fewer rows above the first claim).
  const desk = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const views = page.getByRole('group', { name: 'View' });
  const top = async (l: typeof author) => (await l.boundingBox())!.y;
  expect(Math.abs((await top(author)) - (await top(views)))).toBeLessThan(12);
  await expect(author.locator('option:checked')).toHaveText('Student Bea (1)');
  await page.setViewportSize(desk);

  // The same filter in the graph: others' boxes are dimmed; the panel names the author.
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await expect(page.locator('[data-graph-node][data-dimmed="true"]')).toHaveCount(3);
  await page.locator('[data-graph-node]').filter({ hasText: 'A joint team' }).click();
  await expect(page.locator('aside [data-claim-author]')).toHaveText('Written by Student Bea');
  await screenshots(page, 'classroom-graph-by-author');

  expect(errors).toEqual([]);
});
