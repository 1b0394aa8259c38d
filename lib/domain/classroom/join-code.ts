import { secureRandomInt, type RandomInt } from './random';

/**
 * A class's join code: typed in any case, with or without its dash, with no letters or digits that
 * look alike (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, 6/G kept apart by dropping 6). Eight characters from
 * 24 give 24^8 ≈ 1.1 × 10^11 codes: with 10,000 classes open at once, a guess finds one with odds
 * of 1 in 11 million, and joining is throttled (lib/domain/sign-in-throttle.ts, JOIN), so guessing
 * a class takes centuries per address (the arithmetic is in the README, "Security and limits").
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(random: RandomInt = secureRandomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A stored code as shown and read aloud: two groups of four, "KX74-QAMT". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a code looks like, for messages. */
export const JOIN_CODE_EXAMPLE = 'KX74-QAMT';

/**
 * What someone typed (any case, with spaces or dashes, or a whole join link), as a stored code;
 * null when it cannot be one.
 */
export function normalizeJoinCode(input: string): string | null {
  const tail = input.trim().split('/').filter(Boolean).pop() ?? '';
  const code = tail.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Whether a stored code is one of this length (codes made before codes grew are replaced). */
export const isCurrentJoinCode = (code: string) => normalizeJoinCode(code) === code;
