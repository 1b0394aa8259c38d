import type { Page } from '@playwright/test';
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

// Marks for review and the bell, in two browsers: the teacher marks a claim in a student's map;
// the student's bell counts it live (no reload), the notification leads to the claim, the student
// resolves the mark; the dashboard counts open marks as it goes.

const CLAIM = 'Sport builds bridges between rivals';
const WHY = 'Which passage says so? Quote it.';

/** The dashboard's open-marks number for the only row, after a fresh read. */
async function openMarks(page: Page, assignmentId: string) {
  await page.goto(`/assignments/${assignmentId}/dashboard`);
  return page.getByTestId('dashboard-row').locator('[data-col="open-marks"]');
}

test('a teacher marks a student’s claim; the student’s bell rings live, leads to the claim, and the mark is resolved', async ({
  page: teacher,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpTeacher(teacher, newUser('Teacher'));
  const { classId } = await createClass(teacher, 'Marks class');
  const [login] = await addStudents(teacher, classId, ['Ada Lovelace']);
  const assignmentId = await createAssignment(teacher, classId, {
    title: 'Olympic thaw',
    mode: 'Each student builds their own map',
  });

  // The student writes a claim in her map, then goes back to her home page.
  const { context, page: student } = await studentBrowser(browser, login!);
  await student.getByRole('link', { name: 'Open your map for Olympic thaw' }).click();
  await student.waitForURL(/\/maps\/[^/]+$/);
  await student.locator('[data-editor-ready="true"]').waitFor();
  await addTopClaim(student, 0, 'pro', CLAIM);
  await expect(student.getByText('All changes saved')).toBeVisible();
  await student.goto('/');
  const bell = student.locator('[data-bell]');
  await expect(bell).toHaveAccessibleName('Notifications');

  // The teacher opens her map from the dashboard and marks the claim from the keyboard (R).
  await expect(await openMarks(teacher, assignmentId)).toHaveText('0');
  await teacher.getByRole('link', { name: `Open map of ${login!.name}` }).click();
  await teacher.locator('[data-editor-ready="true"]').waitFor();
  await claimRow(teacher, CLAIM).focus();
  await teacher.keyboard.press('r');
  const dialog = teacher.getByRole('dialog', { name: 'Mark for review' });
  await expect(dialog.getByRole('radio', { name: /^Unsupported/ })).toBeFocused();
  await dialog.getByRole('radio', { name: /^Needs a quote/ }).check();
  await dialog.getByLabel('Explanation (optional)').fill(WHY);
  await screenshots(teacher, 'mark-dialog');
  await dialog.getByRole('button', { name: 'Mark for review' }).click();
  await expect(dialog).toBeHidden();
  await expect(claimRow(teacher, CLAIM)).toBeFocused();
  await expect(claimRow(teacher, CLAIM).locator('[data-claim-mark="needs-quote"]')).toContainText(
    'Marked: Needs a quote',
  );

  // Her bell counts it, live, on the page she had open.
  await expect(bell.locator('[data-bell-count]')).toHaveText('1');
  await expect(bell).toHaveAccessibleName('Notifications: 1 unread');
  await bell.click();
  const panel = student.getByRole('region', { name: 'Notifications' });
  const item = panel.getByRole('link', { name: /Teacher .* marked your claim/ });
  await expect(item).toContainText(`marked your claim “${CLAIM}”: Needs a quote.`);
  await expect(item).toBeFocused();
  await expectAccessible(student);
  await screenshots(student, 'bell-panel');

  // The notification opens her map at the claim: selected, with the mark and what to do.
  await item.click();
  await student.waitForURL(/\/maps\/[^/?]+\?claim=/);
  await student.locator('[data-editor-ready="true"]').waitFor();
  const row = claimRow(student, CLAIM);
  await expect(row).toBeFocused();
  const mark = row.locator('[data-claim-mark="needs-quote"]');
  await expect(mark).toContainText(WHY);
  await expect(mark).toContainText('Attach the passage of the article it comes from');
  await expect(bell.locator('[data-bell-count]')).toHaveCount(0);
  await screenshots(student, 'marked-claim');
  await expect(await openMarks(teacher, assignmentId)).toHaveText('1');

  // She resolves it; the keyboard stays on her claim.
  await mark.getByRole('button', { name: 'Resolved: Needs a quote' }).click();
  await expect(mark).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(await openMarks(teacher, assignmentId)).toHaveText('0');
  await context.close();
});
