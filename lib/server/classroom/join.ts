import 'server-only';
import { JOIN, joinKeys } from '@/lib/domain/sign-in-throttle';
import { AppError } from '@/lib/errors';
import type { Db } from '../db';
import { reserveAttempt, uncountAttempt, waitInWords } from '../throttle';
import { joinClass } from './classes';

/**
 * Joining a class by code, throttled like sign-in (lib/domain/sign-in-throttle.ts, JOIN): every
 * attempt is counted per client and per signed-in account before the code is looked up; a right
 * code takes its count back. After 20 wrong codes from one address (10 from one account) each
 * further attempt waits 15 s, then twice as long each time, up to 15 minutes. A refused attempt
 * looks nothing up, so it says nothing about the code.
 */
export async function joinClassThrottled(
  db: Db,
  opts: { userId: string; code: string; client: string },
): Promise<{ classId: string; alreadyMember: boolean }> {
  const throttle = { policy: JOIN, keys: joinKeys(opts.userId, opts.client) };
  const wait = await reserveAttempt(throttle);
  if (wait.seconds > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many wrong class codes. Wait ${waitInWords(wait.seconds)} and try again.`,
      'code',
    );
  }
  let wrong = false;
  try {
    return await joinClass(db, { userId: opts.userId, code: opts.code });
  } catch (e) {
    wrong = e instanceof AppError && e.code === 'NOT_FOUND' && e.field === 'code';
    throw e;
  } finally {
    // Left counted, a count too high only slows someone down a little: never fail the join.
    if (!wrong) await uncountAttempt(throttle).catch(console.error);
  }
}
