import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, integrityCheck } from '../../scripts/sqlite-backup.mjs';

// `npm run db:backup` against a database that another process keeps writing to, on a temporary
// SQLite file of its own (not the app's schema): the copy must be sound and hold every
// transaction up to one moment, none half-done.

const root = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The driver, typed as far as used here.
type Conn = {
  exec(sql: string): void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  prepare(sql: string): { get(): unknown; all(): unknown[]; pluck(): { get(): unknown } };
  close(): void;
};
const Database = createRequire(import.meta.url)('better-sqlite3') as new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean },
) => Conn;

/** The body tests/support/sqlite-writer.mjs writes for row `id`. */
const body = (id: number) => String(id).padStart(8, '0').repeat(25);

function createDatabase(name: string): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE row (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);`);
  db.close();
  return file;
}

function lastWritten(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT n FROM counter').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Starts the writer process and resolves once it is writing. */
function startWriter(file: string) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'tests/support/sqlite-writer.mjs'), file],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited (${code}) before it was ready`)));
  });
  const stop = () =>
    new Promise<number>((resolve) => {
      child.on('exit', (code) => {
        expect(code).toBe(0);
        resolve(Number(/stopped (\d+)/.exec(out)?.[1]));
      });
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

describe('db:backup', () => {
  it('copies a database that another process keeps writing: sound, and rows 1..N with nothing half-written', async () => {
    const live = createDatabase('live.db');
    const writer = startWriter(live);
    await writer.ready;

    const before = lastWritten(live);
    const dest = path.join(dir, 'backups', 'copy.db');
    const result = await backupDatabase(live, dest);
    const after = lastWritten(live);
    const stoppedAt = await writer.stop();

    expect(result.file).toBe(dest);
    expect(result.bytes).toBe(fs.statSync(dest).size);
    expect(result.bytes).toBeGreaterThan(1_000_000);
    expect(integrityCheck(dest)).toEqual(['ok']);
    // One self-contained file: rollback journal, nothing left beside it.
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['copy.db']);

    const copy = new Database(dest, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const rows = copy.prepare('SELECT id, body FROM row ORDER BY id').all() as {
        id: number;
        body: string;
      }[];
      const n = rows.length;
      // A prefix of what was written: ids 1..n, each body whole, and the counter written in the
      // same transactions says n too.
      expect(rows.every((r, i) => r.id === i + 1 && r.body === body(r.id))).toBe(true);
      expect(copy.prepare('SELECT n FROM counter').pluck().get()).toBe(n);
      // Taken while the writer was running: at or after the moment the backup started, before
      // the writer stopped; and the writer kept committing while the backup ran.
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThanOrEqual(after);
      expect(after).toBeGreaterThan(before);
      expect(stoppedAt).toBeGreaterThanOrEqual(after);
    } finally {
      copy.close();
    }
    // The live database is intact and still has everything the writer wrote.
    expect(integrityCheck(live)).toEqual(['ok']);
    expect(lastWritten(live)).toBe(stoppedAt);
  });

  it('refuses to overwrite an existing file', async () => {
    const live = createDatabase('refuse.db');
    await expect(backupDatabase(live, live)).rejects.toThrow(/already exists/);
    await expect(
      backupDatabase(path.join(dir, 'missing.db'), path.join(dir, 'x.db')),
    ).rejects.toThrow(/no database/);
  });

  const cli = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/db-backup.mjs', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('npm run db:backup writes data/backups/counterpoint-<timestamp>.db and reports it', () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const live = createDatabase('data/counterpoint.db');
    const r = cli({ COUNTERPOINT_DATA_DIR: dataDir, DATABASE_URL: `file:${live}` });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [name] = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(name).toMatch(/^counterpoint-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(r.stdout).toContain(path.join(dataDir, 'backups', name!));
    expect(r.stdout).toMatch(/size .* MB .* in \d+ ms/);
    expect(r.stdout).toContain('integrity_check: ok');
  });

  it('exits non-zero and prints the problems when the copy fails integrity_check', () => {
    const live = createDatabase('damaged.db');
    const db = new Database(live);
    db.pragma('journal_mode = DELETE');
    db.exec(`CREATE INDEX row_body ON row (body);
      INSERT INTO row (id, body) VALUES (1, 'a'), (2, 'b'), (3, 'c');`);
    const page = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'row_body'")
      .pluck()
      .get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Overwrite the end of the index's page, where its entries are: the table and index disagree.
    const fd = fs.openSync(live, 'r+');
    fs.writeSync(fd, Buffer.from('ZZZZZZZZ'), 0, 8, page * pageSize - 20);
    fs.closeSync(fd);

    const dest = path.join(dir, 'damaged-copy.db');
    const r = cli({ DATABASE_URL: `file:${live}` }, dest);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(dest);
    expect(r.stdout).toMatch(/integrity_check: [\s\S]*missing from index row_body/);
    expect(r.stderr).toMatch(/damaged/);
  });
});
