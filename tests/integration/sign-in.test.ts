import crypto from 'node:crypto';
import type { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_UNDER_ATTACK } from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import { getAuth } from '@/lib/server/auth';
import { requestPasswordReset, signIn, signUp } from '@/lib/server/sign-in';

// Sign-in throttling through the same server functions the sign-in form's action calls, with a
// request scope of our own: each attempt sees the headers of "its" request, as under Next.js
// (where, without a trusted proxy, x-forwarded-for is the socket's address).
vi.mock('next/headers', async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  const scope = new AsyncLocalStorage<Headers>();
  (globalThis as { requestScope?: AsyncLocalStorage<Headers> }).requestScope = scope;
  const jar = { get: () => undefined, getAll: () => [], has: () => false, set() {}, delete() {} };
  return { headers: async () => scope.getStore() ?? new Headers(), cookies: async () => jar };
});
const scope = () => (globalThis as { requestScope?: AsyncLocalStorage<Headers> }).requestScope!;

const PASSWORD = 'correct horse battery';
let ipCounter = 0;
/** A new client address, unused by any other test. */
const newIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
const newEmail = (name: string) => `${name}-${crypto.randomUUID()}@example.org`;

async function newAccount(name = 'owner') {
  const email = newEmail(name);
  await scope().run(new Headers({ 'x-forwarded-for': newIp() }), () =>
    signUp({ name, email, password: PASSWORD }),
  );
  return email;
}

/** One sign-in attempt from `ip`: 'ok', or the code of the error it was refused with. */
async function attempt(email: string, password: string, ip: string): Promise<string> {
  try {
    await scope().run(new Headers({ 'x-forwarded-for': ip }), () => signIn({ email, password }));
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

// Every checked password costs a real hash (scrypt), slow on a busy 2-core machine.
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
    expect(await attempt(email, PASSWORD, newIp())).toBe('ok');
  });

  it('lets the owner in at once while many addresses guess the account', async () => {
    const email = await newAccount();
    const attackers = Array.from({ length: 4 }, newIp);
    const results = await Promise.all(
      attackers.flatMap((ip) => Array.from({ length: 6 }, (_, i) => attempt(email, `g${i}`, ip))),
    );
    // Each address has its guesses checked until the account counts as under attack; from then
    // on, an address that has failed there waits between guesses.
    const checked = count(results, 'INVALID');
    expect(checked).toBeGreaterThanOrEqual(ACCOUNT_UNDER_ATTACK.failures);
    expect(checked).toBeLessThan(4 * 5);
    expect(await attempt(email, PASSWORD, newIp())).toBe('ok');
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
      await scope().run(new Headers({ 'x-forwarded-for': ip }), () =>
        requestPasswordReset({ email }),
      );
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
