import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FROM_NEW_CLIENTS,
  activeFailures,
  CLIENT_ANY_ACCOUNT,
  CLIENT_ON_ACCOUNT,
  clientAddress,
  countAttempt,
  delayAfter,
  FORGET_ALL_AFTER_SECONDS,
  JOIN,
  JOIN_ACCOUNT,
  JOIN_CLIENT,
  joinKeys,
  KNOWN_DEVICE,
  knownDeviceKeys,
  secondsUntilAllowed,
  SIGN_IN,
  signInKeys,
  UNKNOWN_CLIENT,
  waitFor,
  withFailure,
  type Counter,
  type Counters,
} from './sign-in-throttle';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const failed = (failures: number, s = 0): Counter => ({ failures, lastFailureAt: at(s) });
const none: Counters<typeof SIGN_IN> = { clientOnAccount: null, client: null, account: null };

describe('sign-in throttle: backoff', () => {
  it('lets the first failures through with no wait, then doubles the wait up to a cap', () => {
    for (let f = 0; f < CLIENT_ON_ACCOUNT.free; f++)
      expect(delayAfter(f, CLIENT_ON_ACCOUNT)).toBe(0);
    expect(delayAfter(CLIENT_ON_ACCOUNT.free, CLIENT_ON_ACCOUNT)).toBe(15);
    expect(delayAfter(CLIENT_ON_ACCOUNT.free + 1, CLIENT_ON_ACCOUNT)).toBe(30);
    expect(delayAfter(CLIENT_ON_ACCOUNT.free + 30, CLIENT_ON_ACCOUNT)).toBe(
      CLIENT_ON_ACCOUNT.maxDelaySeconds,
    );
  });

  it('forgets one failure per quiet spell, and everything after a quiet day', () => {
    const every = CLIENT_ON_ACCOUNT.forgetOneEverySeconds;
    expect(activeFailures(failed(6), every, at(every - 1))).toBe(6);
    expect(activeFailures(failed(6), every, at(2 * every))).toBe(4);
    expect(activeFailures(failed(6), every, at(100 * every))).toBe(0);
    expect(activeFailures(failed(1000), 1e9, at(FORGET_ALL_AFTER_SECONDS))).toBe(0);
    expect(activeFailures(null, every, at(0))).toBe(0);
  });

  it('counts a failure on top of what is still remembered', () => {
    const every = CLIENT_ANY_ACCOUNT.forgetOneEverySeconds;
    expect(withFailure(null, every, at(7))).toEqual(failed(1, 7));
    expect(withFailure(failed(10), every, at(3 * every))).toEqual(failed(8, 3 * every));
  });
});

/** A steady attacker trying whenever allowed for `days`: how many attempts get through. */
function steadyRate<P extends typeof SIGN_IN | typeof JOIN>(
  policy: P,
  start: Counters<P>,
  days: number,
): number {
  let counters = start;
  let s = 0;
  let attempts = 0;
  while (s < days * 86_400) {
    const wait = secondsUntilAllowed(policy, counters, at(s));
    if (wait > 0) {
      s += wait;
      continue;
    }
    counters = countAttempt(policy, counters, at(s));
    attempts++;
  }
  return attempts;
}

describe('sign-in throttle: who waits', () => {
  it('never holds up a client with no failures', () => {
    expect(secondsUntilAllowed(SIGN_IN, none, at(0))).toBe(0);
  });

  it('slows one client guessing one account, counting down from its last failure', () => {
    const state = { ...none, clientOnAccount: failed(CLIENT_ON_ACCOUNT.free) };
    expect(secondsUntilAllowed(SIGN_IN, state, at(0))).toBe(15);
    expect(secondsUntilAllowed(SIGN_IN, state, at(5))).toBe(10);
    expect(secondsUntilAllowed(SIGN_IN, state, at(15))).toBe(0);
    const worse = { ...none, clientOnAccount: failed(CLIENT_ON_ACCOUNT.free + 3) };
    expect(secondsUntilAllowed(SIGN_IN, worse, at(0))).toBe(120);
  });

  it('each attempt counted before its check makes the next parallel one wait', () => {
    let counters = none;
    let checked = 0;
    for (let i = 0; i < 20; i++) {
      if (secondsUntilAllowed(SIGN_IN, counters, at(0)) > 0) continue;
      checked += 1;
      counters = countAttempt(SIGN_IN, counters, at(0));
    }
    expect(checked).toBe(CLIENT_ON_ACCOUNT.free);
    expect(counters.client?.failures).toBe(CLIENT_ON_ACCOUNT.free);
    expect(counters.account?.failures).toBe(CLIENT_ON_ACCOUNT.free);
  });

  it('slows one client guessing across many accounts, even on an account it never tried', () => {
    const state = { ...none, client: failed(CLIENT_ANY_ACCOUNT.free) };
    expect(secondsUntilAllowed(SIGN_IN, state, at(1))).toBe(14);
    expect(
      secondsUntilAllowed(SIGN_IN, { ...none, client: failed(CLIENT_ANY_ACCOUNT.free - 1) }, at(0)),
    ).toBe(0);
  });

  it('makes every new client wait once an account has had ten failures from new clients', () => {
    const account = failed(ACCOUNT_FROM_NEW_CLIENTS.free);
    expect(waitFor(SIGN_IN, { ...none, account }, at(0))).toEqual({ seconds: 15, by: 'account' });
    expect(
      secondsUntilAllowed(
        SIGN_IN,
        { ...none, account: failed(ACCOUNT_FROM_NEW_CLIENTS.free - 1) },
        at(0),
      ),
    ).toBe(0);
    // However many addresses: at most one guess per 15 minutes once the wait has grown.
    const day = steadyRate(SIGN_IN, none, 1);
    expect(day).toBeLessThanOrEqual(ACCOUNT_FROM_NEW_CLIENTS.free + 96 + 6);
  });

  it('holds a known device up by its own failures only', () => {
    // A known device's policy has no counter for the client's address or the account at all.
    expect(Object.keys(KNOWN_DEVICE)).toEqual(['device']);
    expect(secondsUntilAllowed(KNOWN_DEVICE, { device: null }, at(0))).toBe(0);
    expect(
      secondsUntilAllowed(KNOWN_DEVICE, { device: failed(CLIENT_ON_ACCOUNT.free) }, at(0)),
    ).toBe(15);
  });

  it('slows wrong join codes per client and per account, and bounds a steady guesser', () => {
    const empty = { client: null, account: null };
    expect(secondsUntilAllowed(JOIN, { ...empty, account: failed(JOIN_ACCOUNT.free) }, at(0))).toBe(
      15,
    );
    expect(secondsUntilAllowed(JOIN, { ...empty, client: failed(JOIN_CLIENT.free) }, at(0))).toBe(
      15,
    );
    // One account from one address: about 96 a day (the README's arithmetic uses 200).
    expect(steadyRate(JOIN, empty, 10) / 10).toBeLessThan(110);
    // One address with a fresh account every time: the client's count alone, under 200 a day.
    let counters = empty as Counters<typeof JOIN>;
    let s = 0;
    let attempts = 0;
    while (s < 10 * 86_400) {
      const wait = secondsUntilAllowed(JOIN, { ...counters, account: null }, at(s));
      if (wait > 0) {
        s += wait;
        continue;
      }
      counters = countAttempt(JOIN, { ...counters, account: null }, at(s));
      attempts++;
    }
    expect(attempts / 10).toBeLessThan(200);
  });

  it('keys the counters apart, per purpose', () => {
    const k = signInKeys('ada@example.org', '203.0.113.7');
    expect(new Set(Object.values(k)).size).toBe(3);
    expect(k.account).not.toContain('203.0.113.7');
    expect(signInKeys('ada@example.org', '203.0.113.8').clientOnAccount).not.toBe(
      k.clientOnAccount,
    );
    const r = signInKeys('ada@example.org', '203.0.113.7', 'reset');
    for (const key of Object.values(r)) expect(Object.values(k)).not.toContain(key);
    expect(knownDeviceKeys('ada@example.org', 'dev1').device).not.toBe(
      knownDeviceKeys('bo@example.org', 'dev1').device,
    );
    const j = joinKeys('user-1', '203.0.113.7');
    for (const key of Object.values(j)) expect(Object.values(k)).not.toContain(key);
  });
});

describe('clientAddress', () => {
  it('without a trusted proxy, takes the one address Next.js records from the socket', () => {
    expect(clientAddress('203.0.113.7', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(null, 0)).toBe(UNKNOWN_CLIENT);
    // A chain can only come from the client (or a proxy nobody said to trust).
    expect(clientAddress('198.51.100.1, 203.0.113.7', 0)).toBe(UNKNOWN_CLIENT);
  });

  it('behind trusted proxies, takes the entry the outermost one added', () => {
    expect(clientAddress('198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('198.51.100.1, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', 2)).toBe('203.0.113.7');
    expect(clientAddress('', 1)).toBe(UNKNOWN_CLIENT);
  });

  it('refuses what is not an address, and drops ports and zones', () => {
    expect(clientAddress('evil', 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress('1.2.3.4.5', 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress('203.0.113.7:5123', 0)).toBe('203.0.113.7');
    expect(clientAddress('[2001:db8::1]:443', 0)).toBe('2001:db8:0:0::/64');
    expect(clientAddress('fe80::1%eth0', 0)).toBe('fe80:0:0:0::/64');
  });

  it('keys IPv6 clients by their /64 network', () => {
    const a = clientAddress('2001:db8:aa:bb:1:2:3:4', 0);
    expect(a).toBe('2001:db8:aa:bb::/64');
    expect(clientAddress('2001:DB8:AA:BB::ffff', 0)).toBe(a);
    expect(clientAddress('2001:0db8:00aa:00bb:0:0:1.2.3.4', 0)).toBe(a);
    expect(clientAddress('2001:db8:aa:bc::1', 0)).not.toBe(a);
    expect(clientAddress('::1', 0)).toBe('0:0:0:0::/64');
  });
});
