import { connect } from '../../scripts/fakes/lti-platform.mjs';
import { makeAdmin } from '../fixtures/admin';
import { expect, expectAccessible, newUser, screenshots, signUp, test } from '../fixtures';

// The LMS, end to end: an admin makes a dynamic registration link, the test platform (an LMS
// started by scripts/e2e-server.mjs at E2E_PORT+4) registers the tool with it in an iframe, an
// instructor adds a new team assignment by deep linking, a learner's launch lands in their team's
// map, the teacher releases a grade and the score arrives at the platform's AGS endpoint; a
// forged launch is refused with a page.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const lms = connect(`http://localhost:${PORT + 4}`);

test('register by dynamic registration, deep link, launch, grade back to the LMS', async ({
  page,
  browser,
}) => {
  const run = Date.now().toString(36);
  const course = { id: `course-${run}`, title: 'Civics 9 (LMS)' };

  // The admin makes a one-time registration link.
  const admin = newUser('Admin');
  await signUp(page, admin, '/');
  makeAdmin(admin.email);
  await page.goto('/admin/lti');
  await expect(page.getByRole('heading', { name: 'LMS (LTI 1.3)' })).toBeVisible();
  await page.getByRole('button', { name: 'New registration link' }).click();
  const link = await page.getByLabel(/Registration URL/).inputValue();
  expect(link).toMatch(/\/api\/lti\/register\/[\w-]+$/);
  await expectAccessible(page);
  await screenshots(page, 'lti-admin');

  // The LMS opens it in a frame; the tool registers itself and asks the LMS to close it.
  await page.goto(lms.registerUrl(link, 'iframe'));
  const frame = page.frameLocator('iframe[title="Tool registration"]');
  await expect(
    frame.getByRole('heading', { name: 'Register Counterpoint with your LMS' }),
  ).toBeVisible();
  await frame.getByRole('button', { name: 'Register Counterpoint' }).click();
  await expect(page.getByRole('status')).toContainText('Counterpoint is registered');
  const tools = (await lms.tools()) as { clientId: string; name: string }[];
  const clientId = tools.filter((t) => t.name === 'Counterpoint').at(-1)!.clientId;

  // An instructor adds a new team assignment to the course by deep linking.
  const teacher = { sub: `teacher-${run}`, name: 'Tess Instructor', roles: ['Instructor'] };
  await page.goto(lms.launchUrl({ clientId, user: teacher, context: course, deepLinking: true }));
  await expect(
    page.getByRole('heading', { name: 'Add Counterpoint to your course' }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'lti-deep-link');
  await page.getByLabel('Title').fill('LMS debate');
  // How many teams is asked only for team work.
  await expect(page.getByLabel('Teams (for team work)')).toBeHidden();
  await page.getByLabel('Teams build one map each').check();
  await page.getByLabel('Teams (for team work)').fill('2');
  await page.getByRole('button', { name: 'Make the assignment and add it' }).click();
  await expect(page.getByText('item(s) added to')).toBeVisible();
  const [added] = (await lms.deepLinks({ context_id: course.id })) as {
    ok: boolean;
    items: { custom: Record<string, string>; lineItem?: { scoreMaximum: number } }[];
    resourceLinks: { id: string; lineItemId?: string }[];
  }[];
  expect(added!.ok).toBe(true);
  expect(added!.items[0]!.lineItem?.scoreMaximum).toBe(12);
  const assignmentId = added!.items[0]!.custom.counterpoint_assignment!;
  const resourceLink = added!.resourceLinks[0]!;
  expect(resourceLink.lineItemId).toBeTruthy();

  // A learner opens the activity: signed in, in the class, in their team's map.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = { sub: `learner-${run}`, name: 'Lee Learner', roles: ['Learner'] };
  await learnerPage.goto(
    lms.launchUrl({
      clientId,
      user: learner,
      context: course,
      resourceLink: { id: resourceLink.id },
    }),
  );
  await learnerPage.waitForURL(/\/maps\/[^/]+$/);
  const banner = learnerPage.getByTestId('assignment-banner');
  await expect(banner).toContainText('LMS debate');
  await expect(banner).toContainText('Team 1');

  // A forged launch is refused with a page saying what to do.
  await learnerPage.goto(
    lms.launchUrl({
      clientId,
      user: learner,
      context: course,
      resourceLink: { id: resourceLink.id },
      tamper: 'forged',
    }),
  );
  await expect(
    learnerPage.getByRole('heading', { name: 'The launch could not be verified' }),
  ).toBeVisible();
  await expect(learnerPage.getByRole('heading', { name: 'What to do' })).toBeVisible();
  await expectAccessible(learnerPage);
  await screenshots(learnerPage, 'lti-refused');
  await learnerContext.close();

  // The teacher syncs the class's roster from the LMS (the learner is in it already), then grades
  // Team 1 and releases it: the score arrives at the LMS's line item.
  await page.goto(`/assignments/${assignmentId}`);
  await page.getByRole('link', { name: course.title }).click();
  await page.getByRole('button', { name: 'Sync roster from the LMS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from the LMS' })).toHaveText(
    '0 students added from the LMS, 1 already here.',
  );
  await page.goto(`/assignments/${assignmentId}`);
  await page.getByRole('link', { name: 'Grade Team 1' }).click();
  await page.getByLabel('Evidence (out of 4)').selectOption('3');
  await page.getByLabel('Rebuttals (out of 4)').selectOption('2');
  await page.getByLabel('Clarity (out of 4)').selectOption('4');
  await page.getByRole('button', { name: 'Save grade' }).click();
  await expect(page.getByText(/^Saved .*\d\d:\d\d/)).toBeVisible();
  await page.getByRole('button', { name: 'Release to students' }).click();
  await expect(page.getByTestId('release-status')).toContainText('Released on');
  await expect
    .poll(async () => {
      const scores = (await lms.scores({ context_id: course.id, user_id: learner.sub })) as {
        scoreGiven?: number;
        scoreMaximum?: number;
        gradingProgress?: string;
      }[];
      return scores.at(-1);
    })
    .toMatchObject({ scoreGiven: 9, scoreMaximum: 12, gradingProgress: 'FullyGraded' });
});
