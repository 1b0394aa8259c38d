import { z } from 'zod';
import { isWellFormed } from '@/lib/domain/text';

/**
 * The one schema for ids and link tokens that arrive in requests (server actions, JSON routes,
 * operations). Ids are made by the app or the browser (uuids, cuids, seed slugs) and tokens are
 * base64url: printable ASCII without spaces. Anything else (a lone surrogate, a control
 * character, an emoji) is refused here with a clear message, before it reaches a query, where it
 * used to fail as "something went wrong" or a 500.
 */
const PRINTABLE = /^[\x21-\x7e]+$/;

export const BAD_ID = 'That id is not valid (it has characters no id of this app has).';
export const BAD_TOKEN = 'This link is not valid.';

/** An id of a record: 1 to 64 printable ASCII characters. */
export const recordId = z
  .string('An id is missing.')
  .min(1, 'An id is missing.')
  .max(64, BAD_ID)
  .regex(PRINTABLE, BAD_ID);

/** A link or reset token of `min` to `max` printable ASCII characters. */
export const linkToken = (min: number, max: number, incomplete = 'This link is incomplete.') =>
  z.string(BAD_TOKEN).min(min, incomplete).max(max, BAD_TOKEN).regex(PRINTABLE, BAD_TOKEN);

/**
 * Whether an id or a token taken from a URL (a path segment, `?link=`) can be one of this app's:
 * anything else is answered as unknown (404) before it reaches a query, where PostgreSQL would
 * fail on a NUL character with a 500.
 */
export const isRecordId = (value: string) => recordId.safeParse(value).success;
export const isLinkToken = (value: string) => linkToken(1, 100).safeParse(value).success;

/** Refused: input anywhere in which a string (or a key) is not well-formed text. */
export const ILL_FORMED_INPUT =
  'Part of what was sent has a broken character in it (half of an emoji or symbol), so nothing was saved. Delete it and type it again.';

/**
 * Whether any string in a parsed request (JSON or a server action's arguments), key or value, has
 * a lone surrogate. Walks at most `budget` values without recursion; deeper or larger input is
 * left to its schema, which bounds it anyway.
 */
export function hasIllFormedText(input: unknown, budget = 100_000): boolean {
  const stack: unknown[] = [input];
  while (stack.length > 0 && budget-- > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return true;
    } else if (Array.isArray(value)) {
      // One at a time: spreading a long list into push() would overflow the call stack.
      for (let i = 0; i < value.length && i < budget; i++) stack.push(value[i]);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!isWellFormed(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}
