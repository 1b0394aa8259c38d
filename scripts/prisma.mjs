#!/usr/bin/env node
// Runs the Prisma CLI offline: see scripts/env.mjs for why the engine variables are set.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { defaultEnv, root } from './env.mjs';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  env: defaultEnv(),
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
