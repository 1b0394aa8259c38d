import { isIP } from 'node:net';

/**
 * Slowing down password guessing without letting anyone lock an owner out.
 *
 * Failed sign-ins are counted three ways: per client on an account (client = IP address), per
 * client across all accounts, and per account across all clients. The first two refuse attempts:
 * a few failures are free, then each further attempt waits twice as long as the last, up to a
 * cap. The per-account count never refuses a client that has not failed on that account itself
 * (so guesses from elsewhere cannot keep the owner out); while an account is under attack it only
 * makes clients that have failed on it wait a short, fixed time between their own attempts.
 * Counts drain by themselves: each forgets one failure per quiet spell.
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

/** One client guessing one account: slowed hard. */
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

/** One account guessed from anywhere: a short, bounded wait, only for clients that failed on it. */
export const ACCOUNT_UNDER_ATTACK = {
  /** Failures on the account, from all clients together, that mark it as under attack. */
  failures: 10,
  /** The wait after each of a client's own failures on an account under attack. */
  waitSeconds: 10,
  forgetOneEverySeconds: 60,
};

/** Counters quiet this long are 0 under every rule above, and can be deleted. */
export const FORGET_ALL_AFTER_SECONDS = 24 * 60 * 60;

/** The counters that decide one attempt (null: no failure recorded). */
export interface AttemptCounters {
  clientOnAccount: Counter | null;
  client: Counter | null;
  account: Counter | null;
}

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

/** A counter with one more failure at `now` (what is stored before the password is checked). */
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
 * Seconds until this client may try this account again; 0 when the attempt may go ahead (and its
 * password be checked). A client with no failures of its own on the account is held up only by
 * its failures on other accounts, never by other clients' failures.
 */
export function secondsUntilAllowed(counters: AttemptCounters, now: Date): number {
  const { clientOnAccount, client, account } = counters;
  let wait = Math.max(
    backoffWait(clientOnAccount, CLIENT_ON_ACCOUNT, now),
    backoffWait(client, CLIENT_ANY_ACCOUNT, now),
  );
  const ownFailures = activeFailures(clientOnAccount, CLIENT_ON_ACCOUNT.forgetOneEverySeconds, now);
  const underAttack =
    activeFailures(account, ACCOUNT_UNDER_ATTACK.forgetOneEverySeconds, now) >=
    ACCOUNT_UNDER_ATTACK.failures;
  if (clientOnAccount && ownFailures > 0 && underAttack) {
    wait = Math.max(wait, ACCOUNT_UNDER_ATTACK.waitSeconds - secondsSince(clientOnAccount, now));
  }
  return Math.max(0, Math.ceil(wait));
}

/**
 * The counters after one more attempt, written before its password is checked: parallel guesses
 * each see the ones before them. A right password takes its own count back afterwards.
 */
export function countAttempt(
  counters: AttemptCounters,
  now: Date,
): Record<keyof AttemptCounters, Counter> {
  return {
    clientOnAccount: withFailure(
      counters.clientOnAccount,
      CLIENT_ON_ACCOUNT.forgetOneEverySeconds,
      now,
    ),
    client: withFailure(counters.client, CLIENT_ANY_ACCOUNT.forgetOneEverySeconds, now),
    account: withFailure(counters.account, ACCOUNT_UNDER_ATTACK.forgetOneEverySeconds, now),
  };
}

/** The storage keys of the three counters for an attempt. */
export function throttleKeys(
  email: string,
  client: string,
  purpose: 'sign-in' | 'reset' = 'sign-in',
) {
  // Password-reset requests are counted apart: asking for links never costs sign-in attempts.
  const p = purpose === 'reset' ? 'reset-' : '';
  return {
    clientOnAccount: `${p}pair:${client} ${email}`,
    client: `${p}ip:${client}`,
    account: `${p}account:${email}`,
  };
}

/** The key shared by every request whose client address cannot be told. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address from `x-forwarded-for`. Behind `trustedProxies` proxies that each append
 * the address they were reached from, that is the entry that many places from the right (what the
 * outermost trusted proxy saw; entries left of it are the client's own claims). With no trusted
 * proxy, Next.js sets the header to the socket's address, but only when the request has none: a
 * client's own header must be dropped before Next.js sees it, or the client picks its address. A
 * chain of addresses then gets UNKNOWN_CLIENT. IPv6 addresses are keyed by their /64 network,
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
