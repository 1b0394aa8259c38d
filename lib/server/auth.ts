import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/schemas/auth';
import { baseUrl, sessionSecret } from './config';
import { db } from './db';

function createAuth() {
  const url = baseUrl();
  return betterAuth({
    appName: 'Counterpoint',
    baseURL: url,
    secret: sessionSecret(),
    database: prismaAdapter(db, { provider: 'sqlite' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // Each save checks the session; a signed cookie holding it for two minutes spares the
      // database that read on every edit. Signing out clears it; a session ended elsewhere
      // stops working here within two minutes.
      cookieCache: { enabled: true, maxAge: 120 },
    },
    // Secure cookies only where the app is served over https; a classroom server on plain http
    // would otherwise never keep anyone signed in.
    advanced: { useSecureCookies: url.startsWith('https://') },
    // Sign-in is slowed down per account by lib/server/sign-in.ts, which sees failures.
    rateLimit: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;

// Created on first use, so that building the app never needs the secret.
const globalForAuth = globalThis as unknown as { counterpointAuth?: Auth };
export function getAuth(): Auth {
  globalForAuth.counterpointAuth ??= createAuth();
  return globalForAuth.counterpointAuth;
}
