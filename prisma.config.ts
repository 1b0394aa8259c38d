import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

// The WebAssembly schema engine with a driver adapter is what lets migrations run with no network.
// DATABASE_URL picks the database: postgres[ql]:// is PostgreSQL (the schema derived from
// prisma/schema.prisma by scripts/postgres/schema.mjs, and its own migrations), anything else
// SQLite. On PostgreSQL, `migrate status` works here; migrations are applied by
// scripts/postgres/migrate.mjs (see README, "Deploying for a school or district").
const url = process.env.DATABASE_URL ?? 'file:./data/counterpoint.db';
const postgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres
    ? path.join('lib', 'generated', 'schema.postgres.prisma')
    : path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', postgres ? 'migrations-postgres' : 'migrations') },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
