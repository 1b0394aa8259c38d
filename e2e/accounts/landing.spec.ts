import { expect, newUser, test } from '../fixtures';
import { addStudents, createAssignment, createClass, signUpTeacher } from '../fixtures/classroom';

// Landing where the work is: after sign-up from the debate, in a new map of it; a teacher on
// their classes; a student of a class on the home page with their assignments.

test('signing up from the debate page lands in a new map of it, once', async ({ page }) => {
  const user = newUser('Student');
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up to build your map' }).click();
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My debate map');
  // The same address again makes no second map.
  await page.goto('/start?new=map');
  await page.waitForURL(/\/maps$/);
  await expect(page.getByRole('link', { name: 'My debate map' })).toHaveCount(1);
});

test('a teacher signing in lands on classes; a managed student on their assignments', async ({
  page,
  browser,
}) => {
  const teacher = newUser('Teacher');
  await signUpTeacher(page, teacher);
  const { classId } = await createClass(page, 'Landing 9B');
  const [login] = await addStudents(page, classId, ['Ana Landing']);
  await createAssignment(page, classId, {
    title: 'Opening statements',
    mode: 'Each student builds their own map',
  });
  const other = await browser.newContext();
  const signIn = await other.newPage();
  await signIn.goto('/sign-in');
  await signIn.getByLabel('Email or username').fill(teacher.email);
  await signIn.getByLabel('Password').fill(teacher.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.waitForURL(/\/classes$/);
  await other.close();

  const student = await browser.newContext();
  const s = await student.newPage();
  await s.goto('/sign-in');
  await s.getByLabel('Email or username').fill(login!.username);
  await s.getByLabel('Password').fill(login!.password);
  await s.getByRole('button', { name: 'Sign in' }).click();
  await s.waitForURL((url) => url.pathname === '/');
  await expect(s.getByRole('heading', { name: 'Your assignments' })).toBeVisible();
  // My maps lists the assignment too, and does not say there are no maps.
  await s.goto('/maps');
  await expect(s.getByRole('link', { name: 'Opening statements', exact: true })).toBeVisible();
  await expect(s.getByRole('link', { name: /Open your map for Opening statements/ })).toBeVisible();
  await expect(s.getByText('No maps of your own yet.')).toBeVisible();
  await student.close();
});
