import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { addTopClaim, claimRow, expect, newUser, signIn, startMap, test } from '../fixtures';

// Two app servers on one PostgreSQL database, as a school would run them behind a proxy: an edit
// made in a browser on one server appears live in a browser on the other (LISTEN/NOTIFY,
// lib/server/live/pg-pubsub.ts). Both serve the e2e run's production build (.next-e2e, made by
// scripts/e2e-server.mjs), so this costs two server starts, not a build. They share the session
// secret through the environment, as the README's deployment section says. Needs
// TEST_POSTGRES_URL (.ci/run sets it); skipped without.

const pgUrl = process.env.TEST_POSTGRES_URL;
const root = path.resolve(__dirname, '..', '..');
const SUFFIX = 'e2e_two_servers';
/** scripts/postgres/scratch.mjs (an ES module the specs cannot import). */
const scratch = (command: 'fresh' | 'drop') => {
  const r = spawnSync(process.execPath, ['scripts/postgres/scratch.mjs', command, pgUrl!, SUFFIX], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scratch.mjs ${command} failed: ${r.stderr}`);
  return r.stdout.trim();
};
const PORTS = [3221, 3222];
const LIVE = { timeout: 5000 };
const servers: ChildProcess[] = [];
let databaseReady = false;

test.skip(!pgUrl, 'needs PostgreSQL: set TEST_POSTGRES_URL (see scripts/postgres/test-db.sh)');

async function waitFor(url: string) {
  for (
    const t0 = Date.now();
    Date.now() - t0 < 60_000;
    await new Promise((r) => setTimeout(r, 300))
  ) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`${url} did not answer within a minute`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const databaseUrl = scratch('fresh');
  databaseReady = true;
  const secret = crypto.randomBytes(32).toString('base64url');
  const envFor = (port: number) =>
    ({
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: '.next-e2e',
      COUNTERPOINT_DATA_DIR: path.join(root, 'data', `e2e-server-${port}`),
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
    }) as NodeJS.ProcessEnv;
  const setup = spawnSync(process.execPath, ['scripts/setup.mjs'], {
    cwd: root,
    env: envFor(PORTS[0]!),
  });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  for (const port of PORTS) {
    servers.push(
      spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
        cwd: root,
        env: envFor(port),
        stdio: 'ignore',
      }),
    );
  }
  await Promise.all(PORTS.map((port) => waitFor(`http://localhost:${port}/`)));
});

test.afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  // Stopped servers close their connections; a moment later the database can go.
  await new Promise((r) => setTimeout(r, 500));
  if (databaseReady) scratch('drop');
});

test('an edit through one server appears live in a browser on the other', async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b] = PORTS.map((port) => `http://localhost:${port}`);
  const user = newUser('Teacher');
  const onA = await (await browser.newContext({ baseURL: a })).newPage();
  const mapUrl = new URL(await startMap(onA, user));

  const onB = await (await browser.newContext({ baseURL: b })).newPage();
  await signIn(onB, user, mapUrl.pathname);
  await onB.locator('[data-editor-ready="true"]').waitFor();
  expect(new URL(onB.url()).port).toBe(String(PORTS[1]));

  await addTopClaim(onA, 0, 'pro', 'Written on server A');
  await expect(claimRow(onB, 'Written on server A')).toBeVisible(LIVE);
  await addTopClaim(onB, 1, 'con', 'Written on server B');
  await expect(claimRow(onA, 'Written on server B')).toBeVisible(LIVE);
});
