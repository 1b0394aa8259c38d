#!/usr/bin/env node
// Runs the Prisma CLI offline: see scripts/env.mjs for why the engine variables are set.
// `generate` with no --schema generates both clients: the SQLite one from prisma/schema.prisma and
// the PostgreSQL one from the schema derived from it (scripts/postgres/schema.mjs). Other commands
// act on the database DATABASE_URL names (prisma.config.ts picks schema and migrations by it).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { defaultEnv, root } from './env.mjs';
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from './postgres/schema.mjs';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const args = process.argv.slice(2);
const run = (argv) =>
  spawnSync(process.execPath, [cli, ...argv], { cwd: root, env: defaultEnv(), stdio: 'inherit' })
    .status ?? 1;

if (args[0] === 'generate' && !args.some((a) => a.startsWith('--schema'))) {
  writePostgresSchema();
  for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
    const status = run([...args, '--schema', schema]);
    if (status !== 0) process.exit(status);
  }
  process.exit(0);
}
process.exit(run(args));
