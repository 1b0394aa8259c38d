#!/usr/bin/env node
// `npm run db:check-postgres`: fails when prisma/migrations-postgres does not build the schema
// that prisma/schema.prisma describes (someone changed the schema without `npm run db:migration`,
// or edited a migration by hand). Needs a PostgreSQL server: TEST_POSTGRES_URL, or DATABASE_URL
// when it is postgres://. Builds two throwaway databases beside it, one from the migrations and
// one straight from the schema (`prisma migrate diff --from-empty`), and compares their tables,
// columns, indexes and constraints. (Prisma's own drift check needs a shadow database, which its
// offline engine cannot make on PostgreSQL.)
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { defaultEnv, root } from '../env.mjs';
import { migratePostgres } from './migrate.mjs';
import { dropDatabase, freshDatabase } from './scratch.mjs';
import { isPostgresUrl, writePostgresSchema } from './schema.mjs';

const CATALOG = {
  columns: `SELECT table_name || '.' || column_name AS key,
      concat_ws(' ', udt_name, character_maximum_length, datetime_precision,
        CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END, column_default) AS value
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  indexes: `SELECT indexname AS key, indexdef AS value FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraints: `SELECT t.relname || '.' || c.conname AS key, pg_get_constraintdef(c.oid) AS value
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
};

async function describe(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out = new Map();
    for (const [kind, sql] of Object.entries(CATALOG)) {
      for (const row of (await client.query(sql)).rows) out.set(`${kind} ${row.key}`, row.value);
    }
    return out;
  } finally {
    await client.end();
  }
}

async function fromSchema(url) {
  const diff = spawnSync(
    process.execPath,
    [
      'node_modules/prisma/build/index.js',
      'migrate',
      'diff',
      '--from-empty',
      '--to-schema-datamodel',
      writePostgresSchema(),
      '--script',
    ],
    {
      cwd: root,
      env: defaultEnv({ ...process.env, DATABASE_URL: 'file::memory:' }),
      encoding: 'utf8',
    },
  );
  if (diff.status !== 0) throw new Error(`prisma migrate diff failed:\n${diff.stderr}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(diff.stdout);
  } finally {
    await client.end();
  }
}

const base = [process.env.TEST_POSTGRES_URL, process.env.DATABASE_URL].find(isPostgresUrl);
if (!base) {
  console.error(
    'Needs a PostgreSQL server: set TEST_POSTGRES_URL (or DATABASE_URL) to postgres://…',
  );
  process.exit(2);
}
const t0 = Date.now();
try {
  const migrated = await freshDatabase(base, 'check_migrated');
  await migratePostgres(migrated, { log: () => {} });
  const expected = await freshDatabase(base, 'check_schema');
  await fromSchema(expected);
  const [have, want] = await Promise.all([describe(migrated), describe(expected)]);
  const problems = [];
  for (const [key, value] of want) {
    if (!have.has(key)) problems.push(`missing   ${key}: ${value}`);
    else if (have.get(key) !== value)
      problems.push(`different ${key}: ${have.get(key)}, schema says ${value}`);
  }
  for (const [key, value] of have) if (!want.has(key)) problems.push(`extra     ${key}: ${value}`);
  if (problems.length) {
    console.error('prisma/migrations-postgres does not match prisma/schema.prisma:');
    for (const p of problems.sort()) console.error(`  ${p}`);
    console.error('Write the missing migration with: npm run db:migration -- <name>');
    process.exitCode = 1;
  } else {
    console.log(
      `PostgreSQL migrations match the schema (${want.size} items, ${Date.now() - t0} ms).`,
    );
  }
} finally {
  await dropDatabase(base, 'check_migrated');
  await dropDatabase(base, 'check_schema');
}
