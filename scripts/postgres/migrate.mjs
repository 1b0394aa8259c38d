#!/usr/bin/env node
// Applies prisma/migrations-postgres to a PostgreSQL database: `node scripts/postgres/migrate.mjs`
// (DATABASE_URL), run by scripts/setup.mjs at every start. Prisma 6.19's offline (WebAssembly)
// schema engine cannot run `migrate deploy` on PostgreSQL (see ../shared/POSTGRES.md), so this
// does what it does, in Prisma's own bookkeeping: the same `_prisma_migrations` table and
// checksums, under the same advisory lock, so `npm run prisma -- migrate status` agrees with it and
// a database Prisma itself migrated is accepted. Each migration runs in one transaction with its
// row: a failing one leaves nothing behind. Servers starting at once apply each migration once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, root } from './schema.mjs';

/** Prisma Migrate's advisory lock key: held, Prisma's own deploy waits for this runner too. */
const PRISMA_LOCK = 72707369;

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The migrations in the folder, oldest first: { name, sql, checksum }. */
export function readMigrations(dir = path.join(root, POSTGRES_MIGRATIONS)) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the pending migrations; returns the names applied. Refuses (throws) when the database
 * has a failed migration or one whose file changed since it was applied: a person must look.
 */
export async function migratePostgres(url, { log = console.log } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_LOCK]);
    await client.query(TABLE);
    const { rows } = await client.query(
      'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"',
    );
    const done = new Map();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at)
        throw new Error(`Migration ${row.migration_name} failed earlier: fix it by hand first.`);
      done.set(row.migration_name, row.checksum);
    }
    const applied = [];
    for (const m of readMigrations()) {
      if (done.has(m.name)) {
        if (done.get(m.name) !== m.checksum)
          log(`Warning: ${m.name} changed after it was applied (the database keeps the old one).`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name",
             "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed, nothing of it was applied: ${error.message}`);
      }
      applied.push(m.name);
    }
    log(
      applied.length
        ? `Applied ${applied.length} PostgreSQL migration(s): ${applied.join(', ')}`
        : 'PostgreSQL database is up to date.',
    );
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_LOCK]).catch(() => {});
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migratePostgres(process.env.DATABASE_URL).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
