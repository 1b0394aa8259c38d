import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeTransaction } from '@/lib/server/db-client';
import { renameMap } from '@/lib/server/maps';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { BUSY_BUDGET_MS } from '@/lib/server/sqlite-adapter';
import { claim, db, userWithMap } from '../support/factories';

// The storage layer under the failures that used to wedge it: another program holding the
// database, a commit that fails, a full disk. Each time, the write is refused with a clear,
// retryable answer; later writes succeed without a restart; nothing acknowledged is lost.
// These are SQLite's own failures (its file, its locks, its adapter), so they run on SQLite only.
// On PostgreSQL the server has its own; lib/server/db-errors.ts maps them to the same answers.
const onSqlite = process.env.DATABASE_URL!.startsWith('file:');

const file = process.env.DATABASE_URL!.replace(/^file:/, '');
/** A second connection, as another program (a backup, the sqlite3 shell) would open. */
const other = () => new Database(file, { timeout: 0 });
let open: Database.Database[] = [];
afterEach(() => {
  for (const c of open) {
    if (c.inTransaction) c.exec('ROLLBACK');
    c.close();
  }
  open = [];
});
const hold = (sql: string) => {
  const c = other();
  open.push(c);
  c.exec(sql);
  return c;
};

const addOp = (thesisId: string, text: string) => ({
  id: crypto.randomUUID(),
  kind: 'claim.add',
  claimId: crypto.randomUUID(),
  thesisId,
  parentId: null,
  stance: 'pro',
  text,
  order: 'a0',
});

/** What is in the file, read by a fresh connection: only what was really committed. */
const committedText = (id: string) => {
  const c = other();
  try {
    return (c.prepare('SELECT text FROM claim WHERE id = ?').get(id) as { text: string })?.text;
  } finally {
    c.close();
  }
};

/**
 * The app's write path in a process of its own (tests/support/ops-process.ts) on `url`: as the
 * user `nobody` when the tests run as root (root writes any file whatever its mode), so that a
 * file's mode means to it what it means to a server. `send` applies operations there.
 */
async function serverProcess(url: string) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      './scripts/bench/server-only-shim.cjs',
      '--import',
      'tsx',
      'tests/support/ops-process.ts',
      url,
    ],
    {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
      ...(process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}),
    },
  );
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('The server process ended.');
    return line.value;
  };
  expect(await next()).toBe('ready');
  return {
    async send(userId: string, mapId: string, ops: unknown[]) {
      child.stdin.write(`${JSON.stringify({ userId, mapId, ops })}\n`);
      return JSON.parse(await next()) as Awaited<ReturnType<typeof applyOps>>;
    },
    stop: () => child.kill('SIGKILL'),
  };
}
const NOBODY = 65534;

describe.runIf(onSqlite)('storage that fails safe', () => {
  it('runs in WAL mode with full sync, so readers never block writers', async () => {
    await db.user.count();
    const c = other();
    open.push(c);
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    const rows = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
    expect(Number(rows[0]!.synchronous)).toBe(2);
  });

  it('keeps writing while another program holds a read lock for longer than any timeout', async () => {
    const { user, map, a } = await userWithMap();
    const reader = hold('BEGIN');
    reader.prepare('SELECT count(*) FROM claim').get();
    await new Promise((r) => setTimeout(r, 200));
    const op = addOp(a.id, 'Written under a read lock');
    const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    expect(results[0]).toMatchObject({ ok: true });
    expect(committedText(op.claimId)).toBe('Written under a read lock');
  });

  it('refuses a write as "try again" while another program holds the write lock, then recovers', async () => {
    const { user, map, a } = await userWithMap();
    const saved = await claim(user.id, map.id, a.id, null, 'pro', 'Acknowledged before');
    hold('BEGIN IMMEDIATE');
    // The wait for the lock does not freeze the server: timers keep firing meanwhile.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const blocked = addOp(a.id, 'Blocked');
    const t0 = Date.now();
    const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [blocked] });
    clearInterval(ticker);
    expect(results[0]).toMatchObject({ ok: false, code: 'UNAVAILABLE', retry: true });
    expect(results[0]).toMatchObject({ message: expect.stringMatching(/busy/) });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(BUSY_BUDGET_MS * 0.8);
    expect(ticks).toBeGreaterThan((BUSY_BUDGET_MS / 50) * 0.5);

    // The other program lets go: the same operation, sent again, is applied; so are new ones.
    const c = open.pop()!;
    c.exec('ROLLBACK');
    c.close();
    const retry = await applyOps(db, { userId: user.id, mapId: map.id, ops: [blocked] });
    expect(retry.results[0]).toMatchObject({ ok: true });
    await renameMap(db, { userId: user.id, mapId: map.id, title: 'Renamed after the lock' });
    expect(committedText(blocked.claimId)).toBe('Blocked');
    expect(committedText(saved.id)).toBe('Acknowledged before');
    const title = other().prepare('SELECT title FROM argument_map WHERE id = ?').get(map.id);
    expect(title).toEqual({ title: 'Renamed after the lock' });
  }, 20_000);

  it('waits out a short lock instead of failing', async () => {
    const { user, map, a } = await userWithMap();
    const c = hold('BEGIN IMMEDIATE');
    setTimeout(() => c.exec('ROLLBACK'), 300);
    const op = addOp(a.id, 'Waited');
    const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    expect(results[0]).toMatchObject({ ok: true });
  });

  it('leaves the connection usable after a failed COMMIT: the next write is saved for real', async () => {
    const { user, map } = await userWithMap();
    // A deferred foreign key makes COMMIT itself fail (as a full disk or a lock can).
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('PRAGMA defer_foreign_keys = ON');
        await tx.$executeRawUnsafe(
          `INSERT INTO claim (id, mapId, thesisId, stance, text, orderKey, updatedAt)
           VALUES ('orphan', 'no-such-map', 'no-such-thesis', 'pro', 'x', 'a0', 0)`,
        );
      }),
    ).rejects.toThrow();
    // The same through the direct path every change a class sends takes.
    await expect(
      writeTransaction(db, async (sql) => {
        await sql.$executeRaw`PRAGMA defer_foreign_keys = ON`;
        await sql.$executeRaw`INSERT INTO claim (id, mapId, thesisId, stance, text, orderKey, updatedAt)
          VALUES ('orphan', 'no-such-map', 'no-such-thesis', 'pro', 'x', 'a0', 0)`;
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    // Before the fix this hung for ever (the adapter's lock was never released), and a write
    // outside a transaction ran inside the abandoned one and vanished at restart.
    await renameMap(db, { userId: user.id, mapId: map.id, title: 'After a failed commit' });
    const c = other();
    open.push(c);
    expect(c.prepare('SELECT title FROM argument_map WHERE id = ?').get(map.id)).toEqual({
      title: 'After a failed commit',
    });
    expect(c.prepare("SELECT count(*) AS n FROM claim WHERE id = 'orphan'").get()).toEqual({
      n: 0,
    });
  });

  it('says the disk is full, keeps the change for a retry, and writes again once there is room', async () => {
    const { user, map, a } = await userWithMap();
    const rows = await db.$queryRawUnsafe<{ page_count: bigint }[]>('PRAGMA page_count');
    const pages = rows[0]!.page_count;
    // SQLite's own limit on the file's size gives a real "database or disk is full".
    await db.$executeRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
    let full: unknown = null;
    const refused: string[] = [];
    try {
      for (let i = 0; i < 200 && !full; i++) {
        const op = addOp(a.id, `Filling ${i} ${'x'.repeat(900)}`);
        const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
        if (!results[0]!.ok) {
          full = results[0];
          refused.push(op.claimId);
        }
      }
    } finally {
      await db.$executeRawUnsafe('PRAGMA max_page_count = 4294967294');
    }
    expect(full).toMatchObject({
      ok: false,
      code: 'UNAVAILABLE',
      retry: true,
      message: expect.stringMatching(/disk is full/),
    });
    expect(committedText(refused[0]!)).toBeUndefined();
    const after = addOp(a.id, 'Room again');
    const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [after] });
    expect(results[0]).toMatchObject({ ok: true });
    expect(committedText(after.claimId)).toBe('Room again');
  }, 20_000);

  it('writes claims straight on the driver, in the same form Prisma writes and reads', async () => {
    const { user, map, a } = await userWithMap();
    const viaPrisma = await db.claim.create({
      data: {
        id: crypto.randomUUID(),
        mapId: map.id,
        thesisId: a.id,
        stance: 'pro',
        text: 'Written by Prisma',
        orderKey: 'a0',
      },
    });
    const transactions = vi.spyOn(db, '$transaction');
    const add = addOp(a.id, 'Written directly');
    const edit = {
      id: crypto.randomUUID(),
      kind: 'claim.update',
      claimId: add.claimId,
      set: { text: 'Edited directly', strength: 3 },
      base: { text: 'Written directly' },
    };
    const before = Date.now();
    const { results } = await applyOps(db, { userId: user.id, mapId: map.id, ops: [add, edit] });
    expect(results).toMatchObject([{ ok: true }, { ok: true }]);
    // No change takes a Prisma transaction (every kind: tests/integration/direct-writes.test.ts).
    expect(transactions).not.toHaveBeenCalled();
    const del = {
      id: crypto.randomUUID(),
      kind: 'claim.delete',
      claimId: add.claimId,
      seen: [add.claimId],
    };
    const deleted = await applyOps(db, { userId: user.id, mapId: map.id, ops: [del] });
    expect(deleted.results[0]).toMatchObject({ ok: true });
    expect(transactions).not.toHaveBeenCalled();
    transactions.mockRestore();

    const row = await db.claim.findUniqueOrThrow({ where: { id: add.claimId } });
    expect(row).toMatchObject({ text: 'Edited directly', strength: 3, version: 2 });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    const c = other();
    open.push(c);
    const stamps = c
      .prepare('SELECT createdAt FROM claim WHERE id IN (?, ?)')
      .all(viaPrisma.id, add.claimId) as { createdAt: string }[];
    for (const { createdAt } of stamps)
      expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/);
    const ops = await db.mapOperation.findMany({
      where: { mapId: map.id },
      orderBy: { revision: 'asc' },
    });
    expect(ops.map((o) => [o.kind, o.revision])).toEqual([
      ['claim.add', 1],
      ['claim.update', 2],
      ['claim.delete', 3],
    ]);
    expect(JSON.parse(ops[1]!.before!)).toEqual({
      fields: { text: 'Written directly', strength: null },
    });
  });

  it('writes again by itself once a file that was read-only when the server started is writable', async () => {
    const { user, map, a } = await userWithMap();
    // A copy of the database in a folder of its own, in WAL mode as the app keeps it, read-only.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-readonly-'));
    const copy = path.join(dir, 'app.db');
    await db.$executeRawUnsafe(`VACUUM INTO '${copy}'`);
    const c = new Database(copy);
    c.pragma('journal_mode = WAL');
    c.close();
    if (process.getuid?.() === 0) for (const f of [dir, copy]) fs.chownSync(f, NOBODY, NOBODY);
    fs.chmodSync(copy, 0o444);
    const server = await serverProcess(`file:${copy}`);
    try {
      const op = addOp(a.id, 'Kept until the file is writable');
      const refused = await server.send(user.id, map.id, [op]);
      expect(refused.results[0]).toMatchObject({
        ok: false,
        code: 'UNAVAILABLE',
        retry: true,
        message: expect.stringMatching(/read-only/),
      });
      // The cause is fixed: the resend of the same change and a new one are saved, no restart.
      fs.chmodSync(copy, 0o644);
      const resent = await server.send(user.id, map.id, [op]);
      expect(resent.results[0]).toMatchObject({ ok: true });
      const later = addOp(a.id, 'Written after');
      expect((await server.send(user.id, map.id, [later])).results[0]).toMatchObject({ ok: true });
      const check = new Database(copy, { readonly: true });
      const texts = check
        .prepare('SELECT text FROM claim WHERE mapId = ? ORDER BY text')
        .all(map.id);
      check.close();
      expect(texts).toEqual([
        { text: 'Kept until the file is writable' },
        { text: 'Written after' },
      ]);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
