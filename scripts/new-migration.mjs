#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes the migration that takes the schema as committed (git
// HEAD) to prisma/schema.prisma as it is now, twice, in folders of the same name:
// prisma/migrations/<timestamp>_<name> for SQLite and prisma/migrations-postgres/<timestamp>_<name>
// for PostgreSQL (from the derived schema, scripts/postgres/schema.mjs). This is how migrations
// are made here, since `prisma migrate dev` needs a shadow database the offline engine cannot
// create. `migrate diff` reads no database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';
import {
  POSTGRES_MIGRATIONS,
  SQLITE_MIGRATIONS,
  postgresSchemaText,
  writePostgresSchema,
} from './postgres/schema.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <snake_case_name>');
  process.exit(1);
}
const head = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], {
  cwd: root,
  encoding: 'utf8',
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-head-'));
const write = (file, text) => (fs.writeFileSync(path.join(tmp, file), text), path.join(tmp, file));
const pairs = [
  [SQLITE_MIGRATIONS, write('sqlite.prisma', head), 'prisma/schema.prisma'],
  [POSTGRES_MIGRATIONS, write('postgres.prisma', postgresSchemaText(head)), writePostgresSchema()],
];

// After every existing migration of either database, even one stamped ahead of the clock (the
// PostgreSQL baseline is): migrations apply in name order.
const latest = [SQLITE_MIGRATIONS, POSTGRES_MIGRATIONS]
  .map((folder) => path.join(root, folder))
  .flatMap((folder) => (fs.existsSync(folder) ? fs.readdirSync(folder) : []))
  .map((name) => /^(\d{14})_/.exec(name)?.[1])
  .filter(Boolean)
  .sort()
  .at(-1);
const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const stamp = latest && latest >= now ? String(BigInt(latest) + 1n) : now;
for (const [folder, from, to] of pairs) {
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/prisma/build/index.js',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      from,
      '--to-schema-datamodel',
      to,
      '--script',
    ],
    // `migrate diff` reads no database; an in-memory SQLite URL keeps the config from opening one.
    {
      cwd: root,
      env: defaultEnv({ ...process.env, DATABASE_URL: 'file::memory:' }),
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const dir = path.join(root, folder, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), r.stdout);
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log('Apply them with npm run db:setup (on the database DATABASE_URL names).');
