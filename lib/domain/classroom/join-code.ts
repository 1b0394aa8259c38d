import { secureRandomInt, type RandomInt } from './random';

/**
 * A class's join code: short enough to read off a board, typed in any case, with no letters or
 * digits that look alike (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, 6/G kept apart by dropping 6). 24^6 ≈ 190 million codes.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: RandomInt = secureRandomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

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
