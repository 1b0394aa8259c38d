import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_FROM_NEW_CLIENTS, CLIENT_ON_ACCOUNT } from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import { getAuth } from '@/lib/server/auth';
import { requestPasswordReset, signIn, signUp } from '@/lib/server/sign-in';
import { db } from '../support/factories';
import { Browser, inRequest } from '../support/request-scope';

// Sign-in throttling through the same server functions the sign-in form's action calls, with a
// request scope of our own (tests/support/request-scope.ts): each attempt sees the headers of
// "its" request as proxy.ts hands them on (x-forwarded-for the connection's address, stamped),
// and the cookies of "its" browser.
vi.mock('next/headers', () => import('../support/request-scope'));

const PASSWORD = 'correct horse battery';
let ipCounter = 0;
/** A new client address, unused by any other test. */
const newIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
const newEmail = (name: string) => `${name}-${crypto.randomUUID()}@example.org`;

/** A new account, made from `browser` (which then knows it). */
async function newAccount(name = 'owner', browser = new Browser()) {
  const email = newEmail(name);
  await inRequest({ ip: newIp(), browser }, () => signUp({ name, email, password: PASSWORD }));
  return email;
}

/** One sign-in attempt: 'ok', or the code of the error it was refused with. */
async function attempt(
  email: string,
  password: string,
  ip: string,
  request: { browser?: Browser; proxied?: boolean; headers?: Record<string, string> } = {},
): Promise<string> {
  try {
    await inRequest({ ip, ...request }, () => signIn({ email, password }));
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
const count = (results: string[], code: string) => results.filter((r) => r === code).length;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('sign-in throttling', { timeout: 60_000 }, () => {
  it('checks at most 5 of 20 parallel wrong guesses from one client, and no refused one', async () => {
    const email = await newAccount();
    const checks = vi.spyOn(getAuth().api, 'signInEmail');
    const ip = newIp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(email, `wrong guess ${i}`, ip)),
    );
    expect(count(results, 'INVALID')).toBe(5);
    expect(count(results, 'RATE_LIMITED')).toBe(15);
    expect(checks).toHaveBeenCalledTimes(5);
    // The right password from the same client waits too, and is not checked either.
    expect(await attempt(email, PASSWORD, ip)).toBe('RATE_LIMITED');
    expect(checks).toHaveBeenCalledTimes(5);
  });

  it('lets the owner in at once from another address while one address attacks', async () => {
    const email = await newAccount();
    const attacker = newIp();
    for (let i = 0; i < 20; i++) await attempt(email, `guess ${i}`, attacker);
    expect(await attempt(email, `guess again`, attacker)).toBe('RATE_LIMITED');
    // Five failures from one client leave the account's count for new clients below its limit.
    expect(await attempt(email, PASSWORD, newIp())).toBe('ok');
  });

  it('slows an attacker who rotates addresses, yet lets the owner in on a device they used', async () => {
    const ownerBrowser = new Browser();
    const email = await newAccount('owner', ownerBrowser);
    // A new address for every guess: ten are checked, then every new client waits.
    const results: string[] = [];
    for (let i = 0; i < 30; i++) results.push(await attempt(email, `guess ${i}`, newIp()));
    expect(results.slice(0, ACCOUNT_FROM_NEW_CLIENTS.free)).toEqual(
      Array(ACCOUNT_FROM_NEW_CLIENTS.free).fill('INVALID'),
    );
    expect(count(results, 'INVALID')).toBe(ACCOUNT_FROM_NEW_CLIENTS.free);
    // In parallel too: the count is taken before any password is checked.
    const email2 = await newAccount();
    const parallel = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(email2, `g${i}`, newIp())),
    );
    expect(count(parallel, 'INVALID')).toBe(ACCOUNT_FROM_NEW_CLIENTS.free);
    // The right password from yet another new address is not even checked.
    const checks = vi.spyOn(getAuth().api, 'signInEmail');
    expect(await attempt(email, PASSWORD, newIp())).toBe('RATE_LIMITED');
    expect(checks).not.toHaveBeenCalled();
    // The owner, in the browser that signed up (a known device), gets in at once, from any
    // address, even one the attacker used.
    expect(await attempt(email, PASSWORD, newIp(), { browser: ownerBrowser })).toBe('ok');
    // A browser that signed in once is known too.
    const other = new Browser();
    const email3 = await newAccount();
    expect(await attempt(email3, PASSWORD, newIp(), { browser: other })).toBe('ok');
    for (let i = 0; i < 12; i++) await attempt(email3, `guess ${i}`, newIp());
    expect(await attempt(email3, PASSWORD, newIp())).toBe('RATE_LIMITED');
    expect(await attempt(email3, PASSWORD, newIp(), { browser: other })).toBe('ok');
  });

  it('keeps a known device to its own count: its typos are slowed, others’ guesses are not its', async () => {
    const browser = new Browser();
    const email = await newAccount('owner', browser);
    const ip = newIp();
    // An attacker at the same address (a classmate behind the school's) fails five times.
    for (let i = 0; i < CLIENT_ON_ACCOUNT.free; i++) await attempt(email, `guess ${i}`, ip);
    expect(await attempt(email, PASSWORD, ip)).toBe('RATE_LIMITED');
    expect(await attempt(email, PASSWORD, ip, { browser })).toBe('ok');
    // The device's own failures slow it like any one client on one account.
    for (let i = 0; i < CLIENT_ON_ACCOUNT.free; i++)
      expect(await attempt(email, `typo ${i}`, ip, { browser })).toBe('INVALID');
    expect(await attempt(email, PASSWORD, ip, { browser })).toBe('RATE_LIMITED');
  });

  it('never takes the address from a header the client sent: rotating X-Forwarded-For or prefetch headers buys nothing', async () => {
    const email = await newAccount();
    // What reaches the app when a request did not pass through proxy.ts: the client's own
    // X-Forwarded-For (a new one each time) and a prefetch header, with no stamp (or a forged one).
    const forged: { proxied: boolean; headers: Record<string, string> }[] = [
      { proxied: false, headers: { 'next-router-prefetch': '1' } },
      { proxied: false, headers: { purpose: 'prefetch' } },
      { proxied: false, headers: { 'x-counterpoint-client': 'made-up' } },
    ];
    const results: string[] = [];
    for (let i = 0; i < 12; i++)
      results.push(await attempt(email, `g${i}`, newIp(), forged[i % 3]));
    // All of them count as one client: five are checked, then it waits.
    expect(count(results, 'INVALID')).toBe(CLIENT_ON_ACCOUNT.free);
    expect(results.slice(CLIENT_ON_ACCOUNT.free).every((r) => r === 'RATE_LIMITED')).toBe(true);
    const rows = await db.signInThrottle.findMany({
      where: { key: { contains: email } },
    });
    expect(rows.map((r) => r.key)).toContain(`pair:unknown ${email}`);
    expect(rows.some((r) => r.key.includes('198.51.'))).toBe(false);
  });

  it('slows one address guessing across many accounts, even on an account it never tried', async () => {
    const ip = newIp();
    const results: string[] = [];
    for (let i = 0; i < 20; i++)
      results.push(await attempt(newEmail('sprayed'), 'Summer2026!', ip));
    expect(results.every((r) => r === 'INVALID')).toBe(true);
    const email = await newAccount();
    expect(await attempt(email, PASSWORD, ip)).toBe('RATE_LIMITED');
    expect(await attempt(newEmail('sprayed'), 'Summer2026!', ip)).toBe('RATE_LIMITED');
    // Other addresses are not held up.
    expect(await attempt(email, PASSWORD, newIp())).toBe('ok');
  });

  it('forgets a client’s failures on an account once it signs in there', async () => {
    const email = await newAccount();
    const ip = newIp();
    for (let i = 0; i < 4; i++) expect(await attempt(email, `typo ${i}`, ip)).toBe('INVALID');
    expect(await attempt(email, PASSWORD, ip)).toBe('ok');
    for (let i = 0; i < 5; i++) expect(await attempt(email, `typo ${i}`, ip)).toBe('INVALID');
    expect(await attempt(email, PASSWORD, ip)).toBe('RATE_LIMITED');
  });

  it('behind a trusted proxy, counts the address the proxy saw, not the ones a client claims', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const email = await newAccount();
    const real = newIp();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(email, `guess ${i}`, `${newIp()}, ${real}`)),
    );
    expect(count(results, 'INVALID')).toBe(5);
    expect(await attempt(email, PASSWORD, `${real}, ${newIp()}`)).toBe('ok');
  });
});

describe('password-reset links', { timeout: 60_000 }, () => {
  /** One "forgot password" request from `ip`: 'ok', or the code it was refused with. */
  async function askReset(email: string, ip: string): Promise<string> {
    try {
      await inRequest({ ip }, () => requestPasswordReset({ email }));
      return 'ok';
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
  }

  it('sends a few per address and client, then asks to wait; sign-in and others are unaffected', async () => {
    const email = await newAccount();
    const sent = vi.spyOn(getAuth().api, 'requestPasswordReset');
    const ip = newIp();
    const results: string[] = [];
    for (let i = 0; i < 8; i++) results.push(await askReset(email, ip));
    expect(results.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(count(results, 'RATE_LIMITED')).toBe(3);
    expect(sent).toHaveBeenCalledTimes(5);
    // Someone else asking for their own link, and the owner signing in, are not held up.
    expect(await askReset(await newAccount('other'), newIp())).toBe('ok');
    expect(await attempt(email, PASSWORD, ip)).toBe('ok');
    // An address without an account is answered the same way.
    const nobody = newEmail('nobody');
    const unknown = [];
    for (let i = 0; i < 6; i++) unknown.push(await askReset(nobody, ip));
    expect(unknown).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
  });
});
