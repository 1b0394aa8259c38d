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
//   --mix=add:40,edit:30,move:15,quote:15   the operations students send, with weights (this
//                           default is a class's mix; add:70,edit:30 was the old one)
//   --capacity=50           students of the capacity level (no think time); 0 or --no-capacity: none
//   --capacity-duration=10  seconds of the capacity level
//   --graceful-stop         stop the server with SIGTERM before the check instead of SIGKILL
//   --profile               write a V8 CPU profile of the server to data/bench-load/profiles/
//                           (open it in Chrome DevTools); stops the server with SIGTERM
//   --pages=only            page opens only (home, assignments, map pages, a shared map: see
//                           scripts/bench/pages.ts), no write levels; --pages=no: no page opens;
//                           --pages=class-map: only 30 students opening the class map at once,
//                           ten rounds (with --profile: that page's profile)
//   --page-students=200     students opening their own map within 10 s (and as many writing)
//   --dry-run               everything but the writes: each "write" is an authenticated GET of
//                           the student's map as Markdown, and nothing is checked afterwards
//   --postgres[=URL]        then the same run on PostgreSQL with two app servers (students and
//                           watchers spread over them in turn, as a round-robin proxy would), on
//                           a fresh database beside URL (default TEST_POSTGRES_URL; its role needs
//                           CREATEDB), same build, same machine: both tables in one run
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, prepareServer, root, waitForServer } from './env.mjs';
import { freshDatabase } from './postgres/scratch.mjs';
import { isPostgresUrl } from './postgres/schema.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const known =
  /^--(no-build|no-capacity|graceful-stop|profile|dry-run|capacity|postgres|(levels|duration|think|capacity|capacity-duration|postgres|mix|pages|page-students)=.*)$/;
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
const mix = flag('mix', 'add:40,edit:30,move:15,quote:15');
const count = (x) => /^\d+$/.test(x);
const bad = [
  !levels.split(',').every((n) => count(n) && Number(n) > 0) && levels !== '' && 'levels',
  !(Number(duration) > 0) && 'duration',
  !/^\d+(-\d+)?$/.test(think) && 'think',
  !count(capacity) && 'capacity',
  !(Number(capacityDuration) > 0) && 'capacity-duration',
  !['', 'only', 'no', 'class-map'].includes(flag('pages', '')) && 'pages',
  !count(flag('page-students', '200')) && 'page-students',
  !/^(add|edit|move|quote):\d+(,(add|edit|move|quote):\d+)*$/.test(mix) && 'mix',
].filter(Boolean);
const [thinkMin, thinkMax = thinkMin] = think.split('-').map(Number);
if (bad.length || thinkMin > thinkMax) {
  console.error(`Not understood: --${bad.join(', --') || 'think'}. See scripts/bench-load.mjs.`);
  process.exit(2);
}

const postgres = args.includes('--postgres') ? process.env.TEST_POSTGRES_URL : flag('postgres');
if ((args.includes('--postgres') || flag('postgres')) && !isPostgresUrl(postgres)) {
  console.error('--postgres needs a server: --postgres=postgres://… or TEST_POSTGRES_URL.');
  process.exit(2);
}

const port = process.env.BENCH_LOAD_PORT ?? '3231';
// Sessions are written straight into the database, so the script signs their cookies itself.
const secret = crypto.randomBytes(32).toString('base64url');
const env = isolatedEnv('bench-load', port, {
  BETTER_AUTH_SECRET: secret,
  LOAD_URL: `http://localhost:${port}`,
  LOAD_LEVELS: levels,
  LOAD_DURATION: duration,
  LOAD_THINK: think,
  LOAD_CAPACITY: capacity,
  LOAD_CAPACITY_DURATION: capacityDuration,
  LOAD_MIX: mix,
  // A CPU profile is written when the server exits, which it does on SIGTERM, not on SIGKILL.
  LOAD_STOP: args.includes('--graceful-stop') || profile ? 'SIGTERM' : 'SIGKILL',
  LOAD_DRY_RUN: dryRun ? '1' : '',
  LOAD_PAGES: flag('pages', ''),
  LOAD_PAGE_STUDENTS: flag('page-students', '200'),
});
console.log('Preparing: database, production build…');
prepareServer(env, { build: !args.includes('--no-build') });

/**
 * Serves the build on each of `envs` (one app server each), runs scripts/bench/load.ts against
 * them all, and answers its exit status. load.ts stops the servers itself before reading the
 * database.
 */
async function run(envs) {
  const profiles = path.join(envs[0].COUNTERPOINT_DATA_DIR, 'profiles');
  let stopping = false;
  const servers = envs.map((e, i) => {
    const server = spawn(
      process.execPath,
      [
        ...(profile && i === 0 ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []),
        'node_modules/next/dist/bin/next',
        'start',
        '-p',
        e.PORT,
      ],
      { cwd: root, env: e, stdio: 'ignore' },
    );
    server.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`A server stopped on its own (${signal ?? `exit code ${code}`}).`);
        process.exit(1);
      }
    });
    return server;
  });
  const stop = () => servers.forEach((s) => s.kill('SIGTERM'));
  process.on('exit', stop);
  for (const e of envs) await waitForServer(`http://localhost:${e.PORT}`);
  stopping = true;
  const load = spawnSync(
    process.execPath,
    [
      '--require',
      './scripts/bench/server-only-shim.cjs',
      '--import',
      'tsx',
      'scripts/bench/load.ts',
    ],
    {
      cwd: root,
      env: {
        ...envs[0],
        LOAD_URL: envs.map((e) => `http://localhost:${e.PORT}`).join(','),
        LOAD_SERVER_PID: servers.map((s) => s.pid).join(','),
      },
      stdio: 'inherit',
    },
  );
  stop();
  process.off('exit', stop);
  if (profile) {
    const files = fs.existsSync(profiles) ? fs.readdirSync(profiles) : [];
    console.log(
      files.length
        ? `CPU profile of the server: ${files.map((f) => path.relative(root, path.join(profiles, f))).join(', ')}`
        : 'No CPU profile was written (the server did not exit by itself).',
    );
  }
  return load.status ?? 1;
}

if (postgres) console.log('\n## SQLite, one app server\n');
let status = await run([env]);

if (postgres) {
  console.log('\n## PostgreSQL, two app servers on one database\n');
  const databaseUrl = await freshDatabase(postgres, 'bench_load');
  const envs = [Number(port) + 1, Number(port) + 2].map((p) => ({
    ...isolatedEnv(`bench-load-pg-${p}`, String(p), { ...env, DATABASE_URL: databaseUrl }),
    // The same build as the SQLite run; one secret, as every server of a deployment shares.
    NEXT_DIST_DIR: env.NEXT_DIST_DIR,
    BETTER_AUTH_SECRET: secret,
  }));
  prepareServer(envs[0], { build: false });
  status = Math.max(status, await run(envs));
}
process.exit(status);
