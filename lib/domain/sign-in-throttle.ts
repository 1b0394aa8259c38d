import { isIP } from 'node:net';

/**
 * Slowing down guessing (passwords, reset requests, class join codes) without letting anyone lock
 * an owner out.
 *
 * Each kind of attempt is counted on a few counters, each with a backoff rule (a Policy): a few
 * failures are free, then each further attempt waits twice as long as the last, up to a cap. An
 * attempt waits for the longest of its counters. Counts drain by themselves: each forgets one
 * failure per quiet spell.
 *
 * Sign-in from a client the account has not seen sign in before (SIGN_IN) is counted per client
 * on the account (client = IP address), per client across all accounts, and per account across
 * all such clients: whoever rotates addresses still meets the per-account count, and after ten
 * failures from new clients together every new client waits. A browser that signed in to the
 * account before carries a signed "known device" cookie (lib/server/known-device.ts); its
 * attempts are counted on that device alone (KNOWN_DEVICE), so guesses from elsewhere, even from
 * the same address, never keep the owner out there.
 */

export interface Counter {
  failures: number;
  lastFailureAt: Date;
}

export interface BackoffRule {
  /** Failures that cost no wait. */
  free: number;
  /** The wait after the first failure past the free ones; it doubles with each further one. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** One failure is forgotten per this many seconds without a new one. */
  forgetOneEverySeconds: number;
}

/** One client guessing one account (or one known device on its account): slowed hard. */
export const CLIENT_ON_ACCOUNT: BackoffRule = {
  free: 5,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  forgetOneEverySeconds: 15 * 60,
};

/**
 * One client guessing across accounts (password spraying). Generous, because a classroom behind
 * one school address shares it, and drains fast enough that a day of typos never adds up.
 */
export const CLIENT_ANY_ACCOUNT: BackoffRule = {
  free: 20,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  forgetOneEverySeconds: 5 * 60,
};

/**
 * One account guessed from clients it has not seen sign in, all together: however many addresses
 * an attacker rotates through, ten failures are free, then every new client waits, doubling up to
 * 15 minutes. At the cap the count drains by one per wait, so a steady attacker gets one guess per
 * 15 minutes (96 a day) on the account.
 */
export const ACCOUNT_FROM_NEW_CLIENTS: BackoffRule = {
  free: 10,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  forgetOneEverySeconds: 15 * 60,
};

/** Wrong join codes from one client, across accounts (a classroom behind one address shares it). */
export const JOIN_CLIENT: BackoffRule = {
  free: 20,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  forgetOneEverySeconds: 5 * 60,
};

/** Wrong join codes from one signed-in account, from any client. */
export const JOIN_ACCOUNT: BackoffRule = {
  free: 10,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  forgetOneEverySeconds: 15 * 60,
};

/** Which counters an attempt is counted on, each with its rule. */
export type Policy = Record<string, BackoffRule>;

/** Sign-in (and reset-link requests) from a client that has not signed in to the account before. */
export const SIGN_IN = {
  clientOnAccount: CLIENT_ON_ACCOUNT,
  client: CLIENT_ANY_ACCOUNT,
  account: ACCOUNT_FROM_NEW_CLIENTS,
} satisfies Policy;

/** Sign-in from a browser that signed in to the account before: that device's own count only. */
export const KNOWN_DEVICE = { device: CLIENT_ON_ACCOUNT } satisfies Policy;

/** Joining a class by code: per client and per signed-in account. */
export const JOIN = { client: JOIN_CLIENT, account: JOIN_ACCOUNT } satisfies Policy;

/**
 * Wrong current passwords on the settings page, per account: someone who has a signed-in browser
 * but not the password gets no more guesses there than at the sign-in form.
 */
export const CHANGE_PASSWORD = { account: CLIENT_ON_ACCOUNT } satisfies Policy;

/** The storage key of the CHANGE_PASSWORD counter of an account (by id). */
export const changePasswordKeys = (
  userId: string,
): Record<keyof typeof CHANGE_PASSWORD, string> => ({
  account: `change-password:${userId}`,
});

/** Counters quiet this long are 0 under every rule above, and can be deleted. */
export const FORGET_ALL_AFTER_SECONDS = 24 * 60 * 60;

/** The counters that decide one attempt under a policy (null: no failure recorded). */
export type Counters<P extends Policy> = { [K in keyof P]: Counter | null };

const secondsSince = (c: Counter, now: Date) => (now.getTime() - c.lastFailureAt.getTime()) / 1000;

/** How long to wait after the given number of failures under a rule. */
export function delayAfter(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** (failures - rule.free));
}

/** The failures that still count at `now`: one is forgotten per quiet `forgetOneEverySeconds`. */
export function activeFailures(
  counter: Counter | null,
  forgetOneEverySeconds: number,
  now: Date,
): number {
  if (!counter) return 0;
  const quiet = Math.max(0, secondsSince(counter, now));
  if (quiet >= FORGET_ALL_AFTER_SECONDS) return 0;
  return Math.max(0, counter.failures - Math.floor(quiet / forgetOneEverySeconds));
}

/** A counter with one more failure at `now` (what is stored before the attempt is checked). */
export function withFailure(
  counter: Counter | null,
  forgetOneEverySeconds: number,
  now: Date,
): Counter {
  return { failures: activeFailures(counter, forgetOneEverySeconds, now) + 1, lastFailureAt: now };
}

function backoffWait(counter: Counter | null, rule: BackoffRule, now: Date): number {
  if (!counter || activeFailures(counter, rule.forgetOneEverySeconds, now) === 0) return 0;
  return delayAfter(counter.failures, rule) - secondsSince(counter, now);
}

/**
 * Seconds until the attempt may go ahead (0: now), and the counter that holds it up longest.
 * Counters of other policies are never consulted: a known device is held up by nothing but its
 * own failures.
 */
export function waitFor<P extends Policy>(
  policy: P,
  counters: Counters<P>,
  now: Date,
): { seconds: number; by: keyof P | null } {
  let seconds = 0;
  let by: keyof P | null = null;
  for (const name of Object.keys(policy) as (keyof P & string)[]) {
    const wait = backoffWait(counters[name], policy[name]!, now);
    if (wait > seconds) [seconds, by] = [wait, name];
  }
  return { seconds: Math.max(0, Math.ceil(seconds)), by: seconds > 0 ? by : null };
}

/** Seconds until the attempt may go ahead; 0 when it may (and its password or code be checked). */
export function secondsUntilAllowed<P extends Policy>(
  policy: P,
  counters: Counters<P>,
  now: Date,
): number {
  return waitFor(policy, counters, now).seconds;
}

/**
 * The counters after one more attempt, written before it is checked: parallel attempts each see
 * the ones before them. A right password (or code) takes its count back afterwards.
 */
export function countAttempt<P extends Policy>(
  policy: P,
  counters: Counters<P>,
  now: Date,
): { [K in keyof P]: Counter } {
  const out = {} as { [K in keyof P]: Counter };
  for (const name of Object.keys(policy) as (keyof P & string)[])
    out[name] = withFailure(counters[name], policy[name]!.forgetOneEverySeconds, now);
  return out;
}

/** What is counted: 'sign-in' attempts, or requests for a password-reset link. */
export type Purpose = 'sign-in' | 'reset';
// Password-reset requests are counted apart: asking for links never costs sign-in attempts.
const prefix = (purpose: Purpose) => (purpose === 'reset' ? 'reset-' : '');

/** The storage keys of the SIGN_IN counters for an attempt on `account` from `client`. */
export function signInKeys(
  account: string,
  client: string,
  purpose: Purpose = 'sign-in',
): Record<keyof typeof SIGN_IN, string> {
  const p = prefix(purpose);
  return {
    clientOnAccount: `${p}pair:${client} ${account}`,
    client: `${p}ip:${client}`,
    account: `${p}account:${account}`,
  };
}

/** The storage key of the KNOWN_DEVICE counter: that device on that account. */
export function knownDeviceKeys(
  account: string,
  deviceId: string,
  purpose: Purpose = 'sign-in',
): Record<keyof typeof KNOWN_DEVICE, string> {
  return { device: `${prefix(purpose)}device:${deviceId} ${account}` };
}

/** The storage keys of the JOIN counters: the client, and the signed-in account (by id). */
export function joinKeys(userId: string, client: string): Record<keyof typeof JOIN, string> {
  return { client: `join-ip:${client}`, account: `join-account:${userId}` };
}

/** The key shared by every request whose client address cannot be told. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address from `x-forwarded-for`. Behind `trustedProxies` proxies that each append
 * the address they were reached from, that is the entry that many places from the right (what the
 * outermost trusted proxy saw; entries left of it are the client's own claims). With no trusted
 * proxy, Next.js sets the header to the socket's address, but only when the request has none: a
 * client's own header is dropped before Next.js sees it (proxy.ts, lib/client-address.ts), or the
 * client would pick its address. A chain of addresses then gets UNKNOWN_CLIENT. IPv6 addresses are keyed by their /64 network,
 * which one household or server usually holds whole.
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const pick =
    trustedProxies > 0
      ? hops[Math.max(0, hops.length - trustedProxies)]
      : hops.length === 1
        ? hops[0]
        : undefined;
  return (pick && normalizeAddress(pick)) ?? UNKNOWN_CLIENT;
}

function normalizeAddress(raw: string): string | null {
  let a = raw;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1]!;
  const version = isIP(a);
  if (version === 4) return a;
  if (version === 6) return `${ipv6Groups(a).slice(0, 4).join(':')}::/64`;
  return null;
}

/** The eight 16-bit groups of a valid IPv6 address, as lower-case hex without leading zeros. */
function ipv6Groups(a: string): string[] {
  let text = a;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
