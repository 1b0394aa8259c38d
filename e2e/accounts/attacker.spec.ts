import type { Page } from '@playwright/test';
import { expect, newUser, signUp, test } from '../fixtures';

// Tried as an attacker would, against the production build: headers a client can send must not
// change who the server thinks it is talking to.

/** Every POST from `page` (the sign-in action) carries these headers as well. */
async function addHeadersToPosts(page: Page, extra: () => Record<string, string>) {
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    return route.continue({ headers: { ...request.headers(), ...extra() } });
  });
}

let n = 0;
/** A different made-up address (and, in turn, each kind of prefetch header) on every request. */
const rotating = () => {
  n += 1;
  const address = { 'x-forwarded-for': `203.0.113.${(n % 250) + 1}` };
  if (n % 3 === 0) return address;
  return n % 3 === 1
    ? { ...address, 'next-router-prefetch': '1' }
    : { ...address, purpose: 'prefetch' };
};

const WRONG = 'That email and password do not match an account.';
const WAIT = /Too many failed attempts/;

test('rotating X-Forwarded-For and prefetch headers buy no extra guesses; the owner still gets in', async ({
  page,
  browser,
}) => {
  const owner = newUser('Owner');
  await signUp(page, owner);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/');

  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  await addHeadersToPosts(attacker, rotating);
  await attacker.goto('/sign-in');
  await attacker.getByLabel('Email or username').fill(owner.email);
  const outcomes: string[] = [];
  for (let i = 0; i < 8; i++) {
    await attacker.getByLabel('Password').fill(`guess number ${i}`);
    await attacker.getByRole('button', { name: 'Sign in' }).click();
    const message = attacker.getByText(WRONG).or(attacker.getByText(WAIT));
    await expect(message).toBeVisible();
    outcomes.push((await message.textContent()) ?? '');
    // The next answer must be a new one: clear this one by reloading the form.
    await attacker.reload();
    await attacker.getByLabel('Email or username').fill(owner.email);
  }
  // Five guesses are checked, then the real client (whatever headers it sends) must wait.
  expect(outcomes.slice(0, 5).every((o) => o === WRONG)).toBe(true);
  expect(outcomes.slice(5).every((o) => WAIT.test(o))).toBe(true);
  // The right password from the attacker's browser is not even checked now.
  await attacker.getByLabel('Password').fill(owner.password);
  await attacker.getByRole('button', { name: 'Sign in' }).click();
  await expect(attacker.getByText(WAIT)).toBeVisible();
  await expect(attacker).toHaveURL(/sign-in/);
  await attackerContext.close();

  // The owner, in the browser that signed in before, is not locked out.
  await page.goto('/sign-in');
  await page.getByLabel('Email or username').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: on to where their work is.
  await page.waitForURL('**/maps');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
