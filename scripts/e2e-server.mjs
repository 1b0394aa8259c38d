#!/usr/bin/env node
// Serves a production build for the end-to-end tests, on a fresh database of its own so the
// tests never touch the data of `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, root } from './env.mjs';

const port = process.env.E2E_PORT ?? '3210';
const env = isolatedEnv('e2e', port);
// The school's OpenID provider for "Sign in with <school>" (scripts/fakes/oidc.mjs), on E2E_PORT+3.
{
  const oidc = await import('./fakes/oidc.mjs');
  const callback = `http://localhost:${port}/api/auth/callback/school`;
  const { url } = await oidc.start(Number(port) + 3, { redirectUris: [callback] });
  Object.assign(env, oidc.APP_ENV, { OIDC_ISSUER: url });
}
// Mail: a real SMTP server on E2E_PORT+1, its inbox over HTTP on +2 (scripts/fakes/smtp.mjs).
const smtp = await (await import('./fakes/smtp.mjs')).start(Number(port) + 1);
Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: 'Counterpoint <counterpoint@school.example>' });
const step = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['scripts/setup.mjs']);
// The server's first account (its admin) is made here, so no test's account becomes the admin by
// having been the first one made (which spec runs first varies); tests that need an admin make
// their own account one (e2e/fixtures/admin.ts).
{
  const { default: Database } = await import('better-sqlite3');
  const file = new URL(env.DATABASE_URL).pathname;
  const db = new Database(file);
  const now = new Date().toISOString().replace('Z', '+00:00'); // as Prisma writes dates
  db.prepare(
    `INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt",
      "accountKind", "isAdmin") VALUES ('e2e-first-admin', 'Server admin', 'admin@e2e.test', 0, ?, ?,
      'teacher', 1)`,
  ).run(now, now);
  db.close();
}
step(['node_modules/next/dist/bin/next', 'build']);
// The LTI test platform (an LMS: scripts/fakes/lti-platform.mjs) at E2E_PORT+4; tests reach it
// with connect(url) from the same module.
const ltiPlatform = await (await import('./fakes/lti-platform.mjs')).start(Number(port) + 4);
env.LTI_TEST_PLATFORM_URL = ltiPlatform.url;
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
