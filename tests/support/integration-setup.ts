import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// A real SQLite file, created fresh for each run and migrated with the project's own migrations.
export const TEST_DATA_DIR = path.resolve(__dirname, '..', '..', 'data', 'test');

export default function setup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  const r = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: `file:${path.join(TEST_DATA_DIR, 'integration.db')}` },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
}
