#!/usr/bin/env node
// Serves a production build for the end-to-end tests, on a fresh database of its own so the
// tests never touch the data of `npm start`.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';

const port = process.env.E2E_PORT ?? '3210';
const dataDir = path.join(root, 'data', 'e2e');
fs.rmSync(dataDir, { recursive: true, force: true });
const env = defaultEnv({
  ...process.env,
  COUNTERPOINT_DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, 'counterpoint.db')}`,
  BETTER_AUTH_URL: `http://localhost:${port}`,
  PORT: port,
});
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
