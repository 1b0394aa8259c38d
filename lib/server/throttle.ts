import 'server-only';
import {
  countAttempt,
  FORGET_ALL_AFTER_SECONDS,
  waitFor,
  type Counters,
  type Policy,
} from '@/lib/domain/sign-in-throttle';
import { db } from './db';
import { lockNames } from './locks';

/**
 * The throttle counters in the database (SignInThrottle rows), for every policy of
 * lib/domain/sign-in-throttle.ts: sign-in, reset-link requests and joining a class.
 */

/** An attempt's policy and the storage key of each of its counters. */
export interface Throttled<P extends Policy = Policy> {
  policy: P;
  keys: Record<keyof P, string>;
}

/**
 * Counts the attempt against its counters, in one transaction, unless it must wait; returns the
 * wait in seconds (0: go ahead) and the counter that holds it up. Parallel attempts, from any app
 * server on the database, must see each other's counts: SQLite runs the transaction with the
 * write lock held from its first statement (BEGIN IMMEDIATE); on PostgreSQL it first locks the
 * counters' names (they may have no row yet, so `FOR UPDATE` would not do).
 */
export async function reserveAttempt<P extends Policy>({
  policy,
  keys,
}: Throttled<P>): Promise<{ seconds: number; by: keyof P | null }> {
  const names = Object.keys(policy) as (keyof P & string)[];
  const all = names.map((n) => keys[n]);
  return db.$transaction(async (tx) => {
    await lockNames(tx, all);
    // Read the clock inside: a transaction waiting its turn must not count from before the others.
    const now = new Date();
    const rows = await tx.signInThrottle.findMany({ where: { key: { in: all } } });
    const counters = {} as Counters<P>;
    for (const n of names) counters[n] = rows.find((r) => r.key === keys[n]) ?? null;
    const wait = waitFor(policy, counters, now);
    if (wait.seconds > 0) return wait;
    const counted = countAttempt(policy, counters, now);
    for (const n of names) {
      const { failures, lastFailureAt } = counted[n];
      await tx.signInThrottle.upsert({
        where: { key: keys[n] },
        create: { key: keys[n], failures, lastFailureAt },
        update: { failures, lastFailureAt },
      });
    }
    const forgotten = new Date(now.getTime() - FORGET_ALL_AFTER_SECONDS * 1000);
    await tx.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: forgotten } } });
    return wait;
  });
}

/**
 * Takes back the count of an attempt that turned out not to be a wrong guess. The counters named
 * in `clear` are deleted instead (a right password clears that client's failures on the account:
 * typos by someone who knows it), never the broader ones: signing in to one's own account must not
 * wipe a record of guessing at others.
 */
export async function uncountAttempt<P extends Policy>(
  { keys }: Throttled<P>,
  clear: (keyof P)[] = [],
): Promise<void> {
  const all = Object.values(keys) as string[];
  // Names the policy has no counter for are ignored.
  const cleared = clear.map((n) => keys[n]).filter((k): k is string => typeof k === 'string');
  const taken = all.filter((k) => !cleared.includes(k));
  await db.$transaction(async (tx) => {
    await lockNames(tx, all);
    await tx.signInThrottle.updateMany({
      where: { key: { in: taken }, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    });
    await tx.signInThrottle.deleteMany({
      where: { OR: [{ key: { in: cleared } }, { key: { in: all }, failures: { lte: 0 } }] },
    });
  });
}

const inWords = (seconds: number) => {
  const [n, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
};
export { inWords as waitInWords };
