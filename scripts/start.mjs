#!/usr/bin/env node
// `npm start`: migrate and seed the database, build, and serve on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';

const env = { ...defaultEnv(), PORT: process.env.PORT ?? '3000' };
const next = 'node_modules/next/dist/bin/next';
for (const args of [['scripts/setup.mjs'], [next, 'build']]) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`\nCounterpoint is starting on http://localhost:${env.PORT}\n`);
const server = spawn(process.execPath, [next, 'start', '-p', env.PORT], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
