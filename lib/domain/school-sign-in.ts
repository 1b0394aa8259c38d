import type { AccountKind } from './capabilities';

/**
 * "Sign in with <school>": the school's own OpenID Connect provider (Google Workspace, Microsoft
 * Entra ID, a district's Keycloak…). Everything here is plain rules on the configuration and on
 * the claims the provider vouched for; lib/server/school-sign-in/ wires them into better-auth.
 */

/** better-auth's id for the provider: the callback to register is /api/auth/callback/school. */
export const SCHOOL_PROVIDER_ID = 'school';

export interface SchoolSignInConfig {
  /** The issuer, exactly as the provider's discovery document names it (no trailing slash). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button says after "Sign in with": "Lincoln High". */
  name: string;
  /** Email domains (lower case) whose people may sign in this way; a sub-domain is not included. */
  allowedDomains: string[];
  /** A claim whose value (a string, or a list of strings) holding one of `teacherValues` makes a teacher. */
  teacherClaim: string | null;
  teacherValues: string[];
  /** Email domains whose people are teachers (when students have a domain of their own). */
  teacherDomains: string[];
}

type Env = Record<string, string | undefined>;

const list = (value: string | undefined, lower = true) =>
  (value ?? '')
    .split(',')
    .map((v) => (lower ? v.trim().toLowerCase() : v.trim()))
    .filter(Boolean);

/**
 * The configuration from the environment: `null` (no button, nothing changes) when OIDC_ISSUER is
 * not set; otherwise the configuration, or the problems that keep it off (said once at start).
 */
export function readSchoolSignIn(
  env: Env,
): { config: SchoolSignInConfig } | { problems: string[] } | null {
  const issuer = env.OIDC_ISSUER?.trim().replace(/\/+$/, '');
  if (!issuer) return null;
  const problems: string[] = [];
  try {
    const url = new URL(issuer);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
      problems.push('OIDC_ISSUER must be an https:// address (http:// only for localhost).');
    }
  } catch {
    problems.push('OIDC_ISSUER is not an address.');
  }
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? '';
  if (!clientId) problems.push('OIDC_CLIENT_ID is not set.');
  if (!clientSecret) problems.push('OIDC_CLIENT_SECRET is not set.');
  const allowedDomains = list(env.OIDC_ALLOWED_DOMAINS);
  if (!allowedDomains.length) {
    problems.push(
      'OIDC_ALLOWED_DOMAINS is not set: name the email domains of the school (lincoln.edu,students.lincoln.edu).',
    );
  }
  const teacherClaim = env.OIDC_TEACHER_CLAIM?.trim() || null;
  const teacherValues = list(env.OIDC_TEACHER_VALUES, false);
  if (teacherClaim && !teacherValues.length) {
    problems.push(
      'OIDC_TEACHER_CLAIM is set without OIDC_TEACHER_VALUES (the values that make a teacher).',
    );
  }
  const teacherDomains = list(env.OIDC_TEACHER_DOMAINS);
  for (const domain of teacherDomains) {
    if (!allowedDomains.includes(domain)) {
      problems.push(`OIDC_TEACHER_DOMAINS names ${domain}, which OIDC_ALLOWED_DOMAINS does not.`);
    }
  }
  if (problems.length) return { problems };
  return {
    config: {
      issuer,
      clientId,
      clientSecret,
      name: env.OIDC_NAME?.trim().slice(0, 60) || 'your school',
      allowedDomains,
      teacherClaim,
      teacherValues,
      teacherDomains,
    },
  };
}

/** The domain of an email address, lower case ('' when there is none). */
export function emailDomain(email: unknown): string {
  if (typeof email !== 'string') return '';
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** The provider says the address is verified (`email_verified`, true or "true"). */
export function emailVerified(claims: Record<string, unknown>): boolean {
  const v = claims.email_verified;
  return v === true || v === 'true';
}

/** Why a sign-in through the school is refused before any account is made or touched, or null. */
export function refusal(
  config: SchoolSignInConfig,
  claims: Record<string, unknown>,
  action: 'create-user' | 'link-account' | 'sign-in',
): SchoolSignInError | null {
  if (!config.allowedDomains.includes(emailDomain(claims.email))) return 'domain_not_allowed';
  // A new account on an address the provider itself says it has not checked: the domain rule
  // would rest on a claim no one verified. (A provider that does not say, like Entra ID, is
  // trusted for its own tenant's addresses; linking an existing account always needs the claim,
  // which better-auth checks.)
  if (action === 'create-user' && claims.email_verified !== undefined && !emailVerified(claims)) {
    return 'email_not_verified';
  }
  return null;
}

/** What the claims make this person: a teacher by the teacher claim or a teachers' domain. */
export function kindFromClaims(
  config: SchoolSignInConfig,
  claims: Record<string, unknown>,
): AccountKind {
  if (config.teacherDomains.includes(emailDomain(claims.email))) return 'teacher';
  if (config.teacherClaim) {
    const value = claims[config.teacherClaim];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && config.teacherValues.includes(v))) {
      return 'teacher';
    }
  }
  return 'student';
}

/**
 * The account kind after a sign-in through the school: the claims may make someone a teacher,
 * never a student again (a teacher made teacher by the admin, or earlier by the claims, stays one;
 * only the admin takes it away).
 */
export function settledKind(current: AccountKind, fromClaims: AccountKind): AccountKind {
  return current === 'teacher' ? 'teacher' : fromClaims;
}

/**
 * The errors a sign-in through the school comes back with (better-auth's callback codes and our
 * own), as /sign-in?error=… carries them.
 */
export const SCHOOL_SIGN_IN_ERRORS = [
  'domain_not_allowed',
  'email_not_verified',
  'account_not_linked',
  'state_mismatch',
  'state_not_found',
  'unable_to_get_user_info',
  'invalid_code',
  'access_denied',
  'provider_unavailable',
] as const;
export type SchoolSignInError = (typeof SCHOOL_SIGN_IN_ERRORS)[number];

/** What the sign-in page says for an error code (any other code: the general message). */
export function schoolSignInMessage(config: SchoolSignInConfig, code: string): string {
  const school = config.name;
  const domains = config.allowedDomains.map((d) => `@${d}`);
  const domainList =
    domains.length === 1
      ? domains[0]
      : `${domains.slice(0, -1).join(', ')} or ${domains[domains.length - 1]}`;
  switch (code as SchoolSignInError) {
    case 'domain_not_allowed':
      return `Signing in with ${school} is only for ${domainList} addresses, and the account you chose has another one. No account was made. Choose your school account, or sign in with email and password.`;
    case 'email_not_verified':
      return `${school} has not verified the email address of that account, so no account was made here. Ask your school's IT to verify it, or sign in with email and password.`;
    case 'account_not_linked':
      return `A Counterpoint account with this email already exists, and it was not joined to ${school}'s sign-in because the address is not yet proven to be yours on both sides. Sign in with your password instead. To join them, use “Forgot your password?” with this address (the emailed link proves it), then sign in with ${school} again.`;
    case 'state_mismatch':
    case 'state_not_found':
      return `That sign-in could not be matched to one started in this browser (it may have expired after 10 minutes, or been started elsewhere). Nothing was signed in. Start again with the button below.`;
    case 'unable_to_get_user_info':
    case 'invalid_code':
      return `${school} answered with a sign-in this app could not verify, so nothing was signed in. Try again; if it keeps happening, tell your school's IT.`;
    case 'access_denied':
      return `Signing in with ${school} was cancelled. Nothing was signed in.`;
    case 'provider_unavailable':
      return `${school}'s sign-in could not be reached just now. Try again in a minute, or sign in with email and password.`;
    default:
      return `Signing in with ${school} did not work, and nothing was signed in. Try again, or sign in with email and password.`;
  }
}
