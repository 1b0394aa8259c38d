// PostgreSQL beside SQLite: one schema to edit (prisma/schema.prisma, SQLite), and a PostgreSQL copy
// derived from it. Prisma refuses a provider taken from the environment, and a client generated for
// one provider refuses the other's driver adapter, so the app ships two generated clients; only
// the SQLite one's types are used in the code (the queries are the same on both).
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SQLITE_SCHEMA = 'prisma/schema.prisma';
/** Generated (git-ignored): written by every `npm ci`/`npm install` and by db:migration. */
export const POSTGRES_SCHEMA = 'lib/generated/schema.postgres.prisma';
export const SQLITE_MIGRATIONS = 'prisma/migrations';
export const POSTGRES_MIGRATIONS = 'prisma/migrations-postgres';

/** postgres:// or postgresql://: the app, its scripts and the tests use PostgreSQL. */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? '');

/** The PostgreSQL schema for a SQLite schema's text: other provider, other client folder. */
export function postgresSchemaText(sqliteText) {
  const out = sqliteText
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "./prisma-pg"');
  if (!out.includes('"postgresql"') || !out.includes('"./prisma-pg"')) {
    throw new Error(
      `${SQLITE_SCHEMA}: expected provider = "sqlite" and output = "../lib/generated/prisma"; ` +
        'update scripts/postgres/schema.mjs if they changed.',
    );
  }
  return (
    `// GENERATED from ${SQLITE_SCHEMA} by scripts/postgres/schema.mjs: edit that file, not this one.\n` +
    out
  );
}

/** Writes lib/generated/schema.postgres.prisma from prisma/schema.prisma; returns its path. */
export function writePostgresSchema(
  from = path.join(root, SQLITE_SCHEMA),
  to = path.join(root, POSTGRES_SCHEMA),
) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, postgresSchemaText(fs.readFileSync(from, 'utf8')));
  return to;
}
