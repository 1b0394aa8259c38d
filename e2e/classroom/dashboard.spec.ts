import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { addTopClaim, expect, expectAccessible, newUser, screenshots, test } from '../fixtures';
import {
  REFRESH_MS,
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
  type StudentLogin,
} from '../fixtures/classroom';

// Through the app's own pages: a teacher sets a team assignment (two teams of one managed student
// each), writes a claim on each team's map, and watches the dashboard as a student adds another.
// Names are long (40 characters, a team's too): every column still fits 1280 px.

const ADA = 'Student Ada Konstantinopoulou-Whitfieldson';
const BEA = 'Student Bea Featherstonehaugh-Marjoribanks';
const TEAM_TWO = 'The Extraordinarily Argumentative Debaters';

const row = (page: Page, name: string) =>
  page.getByTestId('dashboard-row').filter({ has: page.getByRole('rowheader', { name }) });

/** The map id of a work, from its "Open map of …" link on the assignment page. */
async function mapOf(page: Page, work: string) {
  const href = await page.getByRole('link', { name: `Open map of ${work}` }).getAttribute('href');
  return new URL(href!, page.url()).pathname.split('/').pop()!;
}

test('the teacher watches the dashboard fill, sorts, downloads CSV and compares two maps', async ({
  browser,
  page,
}) => {
  const teacher = newUser('Teacher');
  await signUpTeacher(page, teacher);
  const { classId } = await createClass(page, 'Civics 9C');
  const logins = await addStudents(page, classId, [ADA, BEA]);
  const assignmentId = await createAssignment(page, classId, {
    title: 'Olympic thaw',
    mode: 'Teams build one map each',
    teams: 2,
  });
  const [teamOne] = (
    await page
      .getByRole('list', { name: 'Members of Team 1' })
      .getByRole('listitem')
      .locator('> span')
      .allTextContents()
  ).map((t) => t.trim());
  const student = logins.find((l) => l.name === teamOne) as StudentLogin;
  const mapA = await mapOf(page, 'Team 1');
  const mapB = await mapOf(page, 'Team 2');
  await test.step('a long team name', async () => {
    await page.getByRole('button', { name: 'Rename Team 2' }).click();
    await page.getByLabel('Team name').fill(TEAM_TWO);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: TEAM_TWO })).toBeVisible();
  });

  // The teacher (owner of every assignment map) writes one claim on each team's map.
  for (const [mapId, thesis, stance, text] of [
    [mapA, 0, 'pro', 'Sport builds trust between rivals'],
    [mapB, 1, 'con', 'Trust between rivals built by sport is fragile'],
  ] as const) {
    await page.goto(`/maps/${mapId}`);
    await page.locator('[data-editor-ready="true"]').waitFor();
    await addTopClaim(page, thesis, stance, text);
    await expect(page.getByText('All changes saved')).toBeVisible();
  }

  const { context: studentContext, page: studentPage } = await studentBrowser(browser, student);

  // The teacher opens the dashboard: a row per team. Its ten-second refresh runs on a clock the
  // test moves forward (time still flows on its own meanwhile).
  await page.clock.install();
  await page.goto(`/assignments/${assignmentId}/dashboard`);
  await expect(page.getByRole('heading', { name: 'Dashboard: Olympic thaw' })).toBeVisible();
  await expect(page.getByTestId('dashboard-row')).toHaveCount(2);
  const teamOneClaims = row(page, 'Team 1').locator('[data-col="claims"]');
  await expect(teamOneClaims).toHaveText('1');

  // A student adds a claim to their team's map; the dashboard catches up by itself.
  await studentPage.getByRole('link', { name: 'Open your map for Olympic thaw' }).click();
  await studentPage.waitForURL(`**/maps/${mapA}`);
  await studentPage.locator('[data-editor-ready="true"]').waitFor();
  await addTopClaim(studentPage, 0, 'con', 'The games end and the enmity stays');
  await expect(studentPage.getByText('All changes saved')).toBeVisible();
  await page.clock.fastForward(REFRESH_MS);
  await expect(teamOneClaims).toHaveText('2');
  await expect(page.getByTestId('updated-ago')).toContainText('Updated');

  // Sort by claims: most first, then fewest first.
  // The works' table comes first (below it, who did what has a Claims column too).
  const claimsHeader = page.getByRole('columnheader', { name: /^Claims/ }).first();
  await claimsHeader.getByRole('button').click();
  await expect(claimsHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('dashboard-row').first()).toContainText('Team 1');
  await claimsHeader.getByRole('button').press('Enter');
  await expect(claimsHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('dashboard-row').first()).toContainText(TEAM_TWO);

  // CSV: a file with a line per team.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Olympic thaw dashboard.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Name,Students,Side,Claims');
  expect(csv).toMatch(/Team 1,Student [^,]+,[^,]+,2,1,1,0,0,/);
  expect(csv).toContain(TEAM_TWO);
  // Every column fits 1280 px: the table needs no sideways scroll (the Open column was clipped).
  const table = page.getByRole('region', { name: /^Work in this assignment/ });
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(row(page, 'Team 1').getByRole('link', { name: /^Open map/ })).toBeInViewport();

  await expectAccessible(page);
  await screenshots(page, 'classroom-dashboard');

  // Compare the two maps.
  await page.getByLabel('Select Team 1 to compare').check();
  await page.getByLabel(`Select ${TEAM_TWO} to compare`).check();
  await page.getByRole('link', { name: 'Compare the two selected' }).click();
  await page.waitForURL(/\/compare\?a=/);
  await expect(page.getByRole('heading', { name: 'Where they meet' })).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveCount(1);
  await expect(page.getByTestId('meeting')).toContainText('Close wording');
  await expect(page.getByTestId('compared-work')).toHaveCount(2);
  // Team 1's objection has no rebuttal yet.
  await expect(page.getByTestId('unanswered').first()).toContainText('The games end');
  await expectAccessible(page);
  await screenshots(page, 'classroom-compare');

  // The student may open neither page.
  const refused = await studentPage.goto(`/assignments/${assignmentId}/dashboard`);
  expect(refused?.status()).toBe(404);
  const csvRefused = await studentPage.request.get(
    `/api/assignments/${assignmentId}/dashboard.csv`,
  );
  expect(csvRefused.status()).toBe(403);
  await studentContext.close();
});
