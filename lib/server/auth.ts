import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { username } from 'better-auth/plugins/username';
import { USERNAME_MAX, USERNAME_MIN } from '@/lib/domain/classroom/usernames';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/schemas/auth';
import { baseUrl, sessionSecret } from './config';
import { db, provider } from './db';
import { ltiSessions } from './lti/auth-plugin';
import { sendResetPasswordMail } from './mail';
import { schoolSignInOptions } from './school-sign-in/auth-options';
import { schoolSignIn } from './school-sign-in/config';
import { passwordHasher } from './test-password-hash';

function createAuth() {
  const url = baseUrl();
  // "Sign in with <school>" over OpenID Connect, when OIDC_* configure it (README: "Connecting
  // your school"); otherwise nothing of it exists.
  const school = schoolSignIn();
  const sso = school ? schoolSignInOptions(school, url) : null;
  return betterAuth({
    ...sso?.options,
    appName: 'Counterpoint',
    baseURL: url,
    secret: sessionSecret(),
    database: prismaAdapter(db, { provider: provider() }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      // The link's token lives in the verification table for an hour (lib/server/mail.ts).
      sendResetPassword: ({ user, token }) => sendResetPasswordMail({ user, token }),
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      ...passwordHasher(),
    },
    // Checked sessions are cached briefly in lib/server/session.ts.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Secure cookies only where the app is served over https; a classroom server on plain http
    // would otherwise never keep anyone signed in.
    advanced: { useSecureCookies: url.startsWith('https://') },
    // Sign-in is slowed down per client and per account by lib/server/sign-in.ts.
    rateLimit: { enabled: false },
    // Managed student accounts sign in with a username (lib/server/classroom/accounts.ts); an
    // LMS launch signs in its account server-side (lib/server/lti/auth-plugin.ts).
    // nextCookies must stay last.
    plugins: [
      username({ minUsernameLength: USERNAME_MIN, maxUsernameLength: USERNAME_MAX }),
      ...(sso ? [sso.plugin] : []),
      ltiSessions(),
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;

// Created on first use, so that building the app never needs the secret.
const globalForAuth = globalThis as unknown as { counterpointAuth?: Auth };
export function getAuth(): Auth {
  globalForAuth.counterpointAuth ??= createAuth();
  return globalForAuth.counterpointAuth;
}
