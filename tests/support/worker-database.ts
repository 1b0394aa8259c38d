import { databaseName, databaseUrl } from '../../scripts/postgres/scratch.mjs';

// On PostgreSQL each test worker has a database of its own (made by integration-setup.ts), so test
// files run in parallel without seeing each other's rows. Runs before a file's imports, so the
// app's client (lib/server/db.ts) connects to it.
const base = process.env.TEST_DATABASE_URL;
if (base) {
  const worker = process.env.VITEST_POOL_ID ?? '1';
  process.env.DATABASE_URL = databaseUrl(base, `${databaseName(base)}_w${worker}`);
}
