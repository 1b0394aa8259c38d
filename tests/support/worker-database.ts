import path from 'node:path';
import { databaseName, databaseUrl } from '../../scripts/postgres/scratch.mjs';

// Each test worker has a database of its own (made by integration-setup.ts), so test files run in
// parallel without seeing each other's rows. Runs before a file's imports, so the app's client
// (lib/server/db.ts) connects to it.
const base = process.env.TEST_DATABASE_URL;
const worker = process.env.VITEST_POOL_ID ?? '1';
process.env.DATABASE_URL = base
  ? databaseUrl(base, `${databaseName(base)}_w${worker}`)
  : `file:${path.join(process.env.COUNTERPOINT_DATA_DIR!, `integration-w${worker}.db`)}`;
