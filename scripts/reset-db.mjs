#!/usr/bin/env node
// Deletes the local database (not the session secret) and sets it up again: migrated and seeded.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { defaultEnv, root } from './env.mjs';

const file = defaultEnv().DATABASE_URL.replace(/^file:/, '');
for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
  fs.rmSync(f, { force: true });
console.log(`Removed ${file}`);
const r = spawnSync(process.execPath, ['scripts/setup.mjs'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
