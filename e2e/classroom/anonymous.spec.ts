import type { Page } from '@playwright/test';
import { addTopClaim, claimRow, expect, newUser, test } from '../fixtures';
import {
  addStudents,
  createAssignment,
  createClass,
  signUpTeacher,
  studentBrowser,
} from '../fixtures/classroom';

const openComments = async (page: Page, claim: string) => {
  await claimRow(page, claim).locator('[data-claim-text]').click();
  await page.keyboard.press('o');
  return page.getByRole('dialog', { name: 'Comments' });
};

test('in an anonymous assignment the map works under per-map ids: a student’s comment stays theirs, classmates see a pseudonym', async ({
  page: teacher,
  browser,
}) => {
  test.setTimeout(150_000);
  await signUpTeacher(teacher, newUser('Teacher'));
  const { classId } = await createClass(teacher, 'Anonymous class');
  const logins = await addStudents(teacher, classId, ['Ada Lovelace', 'Bea Bishop']);
  await createAssignment(teacher, classId, {
    title: 'Anonymous debate',
    mode: 'The whole class builds one map',
    anonymous: true,
  });
  const [ada, bea] = (await Promise.all(logins.map((l) => studentBrowser(browser, l)))).map(
    (s) => s.page,
  ) as [Page, Page];
  for (const student of [ada, bea]) {
    await student.getByRole('link', { name: 'Open your map for Anonymous debate' }).click();
    await student.waitForURL(/\/maps\/[^/]+$/);
    await student.locator('[data-editor-ready="true"]').waitFor();
  }

  await addTopClaim(ada, 0, 'pro', 'Sport builds bridges');
  let panel = await openComments(ada, 'Sport builds bridges');
  await panel.getByLabel('New comment').fill('My own point');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Edit your comment' })).toBeVisible();
  // Loaded again from the server, whose ids for her are pseudonymous: still hers.
  await ada.reload();
  await ada.locator('[data-editor-ready="true"]').waitFor();
  panel = await openComments(ada, 'Sport builds bridges');
  await expect(panel.getByRole('button', { name: 'Edit your comment' })).toBeVisible();

  // Her classmate sees the comment and her presence under a pseudonym, never her name.
  await expect(claimRow(bea, 'Sport builds bridges')).toBeVisible({ timeout: 10_000 });
  await expect(bea.getByTestId('presence')).not.toContainText('Ada');
  const seen = await openComments(bea, 'Sport builds bridges');
  await expect(seen).toContainText('My own point');
  await expect(seen).not.toContainText('Ada');
  await expect(seen.getByRole('button', { name: 'Edit your comment' })).toHaveCount(0);
  // What her page receives carries a per-map id for Ada, not her account id.
  const mapId = new URL(bea.url()).pathname.split('/').pop()!;
  const view = (await (await bea.request.get(`/api/maps/${mapId}`)).json()) as {
    comments: { authorId: string }[];
  };
  expect(view.comments.map((c) => c.authorId)).toEqual([expect.stringMatching(/^anon-/)]);
});
