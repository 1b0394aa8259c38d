#!/usr/bin/env node
// `npm run bench`: builds the app, serves it on a database of its own (data/bench, fresh each run),
// and runs scripts/bench/run.ts against it. Numbers go to stdout; nothing here is a pass/fail test.
//   --no-build   reuse the existing .next-bench build (only when you know it is current)
//   --sizes=100,1000   pick the map sizes (default 100,1000,5000)
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, root } from './env.mjs';

const args = process.argv.slice(2);
const port = process.env.BENCH_PORT ?? '3230';
const env = isolatedEnv('bench', port, {
  BENCH_URL: `http://localhost:${port}`,
  BENCH_SIZES: args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '100,1000,5000',
});
const step = (cmd) => {
  const r = spawnSync(process.execPath, cmd, {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log('Preparing: database, production build, Chromium…');
step(['scripts/setup.mjs']);
if (!args.includes('--no-build')) step(['node_modules/next/dist/bin/next', 'build']);
step(['scripts/ensure-chromium.mjs']);

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'ignore',
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

for (let i = 0; ; i++) {
  try {
    if ((await fetch(env.BENCH_URL)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 120) {
    console.error('The server did not start within a minute.');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}

const bench = spawnSync(
  process.execPath,
  ['--require', './scripts/bench/server-only-shim.cjs', '--import', 'tsx', 'scripts/bench/run.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
stop();
process.exit(bench.status ?? 1);
