import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../scripts/postgres/migrate.mjs';
import { freshDatabase } from '../../scripts/postgres/scratch.mjs';

// The integration tests run against a real database, created fresh for each run and migrated with
// the project's own migrations, one per test worker so that test files run in parallel without
// seeing each other's rows: SQLite files by default (integration-w1.db, -w2…: copies of one
// migrated file); with TEST_DATABASE_URL=postgres://…, PostgreSQL databases (<database>_w1,
// _w2…: copies of a migrated template). tests/support/worker-database.ts points each worker at its own.
// TEST_DATA_DIR (relative to the checkout) keeps two runs in one checkout apart.
export const TEST_DATA_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  process.env.TEST_DATA_DIR ?? 'data/test',
);

export default async function setup(project: TestProject) {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  const postgres = process.env.TEST_DATABASE_URL;
  const workers = Number(project.config.maxWorkers) || 1;
  if (postgres) {
    const template = await freshDatabase(postgres, 'template');
    await migratePostgres(template, { log: () => {} });
    for (let i = 1; i <= workers; i++) {
      await freshDatabase(postgres, `w${i}`, { template: new URL(template).pathname.slice(1) });
    }
    return;
  }
  const template = path.join(TEST_DATA_DIR, 'template.db');
  const r = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
  for (let i = 1; i <= workers; i++) {
    fs.copyFileSync(template, path.join(TEST_DATA_DIR, `integration-w${i}.db`));
  }
}
