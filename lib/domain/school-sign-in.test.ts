import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  kindFromClaims,
  readSchoolSignIn,
  refusal,
  schoolSignInMessage,
  settledKind,
  type SchoolSignInConfig,
} from './school-sign-in';

const ENV = {
  OIDC_ISSUER: 'https://login.example.edu/realms/lincoln/',
  OIDC_CLIENT_ID: 'counterpoint',
  OIDC_CLIENT_SECRET: 's3cret',
  OIDC_NAME: 'Lincoln High',
  OIDC_ALLOWED_DOMAINS: 'Lincoln.edu, students.lincoln.edu',
  OIDC_TEACHER_CLAIM: 'groups',
  OIDC_TEACHER_VALUES: 'teachers,Staff',
};

const config = (env: Record<string, string> = {}): SchoolSignInConfig => {
  const read = readSchoolSignIn({ ...ENV, ...env });
  if (!read || !('config' in read)) throw new Error(JSON.stringify(read));
  return read.config;
};

describe('the school sign-in configuration', () => {
  it('is absent without an issuer, so nothing changes', () => {
    expect(readSchoolSignIn({})).toBeNull();
    expect(readSchoolSignIn({ ...ENV, OIDC_ISSUER: ' ' })).toBeNull();
  });

  it('reads lists in lower case (teacher values as written) and drops the trailing slash', () => {
    expect(config()).toEqual({
      issuer: 'https://login.example.edu/realms/lincoln',
      clientId: 'counterpoint',
      clientSecret: 's3cret',
      name: 'Lincoln High',
      allowedDomains: ['lincoln.edu', 'students.lincoln.edu'],
      teacherClaim: 'groups',
      teacherValues: ['teachers', 'Staff'],
      teacherDomains: [],
    });
    expect(config({ OIDC_NAME: '' }).name).toBe('your school');
  });

  it('says what is missing or wrong, and is then off', () => {
    const read = readSchoolSignIn({
      OIDC_ISSUER: 'http://login.example.edu',
      OIDC_TEACHER_CLAIM: 'roles',
      OIDC_TEACHER_DOMAINS: 'staff.example.edu',
    });
    expect(read && 'problems' in read && read.problems).toEqual([
      'OIDC_ISSUER must be an https:// address (http:// only for localhost).',
      'OIDC_CLIENT_ID is not set.',
      'OIDC_CLIENT_SECRET is not set.',
      expect.stringContaining('OIDC_ALLOWED_DOMAINS is not set'),
      expect.stringContaining('OIDC_TEACHER_VALUES'),
      'OIDC_TEACHER_DOMAINS names staff.example.edu, which OIDC_ALLOWED_DOMAINS does not.',
    ]);
    expect(readSchoolSignIn({ ...ENV, OIDC_ISSUER: 'http://localhost:3253' })).toHaveProperty(
      'config',
    );
  });
});

describe('who may sign in with the school, and as what', () => {
  it('allows only the listed domains, exactly (no look-alike or sub-domain)', () => {
    const c = config();
    const claims = (email: string) => ({ email, email_verified: true });
    expect(refusal(c, claims('ana@lincoln.edu'), 'create-user')).toBeNull();
    expect(refusal(c, claims('Ana@STUDENTS.Lincoln.edu'), 'sign-in')).toBeNull();
    for (const email of [
      'ana@evil-lincoln.edu',
      'ana@x.lincoln.edu',
      'ana@lincoln.edu.evil.com',
      'lincoln.edu',
      '',
    ]) {
      expect(refusal(c, claims(email), 'create-user')).toBe('domain_not_allowed');
    }
    expect(emailDomain('a@b@lincoln.edu')).toBe('lincoln.edu');
  });

  it('makes no new account on an address the provider says is unverified', () => {
    const c = config();
    expect(refusal(c, { email: 'a@lincoln.edu', email_verified: false }, 'create-user')).toBe(
      'email_not_verified',
    );
    expect(refusal(c, { email: 'a@lincoln.edu', email_verified: 'false' }, 'create-user')).toBe(
      'email_not_verified',
    );
    // Entra ID does not say: trusted for its own tenant.
    expect(refusal(c, { email: 'a@lincoln.edu' }, 'create-user')).toBeNull();
  });

  it('makes a teacher by the claim (a list or one value) or by a teachers’ domain', () => {
    const c = config();
    expect(kindFromClaims(c, { email: 'a@lincoln.edu', groups: ['x', 'teachers'] })).toBe(
      'teacher',
    );
    expect(kindFromClaims(c, { email: 'a@lincoln.edu', groups: 'Staff' })).toBe('teacher');
    expect(kindFromClaims(c, { email: 'a@lincoln.edu', groups: ['TEACHERS'] })).toBe('student');
    expect(kindFromClaims(c, { email: 'a@lincoln.edu', roles: ['teachers'] })).toBe('student');
    expect(kindFromClaims(c, { email: 'a@lincoln.edu' })).toBe('student');
    const byDomain = config({ OIDC_TEACHER_CLAIM: '', OIDC_TEACHER_DOMAINS: 'lincoln.edu' });
    expect(kindFromClaims(byDomain, { email: 'a@lincoln.edu' })).toBe('teacher');
    expect(kindFromClaims(byDomain, { email: 'a@students.lincoln.edu' })).toBe('student');
  });

  it('never makes a teacher a student', () => {
    expect(settledKind('teacher', 'student')).toBe('teacher');
    expect(settledKind('student', 'teacher')).toBe('teacher');
    expect(settledKind('student', 'student')).toBe('student');
  });

  it('says every refusal in words naming the school, with a general message for the rest', () => {
    const c = config();
    expect(schoolSignInMessage(c, 'domain_not_allowed')).toContain(
      '@lincoln.edu or @students.lincoln.edu',
    );
    expect(schoolSignInMessage(c, 'account_not_linked')).toContain('Sign in with your password');
    expect(schoolSignInMessage(c, 'whatever')).toBe(
      'Signing in with Lincoln High did not work, and nothing was signed in. Try again, or sign in with email and password.',
    );
  });
});
