import 'server-only';
import crypto from 'node:crypto';
import { retryWait, MAX_ATTEMPTS } from '@/lib/domain/outbox';
import { db as appDb, type Db, type Tx } from './db';
import { deliverMail, type MailPayload } from './mail-transport';
import { deliverScore, type ScorePayload } from './lti/score-delivery';

/**
 * Deliveries to other systems (mail through SMTP, grades to an LMS), kept in the database until
 * they are sent. `enqueue` writes one in the caller's transaction, so it exists exactly when the
 * action that caused it does; it is sent soon after (`kickOutbox`) and, if that fails, retried
 * with a growing wait by every app server's loop (`startOutboxLoop`), never lost and never sent
 * twice at once: a server claims a message for a minute before it tries.
 */
export type OutboxPayloads = { mail: MailPayload; 'lti-score': ScorePayload };
export type OutboxKind = keyof OutboxPayloads;

const deliveries: { [K in OutboxKind]: (payload: OutboxPayloads[K]) => Promise<void> } = {
  mail: deliverMail,
  'lti-score': deliverScore,
};

/** How long one server holds a message it is delivering before another may try. */
const CLAIM_MS = 60_000;
/** How often each server looks for messages due (new ones are also kicked at once). */
const POLL_MS = 10_000;

export async function enqueue<K extends OutboxKind>(
  client: Db | Tx,
  kind: K,
  payload: OutboxPayloads[K],
  options: { subjectKey?: string } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  await client.outboxMessage.create({
    data: { id, kind, payload: JSON.stringify(payload), subjectKey: options.subjectKey ?? null },
    select: { id: true },
  });
  kickOutbox();
  return id;
}

/** Tries one message now if nobody else is; records what happened. Returns whether it was sent. */
async function attempt(id: string, now: Date): Promise<boolean> {
  const claimed = await appDb.outboxMessage.updateMany({
    where: {
      id,
      sentAt: null,
      failedAt: null,
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return false;
  const row = await appDb.outboxMessage.findUniqueOrThrow({ where: { id } });
  try {
    const deliver = deliveries[row.kind as OutboxKind] as (payload: unknown) => Promise<void>;
    if (!deliver) throw new Error(`Nothing delivers “${row.kind}”.`);
    await deliver(JSON.parse(row.payload));
    await appDb.outboxMessage.update({
      where: { id },
      data: { sentAt: new Date(), claimedUntil: null, lastError: null },
    });
    return true;
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    const giveUp = row.attempts >= MAX_ATTEMPTS;
    await appDb.outboxMessage.update({
      where: { id },
      data: {
        claimedUntil: null,
        lastError: lastError.slice(0, 1000),
        ...(giveUp
          ? { failedAt: new Date() }
          : { nextAttemptAt: new Date(Date.now() + retryWait(row.attempts)) }),
      },
    });
    return false;
  }
}

/** Delivers the messages due now (oldest first, a few at a time). Returns how many were sent. */
export async function deliverDue(now = new Date(), limit = 20): Promise<number> {
  const due = await appDb.outboxMessage.findMany({
    where: {
      sentAt: null,
      failedAt: null,
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) if (await attempt(id, now)) sent++;
  return sent;
}

let running: Promise<unknown> | null = null;
const runOnce = () => {
  running ??= deliverDue()
    .catch(() => 0) // the database is busy or gone: the loop looks again
    .finally(() => (running = null));
  return running;
};

/**
 * Delivers soon what was just enqueued: a moment from now (a transaction that wrote it has
 * committed by then; if not, the loop finds it).
 */
export function kickOutbox(): void {
  startOutboxLoop();
  setTimeout(() => void runOnce(), 50).unref?.();
}

const globalForOutbox = globalThis as unknown as { counterpointOutbox?: NodeJS.Timeout };
/** Starts this server's delivery loop once (on first use of the outbox). */
export function startOutboxLoop(): void {
  if (globalForOutbox.counterpointOutbox || process.env.COUNTERPOINT_OUTBOX === 'off') return;
  globalForOutbox.counterpointOutbox = setInterval(() => void runOnce(), POLL_MS);
  globalForOutbox.counterpointOutbox.unref?.();
}
