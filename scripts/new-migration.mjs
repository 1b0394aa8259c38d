#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema as
// committed (git HEAD) to prisma/schema.prisma as it is now. This is how migrations are made
// here, since `prisma migrate dev` needs a shadow database the offline engine cannot create.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <snake_case_name>');
  process.exit(1);
}
const old = path.join(os.tmpdir(), `schema-head-${process.pid}.prisma`);
fs.writeFileSync(old, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root }));
const r = spawnSync(
  process.execPath,
  [
    'node_modules/prisma/build/index.js',
    'migrate',
    'diff',
    '--from-schema-datamodel',
    old,
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { cwd: root, env: defaultEnv(), encoding: 'utf8' },
);
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), r.stdout);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql; apply it with npm run db:setup`);
