#!/usr/bin/env node
// `npm run bench:load`: a bounded load test of the save path. Builds the app, serves it on a
// database of its own (data/bench-load, fresh each run) and runs scripts/bench/load.ts against
// it: N students at a time, each with their own account, session and map, each sending one
// operation to POST /api/maps/:mapId/ops after a think time. Prints writes/s and latency per
// level, then stops the server (SIGKILL: an acknowledged write must already be on disk) and
// checks that every acknowledged write is in the database, as last acknowledged. Exits 1 if one
// is missing or different, or if no write was acknowledged at all.
//   --no-build              reuse the existing build (.next-bench-load; only when it is current)
//   --levels=20,50,100,200  students per level (--levels= with nothing: the capacity level only)
//   --duration=20           seconds per level
//   --think=1000-2000       think time before each write, ms, uniform (a single number: fixed)
//   --capacity=50           students of the capacity level (no think time); 0 or --no-capacity: none
//   --capacity-duration=10  seconds of the capacity level
//   --graceful-stop         stop the server with SIGTERM before the check instead of SIGKILL
//   --profile               write a V8 CPU profile of the server to data/bench-load/profiles/
//                           (open it in Chrome DevTools); stops the server with SIGTERM
//   --dry-run               everything but the writes: each "write" is an authenticated GET of
//                           the student's map as Markdown, and nothing is checked afterwards
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, prepareServer, root, waitForServer } from './env.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const known =
  /^--(no-build|no-capacity|graceful-stop|profile|dry-run|capacity|(levels|duration|think|capacity|capacity-duration)=.*)$/;
const unknown = args.filter((a) => !known.test(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. See the top of scripts/bench-load.mjs.`);
  process.exit(2);
}
const dryRun = args.includes('--dry-run');
const profile = args.includes('--profile');
const route = path.join(root, 'app', 'api', 'maps', '[mapId]', 'ops', 'route.ts');
const hasEndpoint =
  fs.existsSync(route) && /export\s+async\s+function\s+POST/.test(fs.readFileSync(route, 'utf8'));
if (!dryRun && !hasEndpoint) {
  console.error(`No write endpoint yet (${path.relative(root, route)}); --dry-run tests the rest.`);
  process.exit(2);
}

const levels = flag('levels', '20,50,100,200');
const duration = flag('duration', '20');
const think = flag('think', '1000-2000');
const capacity = args.includes('--no-capacity') ? '0' : flag('capacity', '50');
const capacityDuration = flag('capacity-duration', '10');
const count = (x) => /^\d+$/.test(x);
const bad = [
  !levels.split(',').every((n) => count(n) && Number(n) > 0) && levels !== '' && 'levels',
  !(Number(duration) > 0) && 'duration',
  !/^\d+(-\d+)?$/.test(think) && 'think',
  !count(capacity) && 'capacity',
  !(Number(capacityDuration) > 0) && 'capacity-duration',
].filter(Boolean);
const [thinkMin, thinkMax = thinkMin] = think.split('-').map(Number);
if (bad.length || thinkMin > thinkMax) {
  console.error(`Not understood: --${bad.join(', --') || 'think'}. See scripts/bench-load.mjs.`);
  process.exit(2);
}

const port = process.env.BENCH_LOAD_PORT ?? '3231';
const env = isolatedEnv('bench-load', port, {
  // Sessions are written straight into the database, so the script signs their cookies itself.
  BETTER_AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  LOAD_URL: `http://localhost:${port}`,
  LOAD_LEVELS: levels,
  LOAD_DURATION: duration,
  LOAD_THINK: think,
  LOAD_CAPACITY: capacity,
  LOAD_CAPACITY_DURATION: capacityDuration,
  // A CPU profile is written when the server exits, which it does on SIGTERM, not on SIGKILL.
  LOAD_STOP: args.includes('--graceful-stop') || profile ? 'SIGTERM' : 'SIGKILL',
  LOAD_DRY_RUN: dryRun ? '1' : '',
});
console.log('Preparing: database, production build…');
prepareServer(env, { build: !args.includes('--no-build') });

const profiles = path.join(env.COUNTERPOINT_DATA_DIR, 'profiles');
const server = spawn(
  process.execPath,
  [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []),
    'node_modules/next/dist/bin/next',
    'start',
    '-p',
    port,
  ],
  { cwd: root, env, stdio: 'ignore' },
);
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);
let stopping = false;
server.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`The server stopped on its own (${signal ?? `exit code ${code}`}).`);
    process.exit(1);
  }
});

await waitForServer(env.LOAD_URL);

// load.ts stops the server itself (LOAD_SERVER_PID) before reading the database.
stopping = true;
const load = spawnSync(
  process.execPath,
  ['--require', './scripts/bench/server-only-shim.cjs', '--import', 'tsx', 'scripts/bench/load.ts'],
  { cwd: root, env: { ...env, LOAD_SERVER_PID: String(server.pid) }, stdio: 'inherit' },
);
stop();
if (profile) {
  const files = fs.existsSync(profiles) ? fs.readdirSync(profiles) : [];
  console.log(
    files.length
      ? `CPU profile of the server: ${files.map((f) => path.relative(root, path.join(profiles, f))).join(', ')}`
      : 'No CPU profile was written (the server did not exit by itself).',
  );
}
process.exit(load.status ?? 1);
