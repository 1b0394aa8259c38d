#!/usr/bin/env node
// `npm run bench`: first the in-process part (scripts/bench/in-process.ts, bundled with esbuild:
// the graph's layout in Node and the Argdown reference column), then builds the app, serves it on
// a database of its own (data/bench, fresh each run), and runs scripts/bench/run.ts against it in
// Chromium, which prints every table and the targets. Numbers go to stdout; nothing here is a
// pass/fail test.
//   --no-build   reuse the existing .next-bench build (only when you know it is current)
//   --sizes=1000,5000   pick the map sizes (default 1000,5000,10000)
//   --only=node   the in-process part alone: no build, no server, no browser (about a minute)
//   --profile   also a CPU profile of 10 adds at the largest size (where the time goes)
//   --argdown-max=5000   run Argdown only up to this many claims (default: every size)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { isolatedEnv, prepareServer, root, waitForServer } from './env.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = option('sizes') ?? '1000,5000,10000';
const started = performance.now();
const elapsed = () => {
  const s = Math.round((performance.now() - started) / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
};

// Argdown's packages are ES modules only, which tsx's CommonJS loader cannot resolve: the
// in-process part runs bundled (its packages left external), as the import worker does in tests.
const bundle = path.join(root, 'node_modules', '.cache', 'counterpoint', 'bench-in-process.mjs');
await build({
  entryPoints: [path.join(root, 'scripts', 'bench', 'in-process.ts')],
  outfile: bundle,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const inProcess = (extra) => {
  const argdownMax = option('argdown-max');
  const run = spawnSync(
    process.execPath,
    [bundle, `--sizes=${sizes}`, ...(argdownMax ? [`--argdown-max=${argdownMax}`] : []), ...extra],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
};

if (option('only') === 'node') {
  inProcess([]);
  console.log(`Whole run: ${elapsed()}.`);
  process.exit(0);
}

const port = process.env.BENCH_PORT ?? '3230';
const env = isolatedEnv('bench', port, {
  BENCH_URL: `http://localhost:${port}`,
  BENCH_SIZES: sizes,
  ...(args.includes('--profile') ? { BENCH_PROFILE: '1' } : {}),
});
env.BENCH_IN_PROCESS = path.join(env.COUNTERPOINT_DATA_DIR, 'in-process.json');
console.log('In process (Node): graph layout, Argdown reference…');
inProcess([`--json=${env.BENCH_IN_PROCESS}`]);
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
console.log(`Whole run: ${elapsed()}.`);
process.exit(bench.status ?? 1);
