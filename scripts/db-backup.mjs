#!/usr/bin/env node
// `npm run db:backup [-- <file or folder>]`: a consistent copy of the app's SQLite database, safe
// while the app is serving (SQLite's online backup API, see scripts/sqlite-backup.mjs), then
// `PRAGMA integrity_check` on the copy. Default: data/backups/counterpoint-<timestamp>.db.
import fs from 'node:fs';
import path from 'node:path';
import { defaultEnv, root } from './env.mjs';
import { backupDatabase, defaultBackupFile, integrityCheck } from './sqlite-backup.mjs';

const env = defaultEnv();
const source = path.resolve(root, env.DATABASE_URL.replace(/^file:/, '').replace(/\?.*$/, ''));
const arg = process.argv[2];
const dest = !arg
  ? defaultBackupFile(path.join(env.COUNTERPOINT_DATA_DIR, 'backups'))
  : fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory()
    ? defaultBackupFile(arg)
    : path.resolve(arg);

try {
  const { file, bytes, ms } = await backupDatabase(source, dest);
  console.log(`Backed up ${source}`);
  console.log(`      to ${file}`);
  console.log(
    `    size ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes), in ${Math.round(ms)} ms`,
  );
  const result = integrityCheck(file);
  console.log(`integrity_check: ${result.join('\n                 ')}`);
  if (result.length !== 1 || result[0] !== 'ok') {
    console.error('The copy is damaged (so, most likely, is the database): keep older backups.');
    process.exit(1);
  }
} catch (e) {
  console.error(`Backup failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
