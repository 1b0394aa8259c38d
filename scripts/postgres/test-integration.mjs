#!/usr/bin/env node
// `npm run test:integration:pg`: the migration check, then the whole integration suite on
// PostgreSQL (test files in parallel, a database per worker: tests/support/integration-setup.ts).
// Uses the server TEST_POSTGRES_URL names (its role needs CREATEDB); without it, says so and skips.
// `.ci/run` sets it from scripts/postgres/test-db.sh, which installs PostgreSQL when run as root.
import { spawnSync } from 'node:child_process';
import { root } from '../env.mjs';
import { isPostgresUrl } from './schema.mjs';

const url = process.env.TEST_POSTGRES_URL;
if (!isPostgresUrl(url)) {
  console.log(
    'PostgreSQL integration tests skipped: TEST_POSTGRES_URL is not set. Set it to a database on ' +
      'a server of yours, or run `export TEST_POSTGRES_URL=$(scripts/postgres/test-db.sh)` ' +
      '(as root on Debian it installs and starts PostgreSQL).',
  );
  process.exit(0);
}
const run = (args, env = process.env) =>
  spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

const checked = run(['scripts/postgres/check-migrations.mjs']);
if (checked !== 0) process.exit(checked);
process.exit(
  run(
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'integration', ...process.argv.slice(2)],
    {
      ...process.env,
      TEST_DATABASE_URL: url,
    },
  ),
);
