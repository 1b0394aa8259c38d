import 'server-only';
import { readSchoolSignIn, type SchoolSignInConfig } from '@/lib/domain/school-sign-in';

const globalForConfig = globalThis as unknown as {
  counterpointSchoolSignIn?: { config: SchoolSignInConfig | null };
};

/**
 * The school's sign-in as the environment configures it (OIDC_* variables, README: "Connecting
 * your school"), or null: then there is no button and nothing changes. Read once per process; a
 * configuration with problems is off, and says why once.
 */
export function schoolSignIn(): SchoolSignInConfig | null {
  if (globalForConfig.counterpointSchoolSignIn)
    return globalForConfig.counterpointSchoolSignIn.config;
  const read = readSchoolSignIn(process.env);
  let config: SchoolSignInConfig | null = null;
  if (read && 'problems' in read) {
    console.error(`Sign-in with the school is off: ${read.problems.join(' ')}`);
  } else if (read) {
    config = read.config;
  }
  globalForConfig.counterpointSchoolSignIn = { config };
  return config;
}

/** Forgets the configuration read (tests that change the environment). */
export function forgetSchoolSignIn() {
  delete globalForConfig.counterpointSchoolSignIn;
}
