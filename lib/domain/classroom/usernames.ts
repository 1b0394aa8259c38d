import { secureRandomInt, type RandomInt } from './random';

/** Limits that better-auth's username plugin enforces too (lib/server/auth.ts). */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 30;
/** better-auth's default username rule; usernames are stored lower-cased. */
export const USERNAME_PATTERN = /^[a-z0-9_.]+$/;

/**
 * The readable start of a managed student's username, from their name: the first name and the
 * first letter of the last one, letters and digits only, accents dropped ("Zoë Martín-Ruiz" →
 * "zoem"); "student" when nothing usable is left.
 */
export function usernameBase(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  if (words.length === 0) return 'student';
  const first = words[0]!.slice(0, 12);
  const base = words.length > 1 ? first + words[words.length - 1]![0] : first;
  return base.length >= 2 ? base : `student${base}`;
}

/**
 * Candidate usernames for a name, most readable first: the base with two random digits, then
 * three, then four. The caller takes the first one nobody has.
 */
export function usernameCandidates(
  name: string,
  random: RandomInt = secureRandomInt,
  count = 12,
): string[] {
  const base = usernameBase(name);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const digits = i < 4 ? 2 : i < 8 ? 3 : 4;
    const low = 10 ** (digits - 1);
    out.push(`${base}${low + random(9 * low)}`);
  }
  return out;
}

export const isValidUsername = (value: string) =>
  value.length >= USERNAME_MIN && value.length <= USERNAME_MAX && USERNAME_PATTERN.test(value);

/** The placeholder email of a managed account: `.invalid` can never receive mail (RFC 2606). */
export const MANAGED_EMAIL_DOMAIN = 'students.invalid';
export const managedEmail = (username: string) => `${username}@${MANAGED_EMAIL_DOMAIN}`;
export const isManagedEmail = (email: string) =>
  email.toLowerCase().endsWith(`@${MANAGED_EMAIL_DOMAIN}`);
/**
 * An address under the reserved .invalid top-level domain, which can never receive mail: a
 * managed student's placeholder, or that of an account an LMS made for someone without an email
 * of their own (lib/server/lti/accounts.ts, lms-…@lms.invalid). Nothing is mailed to one.
 */
export const isPlaceholderEmail = (email: string) => /\.invalid$/i.test(email.trim());
