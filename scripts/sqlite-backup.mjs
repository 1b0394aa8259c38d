// A consistent copy of a live SQLite database, made with SQLite's online backup API (through
// better-sqlite3), never by copying the file: a file copy taken while the app writes can mix pages
// from before and after a write, and misses what is still in the -wal file. Used by
// scripts/db-backup.mjs (`npm run db:backup`) and by tests/integration/backup.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Every page in one step (better-sqlite3 caps the count at this). */
const ALL_PAGES = 0x7fffffff;

/**
 * The default backup file in `dir`: counterpoint-<ISO timestamp, UTC, ':' as '-'>.db.
 * @param {string} dir
 * @param {Date} [date]
 */
export function defaultBackupFile(dir, date = new Date()) {
  const stamp = date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return path.join(dir, `counterpoint-${stamp}.db`);
}

/**
 * Copies the database `source` to `dest` (which must not exist yet) while other connections
 * (the running app) keep reading and writing it.
 *
 * The pages are copied in one backup step, that is inside one read transaction: the copy is the
 * database as of one moment. In WAL mode (the app's mode) a reader never blocks the app's writers,
 * so the app keeps writing meanwhile. (A copy in many small steps would start over each time
 * another connection writes, and might never finish on a busy database.)
 *
 * The copy is written beside `dest` first and renamed when complete, and switched to the rollback
 * journal: a single self-contained file, with no -wal file that must travel with it.
 *
 * @param {string} source
 * @param {string} dest
 * @returns {Promise<{ file: string, bytes: number, ms: number, pages: number }>}
 */
export async function backupDatabase(source, dest) {
  const from = path.resolve(source);
  const file = path.resolve(dest);
  if (!fs.existsSync(from)) throw new Error(`There is no database at ${from}.`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose another file.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });

  const started = performance.now();
  const db = new Database(from, { fileMustExist: true });
  let pages;
  try {
    ({ totalPages: pages } = await db.backup(partial, { progress: () => ALL_PAGES }));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fs.renameSync(partial, file);
  const ms = performance.now() - started;
  return { file, bytes: fs.statSync(file).size, ms, pages };
}

/**
 * `PRAGMA integrity_check` on the database file: ['ok'] when it is sound, else the problems found.
 * @param {string} file
 * @returns {string[]}
 */
export function integrityCheck(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check').map((row) => String(Object.values(row)[0]));
  } finally {
    db.close();
  }
}
