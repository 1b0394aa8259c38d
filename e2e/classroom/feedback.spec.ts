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

// Through the app's own pages: a teacher sets a whole-class assignment for a class of one managed
// student, comments and grades privately, releases, and the student sees it on the class map.

const WORK = 'Whole class';

test('the teacher grades privately, releases, and the student sees it on their map', async ({
  browser,
  page,
}) => {
  const teacher = newUser('Teacher');
  await signUpTeacher(page, teacher);
  const { classId } = await createClass(page, 'Civics 9B');
  const [login] = await addStudents(page, classId, ['Student Ada']);
  const assignmentId = await createAssignment(page, classId, {
    title: 'Opening case',
    mode: 'The whole class builds one map',
    instructions: 'Build the strongest case for your side. Anchor every claim in the article.',
  });
  const workHref = await page.getByRole('link', { name: `Grade ${WORK}` }).getAttribute('href');
  const workId = workHref!.split('/').pop()!;
  const mapHref = await page
    .getByRole('link', { name: `Open map of ${WORK}` })
    .getAttribute('href');
  const mapId = new URL(mapHref!, page.url()).pathname.split('/').pop()!;

  // The teacher, owner of the class map, writes its first claim.
  const claimText = 'Sport builds trust between rivals';
  await page.goto(`/maps/${mapId}`);
  await page.locator('[data-editor-ready="true"]').waitFor();
  await addTopClaim(page, 0, 'pro', claimText);
  await expect(page.getByText('All changes saved')).toBeVisible();

  // The student opens the map from their home page in one click.
  const { context: studentContext, page: studentPage } = await studentBrowser(browser, login!);
  await studentPage.getByRole('link', { name: 'Open your map for Opening case' }).click();
  await studentPage.waitForURL(`**/maps/${mapId}`);

  // The teacher leaves a first note from the editor: select the claim, + Feedback.
  await page.reload();
  await page.locator('[data-editor-ready="true"]').waitFor();
  await expect(page.getByTestId('assignment-banner')).toContainText(
    'Your feedback is private: students cannot see it yet.',
  );
  await claimRow(page, claimText).click();
  await page.getByRole('button', { name: `Add teacher feedback on: ${claimText}` }).click();
  await page.getByLabel('Teacher feedback (private until you release it)').fill('Good start.');
  await page.getByRole('button', { name: 'Save feedback' }).click();
  await expect(claimRow(page, claimText).getByTestId('claim-teacher-feedback')).toContainText(
    'private: not released yet',
  );

  // The student rates the claim; the teacher, with the map open, sees the vote arrive live.
  await studentPage.locator('[data-editor-ready="true"]').waitFor();
  const row = claimRow(studentPage, claimText);
  // Only the selected claim offers this person's own rating (the tally shows on every row).
  await expect(row.getByLabel(/Your rating/)).toHaveCount(0);
  await row.locator('[data-claim-text]').click();
  await row.getByLabel(/Your rating/).selectOption('3');
  await expect(row.getByTestId('impact-tally')).toHaveText('Class impact: 3.0 / 4 (1 vote)');
  await expect(claimRow(page, claimText).getByTestId('impact-tally')).toHaveText(
    'Class impact: 3.0 / 4 (1 vote)',
  );

  // The teacher grades: claim feedback, scores, overall feedback; all private.
  await page.goto(`/assignments/${assignmentId}/work/${workId}`);
  await expect(page.getByRole('heading', { name: `Grade: ${WORK}` })).toBeVisible();
  await expect(page.getByTestId('release-status')).toHaveText(
    'Private: students cannot see this yet.',
  );
  await page.getByRole('button', { name: `Add feedback on: ${claimText}` }).click();
  await page.getByLabel(/Feedback on:/).fill('Which passage says so? Quote it.');
  await page.getByRole('button', { name: 'Save feedback' }).click();
  await expect(page.getByText('Which passage says so? Quote it.')).toBeVisible();
  await page.getByLabel('Evidence (out of 4)').selectOption('3');
  await page.getByLabel('Rebuttals (out of 4)').selectOption('2');
  await page.getByLabel('Clarity (out of 4)').selectOption('4');
  await expect(page.getByText('Total: 9 / 12')).toBeVisible();
  await page.getByLabel('Overall feedback').fill('A clear opening. Answer the sanctions point.');
  await page.getByRole('button', { name: 'Save grade' }).click();
  // When, in the teacher's zone and named ("Saved Mon 7 Dec 2026, 05:20 UTC.").
  await expect(page.getByText(/^Saved /)).toHaveText(
    /^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d [A-Z][\w+:-]*\.$/,
  );
  await expectAccessible(page);
  await screenshots(page, 'classroom-grading');

  // The student sees the assignment but none of the private feedback.
  await studentPage.reload();
  await studentPage.locator('[data-editor-ready="true"]').waitFor();
  const banner = studentPage.getByTestId('assignment-banner');
  await expect(banner).toContainText('Opening case');
  await expect(banner).toContainText('The whole class builds this map together.');
  await expect(studentPage.getByTestId('released-grade')).toHaveCount(0);
  await expect(studentPage.getByTestId('claim-teacher-feedback')).toHaveCount(0);
  await expect(studentPage.getByText('Which passage says so?')).toHaveCount(0);
  await expect(studentPage.getByText('Good start.')).toHaveCount(0);

  // The teacher releases; the student sees the grade and the claim feedback.
  await page.getByRole('button', { name: 'Release to students' }).click();
  await expect(page.getByTestId('release-status')).toContainText('Released on');
  await studentPage.reload();
  await studentPage.locator('[data-editor-ready="true"]').waitFor();
  await expect(studentPage.getByTestId('released-grade')).toContainText('9 / 12');
  await expect(studentPage.getByTestId('released-grade')).toContainText(
    'Answer the sanctions point.',
  );
  const notes = claimRow(studentPage, claimText).getByTestId('claim-teacher-feedback');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toContainText('Good start.');
  await expect(notes.nth(1)).toContainText('Which passage says so? Quote it.');
  await expect(claimRow(studentPage, claimText).getByTestId('impact-tally')).toContainText(
    '1 vote',
  );
  await expectAccessible(studentPage);
  await screenshots(studentPage, 'classroom-assignment-map');
  // The graph's side panel shows the same votes and feedback for the selected box.
  await studentPage.getByRole('button', { name: 'Graph', exact: true }).click();
  await studentPage.locator('[data-graph-node]').filter({ hasText: claimText }).click();
  const extras = studentPage.locator('[data-graph-extras]');
  await expect(extras.getByTestId('claim-teacher-feedback')).toHaveCount(2);
  await expect(extras.getByTestId('impact-tally')).toContainText('1 vote');
  await studentPage.getByRole('button', { name: 'Outline', exact: true }).click();

  // The rubric page lists the work as graded and released; the student may not open it.
  await page.goto(`/assignments/${assignmentId}/rubric`);
  await expect(page.getByRole('link', { name: `Grade ${WORK}` })).toBeVisible();
  await expect(page.getByText('9 / 12 · 2 claim notes')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'classroom-rubric');

  // A rubric change says what it does to the scores given, asks, and undoes cleanly.
  await test.step('rubric change', async () => {
    await page.getByRole('button', { name: 'Remove criterion Evidence' }).click();
    const change = page.getByTestId('rubric-change');
    await expect(change).toContainText(
      '1 graded work has a score for “Evidence”, which no longer counts; it is kept, and counts again if you add “Evidence” back.',
    );
    await expect(change).toContainText('1 released grade changes for its students at once.');
    await screenshots(page, 'classroom-rubric-change');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page
      .getByRole('dialog', { name: 'Save the rubric?' })
      .getByRole('button', { name: 'Save rubric' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Rubric saved.' })).toContainText(
      'which no longer counts',
    );
    await expect(page.getByText('6 / 8 · 2 claim notes')).toBeVisible();
    await page.getByRole('button', { name: /^Add back “Evidence”/ }).click();
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page
      .getByRole('dialog', { name: 'Save the rubric?' })
      .getByRole('button', { name: 'Save rubric' })
      .click();
    await expect(page.getByText('9 / 12 · 2 claim notes')).toBeVisible();
  });
  const refused = await studentPage.goto(`/assignments/${assignmentId}/work/${workId}`);
  expect(refused?.status()).toBe(404);
  await studentContext.close();
});
