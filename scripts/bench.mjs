#!/usr/bin/env node
// `npm run bench`: builds the app, serves it on a database of its own (data/bench, fresh each run),
// and runs scripts/bench/run.ts against it. Numbers go to stdout; nothing here is a pass/fail test.
//   --no-build   reuse the existing .next-bench build (only when you know it is current)
//   --sizes=100,1000   pick the map sizes (default 100,1000,5000)
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, prepareServer, root, waitForServer } from './env.mjs';

const args = process.argv.slice(2);
const port = process.env.BENCH_PORT ?? '3230';
const env = isolatedEnv('bench', port, {
  BENCH_URL: `http://localhost:${port}`,
  BENCH_SIZES: args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '100,1000,5000',
});
console.log('Preparing: database, production build, Chromium…');
prepareServer(env, { build: !args.includes('--no-build') });
if (
  spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { cwd: root, env, stdio: 'inherit' })
    .status !== 0
)
  process.exit(1);

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'ignore',
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

await waitForServer(env.BENCH_URL);

const bench = spawnSync(
  process.execPath,
  ['--require', './scripts/bench/server-only-shim.cjs', '--import', 'tsx', 'scripts/bench/run.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
stop();
process.exit(bench.status ?? 1);
