// One place that decides where the database and the data folder live, for the app's scripts and
// the Prisma CLI. The app itself reads the same variables through lib/server/config.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function defaultEnv(env = process.env) {
  const dataDir = env.COUNTERPOINT_DATA_DIR ?? path.join(root, 'data');
  const out = {
    COUNTERPOINT_DATA_DIR: dataDir,
    DATABASE_URL: env.DATABASE_URL ?? `file:${path.join(dataDir, 'counterpoint.db')}`,
    // Prisma's CLI downloads native engines at start unless these point at existing files. On the
    // WebAssembly schema engine path they are never executed, so any file will do.
    PRISMA_QUERY_ENGINE_LIBRARY: env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
    PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // A SQLite file's folder must exist; a PostgreSQL URL names a server instead.
  if (out.DATABASE_URL.startsWith('file:'))
    fs.mkdirSync(path.dirname(out.DATABASE_URL.replace(/^file:/, '')), { recursive: true });
  return { ...env, ...out };
}

/**
 * The environment for a throwaway server on its own fresh data folder (data/<name>, emptied
 * first), its own build folder (.next-<name>, read by next.config.js) and port: the e2e tests and
 * the benchmark never touch the data or the build of `npm start`. `extra.DATABASE_URL` (a
 * PostgreSQL database) replaces the fresh SQLite file; the data folder is still fresh.
 */
export function isolatedEnv(name, port, extra = {}) {
  const dataDir = path.join(root, 'data', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return defaultEnv({
    ...process.env,
    ...extra,
    NEXT_DIST_DIR: `.next-${name}`,
    COUNTERPOINT_DATA_DIR: dataDir,
    DATABASE_URL: extra.DATABASE_URL ?? `file:${path.join(dataDir, 'counterpoint.db')}`,
    BETTER_AUTH_URL: `http://localhost:${port}`,
    PORT: port,
    // Kept pages say whether they were kept (lib/server/kept-page.ts): for tests and benchmarks.
    COUNTERPOINT_PAGE_CACHE_HEADER: '1',
  });
}

/**
 * For the benchmarks: migrates and seeds the isolated database, then builds (unless `build` is
 * false) into the isolated build folder. Exits the process on a failed step.
 */
export function prepareServer(env, { build = true } = {}) {
  const steps = [
    ['scripts/setup.mjs'],
    ...(build ? [['node_modules/next/dist/bin/next', 'build']] : []),
  ];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

/** Waits until `url` answers (a minute at most); exits the process when it never does. */
export async function waitForServer(url) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (i > 120) {
      console.error('The server did not start within a minute.');
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
