#!/usr/bin/env node
// Prepares the database for `npm start` and the tests: applies migrations and seeds the debates
// that are missing. Idempotent, so it runs on every start. SQLite (a file: URL, the default) is
// migrated by Prisma; PostgreSQL (postgres://…) by scripts/postgres/migrate.mjs, which keeps
// Prisma's bookkeeping (Prisma 6.19's offline engine cannot deploy to PostgreSQL).
import { spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';
import { isPostgresUrl } from './postgres/schema.mjs';

const env = defaultEnv();
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (isPostgresUrl(env.DATABASE_URL)) run(process.execPath, ['scripts/postgres/migrate.mjs']);
else run(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy']);
run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'prisma/seed.ts']);
