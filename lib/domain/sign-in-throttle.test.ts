import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_UNDER_ATTACK,
  activeFailures,
  CLIENT_ANY_ACCOUNT,
  CLIENT_ON_ACCOUNT,
  clientAddress,
  countAttempt,
  delayAfter,
  FORGET_ALL_AFTER_SECONDS,
  secondsUntilAllowed,
  throttleKeys,
  UNKNOWN_CLIENT,
  withFailure,
  type AttemptCounters,
  type Counter,
} from './sign-in-throttle';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const failed = (failures: number, s = 0): Counter => ({ failures, lastFailureAt: at(s) });
const none: AttemptCounters = { clientOnAccount: null, client: null, account: null };

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

describe('sign-in throttle: who waits', () => {
  it('never holds up a client with no failures', () => {
    expect(secondsUntilAllowed(none, at(0))).toBe(0);
  });

  it('slows one client guessing one account, counting down from its last failure', () => {
    const state = { ...none, clientOnAccount: failed(CLIENT_ON_ACCOUNT.free) };
    expect(secondsUntilAllowed(state, at(0))).toBe(15);
    expect(secondsUntilAllowed(state, at(5))).toBe(10);
    expect(secondsUntilAllowed(state, at(15))).toBe(0);
    const worse = { ...none, clientOnAccount: failed(CLIENT_ON_ACCOUNT.free + 3) };
    expect(secondsUntilAllowed(worse, at(0))).toBe(120);
  });

  it('each attempt counted before its check makes the next parallel one wait', () => {
    let counters: AttemptCounters = none;
    let checked = 0;
    for (let i = 0; i < 20; i++) {
      if (secondsUntilAllowed(counters, at(0)) > 0) continue;
      checked += 1;
      counters = countAttempt(counters, at(0));
    }
    expect(checked).toBe(CLIENT_ON_ACCOUNT.free);
    expect(counters.client?.failures).toBe(CLIENT_ON_ACCOUNT.free);
    expect(counters.account?.failures).toBe(CLIENT_ON_ACCOUNT.free);
  });

  it('slows one client guessing across many accounts, even on an account it never tried', () => {
    const state = { ...none, client: failed(CLIENT_ANY_ACCOUNT.free) };
    expect(secondsUntilAllowed(state, at(1))).toBe(14);
    expect(
      secondsUntilAllowed({ ...none, client: failed(CLIENT_ANY_ACCOUNT.free - 1) }, at(0)),
    ).toBe(0);
  });

  it('lets a client with no failures of its own into an account under attack at once', () => {
    const account = failed(10_000);
    expect(secondsUntilAllowed({ ...none, account }, at(0))).toBe(0);
    // A counter for the pair that has drained to nothing counts as no failures.
    const drained = failed(2, -2 * CLIENT_ON_ACCOUNT.forgetOneEverySeconds);
    expect(secondsUntilAllowed({ clientOnAccount: drained, client: null, account }, at(0))).toBe(0);
  });

  it('makes a client that failed on an account under attack wait a short, bounded time', () => {
    const state = {
      clientOnAccount: failed(1),
      client: failed(1),
      account: failed(ACCOUNT_UNDER_ATTACK.failures),
    };
    expect(secondsUntilAllowed(state, at(0))).toBe(ACCOUNT_UNDER_ATTACK.waitSeconds);
    expect(secondsUntilAllowed(state, at(4))).toBe(ACCOUNT_UNDER_ATTACK.waitSeconds - 4);
    expect(secondsUntilAllowed(state, at(ACCOUNT_UNDER_ATTACK.waitSeconds))).toBe(0);
    // The wait runs from the client's own failure: later failures by others do not extend it.
    const busier = { ...state, account: failed(1000, 9) };
    expect(secondsUntilAllowed(busier, at(ACCOUNT_UNDER_ATTACK.waitSeconds))).toBe(0);
    // Not under attack: the free failures stay free.
    const quiet = { ...state, account: failed(ACCOUNT_UNDER_ATTACK.failures - 1) };
    expect(secondsUntilAllowed(quiet, at(0))).toBe(0);
  });

  it('keys the three counters apart', () => {
    const k = throttleKeys('ada@example.org', '203.0.113.7');
    expect(new Set(Object.values(k)).size).toBe(3);
    expect(k.account).not.toContain('203.0.113.7');
    expect(throttleKeys('ada@example.org', '203.0.113.8').clientOnAccount).not.toBe(
      k.clientOnAccount,
    );
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
