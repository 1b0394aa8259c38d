import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/schemas/auth';
import { baseUrl, sessionSecret } from './config';
import { db, provider } from './db';

function createAuth() {
  const url = baseUrl();
  return betterAuth({
    appName: 'Counterpoint',
    baseURL: url,
    secret: sessionSecret(),
    database: prismaAdapter(db, { provider: provider() }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
    },
    // Checked sessions are cached briefly in lib/server/session.ts.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Secure cookies only where the app is served over https; a classroom server on plain http
    // would otherwise never keep anyone signed in.
    advanced: { useSecureCookies: url.startsWith('https://') },
    // Sign-in is slowed down per client and per account by lib/server/sign-in.ts.
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
