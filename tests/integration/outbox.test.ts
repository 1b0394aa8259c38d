import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTEMPTS } from '@/lib/domain/outbox';
import { deliverDue, enqueue, retryNow } from '@/lib/server/outbox';
import { start } from '../../scripts/fakes/smtp.mjs';
import { db } from '../support/factories';

// The outbox (lib/server/outbox.ts) sending mail through a real SMTP server run here
// (scripts/fakes/smtp.mjs): a message exists exactly when the transaction that made it commits,
// a failed send is tried again later and then sent, two servers delivering at once send it once,
// and what is refused for good or too often is kept as failed until "Send again".

let smtp: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  smtp = await start(0);
  vi.stubEnv('SMTP_URL', smtp.url);
  vi.stubEnv('MAIL_FROM', 'Counterpoint <counterpoint@school.example>');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});
beforeEach(async () => {
  // Every test starts with nothing waiting (another test's leftovers would be sent too).
  await db.outboxMessage.deleteMany({});
  smtp.clear();
  smtp.failNext(0);
});

/** An app server's delivery in a process of its own (tests/support/outbox-process.ts). */
async function serverProcess() {
  const child = spawn(
    process.execPath,
    [
      '--require',
      './scripts/bench/server-only-shim.cjs',
      '--import',
      'tsx',
      'tests/support/outbox-process.ts',
    ],
    {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, SMTP_URL: smtp.url, COUNTERPOINT_OUTBOX: 'off' },
      stdio: ['pipe', 'pipe', 'inherit'],
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
    /** Delivers what is due there; how many it sent. */
    deliver: async () => {
      child.stdin.write('go\n');
      return Number(await next());
    },
    stop: () => child.kill('SIGKILL'),
  };
}

let n = 0;
const mail = (subject = 'Hello') => ({
  to: `reader-${++n}@school.example`,
  subject,
  text: 'Plain words',
  html: '<p>Plain words</p>',
});
const later = (ms: number) => new Date(Date.now() + ms);

describe('the outbox, with a real SMTP server', () => {
  it('sends what was enqueued, in text and HTML, from MAIL_FROM', async () => {
    const m = mail('A subject');
    await enqueue(db, 'mail', m);
    expect(await deliverDue()).toBe(1);
    const [got] = smtp.messages(m.to);
    expect(got).toMatchObject({ subject: 'A subject', from: 'counterpoint@school.example' });
    expect(got!.text.trim()).toBe('Plain words');
    expect(got!.html).toContain('<p>Plain words</p>');
    const row = await db.outboxMessage.findFirstOrThrow({});
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
    expect(await deliverDue(later(3_600_000))).toBe(0); // never again
    expect(smtp.messages(m.to)).toHaveLength(1);
  });

  it('never sends a message whose transaction rolled back', async () => {
    const m = mail();
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, 'mail', m);
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await deliverDue(later(24 * 3_600_000))).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
    expect(smtp.messages(m.to)).toEqual([]);
  });

  it('tries a failed send again later, not before, and then sends it once', async () => {
    const m = mail();
    await enqueue(db, 'mail', m);
    smtp.failNext(1); // the mail server is down for a moment (451)
    expect(await deliverDue()).toBe(0);
    const failed = await db.outboxMessage.findFirstOrThrow({});
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(failed.lastError).toMatch(/451|later/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverDue()).toBe(0); // not due yet
    expect(await deliverDue(later(31_000))).toBe(1);
    expect(smtp.messages(m.to)).toHaveLength(1);
    expect(await db.outboxMessage.findFirstOrThrow({})).toMatchObject({
      attempts: 2,
      lastError: null,
    });
  });

  it('sends once when two servers deliver at once', { timeout: 60_000 }, async () => {
    const ms = Array.from({ length: 12 }, () => mail());
    for (const m of ms) await enqueue(db, 'mail', m);
    const servers = [await serverProcess(), await serverProcess()];
    try {
      // Two app servers and this one, all at the same moment, on the same messages.
      const sent = await Promise.all([...servers.map((s) => s.deliver()), deliverDue()]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(ms.length);
    } finally {
      for (const s of servers) s.stop();
    }
    for (const m of ms) expect(smtp.messages(m.to)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { attempts: 1, sentAt: { not: null } } })).toBe(
      ms.length,
    );
  });

  it('keeps a message refused for good (5xx) as failed at once; "send again" sends it', async () => {
    const m = mail();
    const id = await enqueue(db, 'mail', m);
    smtp.failNext(1, 550);
    expect(await deliverDue()).toBe(0);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(row.lastError).toMatch(/550|mailbox/i);
    expect(await deliverDue(later(24 * 3_600_000))).toBe(0); // given up: no more tries
    expect(await retryNow(id)).toEqual({ sent: true, error: null });
    expect(smtp.messages(m.to)).toHaveLength(1);
    expect(await retryNow(id)).toBeNull(); // sent already
  });

  it(`gives up after ${MAX_ATTEMPTS} tries, and "send again" starts over`, async () => {
    const m = mail();
    const id = await enqueue(db, 'mail', m);
    smtp.failNext(MAX_ATTEMPTS + 1);
    let at = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDue(new Date(at));
      at += 2 * 3_600_000;
    }
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row.failedAt).toBeInstanceOf(Date);
    const again = await retryNow(id); // the server still refuses, once more
    expect(again?.sent).toBe(false);
    expect(again?.error).toMatch(/451|later/i);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      attempts: 1,
      failedAt: null,
    });
    expect(await deliverDue(later(31_000))).toBe(1);
    expect(smtp.messages(m.to)).toHaveLength(1);
  });

  it('keeps a message while the SMTP server cannot be reached at all', async () => {
    const m = mail();
    await enqueue(db, 'mail', m);
    const down = await start(0);
    await down.stop(); // a port nobody listens on now
    vi.stubEnv('SMTP_URL', down.url);
    try {
      expect(await deliverDue()).toBe(0);
    } finally {
      vi.stubEnv('SMTP_URL', smtp.url);
    }
    expect((await db.outboxMessage.findFirstOrThrow({})).lastError).toMatch(
      /ECONNREFUSED|connect/i,
    );
    expect(await deliverDue(later(31_000))).toBe(1);
    expect(smtp.messages(m.to)).toHaveLength(1);
  });
});
