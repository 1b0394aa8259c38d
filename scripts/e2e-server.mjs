#!/usr/bin/env node
// Serves a production build for the end-to-end tests, on a fresh database of its own so the
// tests never touch the data of `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, root } from './env.mjs';

const port = process.env.E2E_PORT ?? '3210';
const env = isolatedEnv('e2e', port);
// Mail: a real SMTP server on E2E_PORT+1, its inbox over HTTP on +2 (scripts/fakes/smtp.mjs).
const smtp = await (await import('./fakes/smtp.mjs')).start(Number(port) + 1);
Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: 'Counterpoint <counterpoint@school.example>' });
const step = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['scripts/setup.mjs']);
step(['node_modules/next/dist/bin/next', 'build']);
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
