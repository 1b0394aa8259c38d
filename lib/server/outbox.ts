import 'server-only';
import crypto from 'node:crypto';
import { retryWait, MAX_ATTEMPTS } from '@/lib/domain/outbox';
import { db as appDb, type Db, type RawSql, type Tx } from './db';
import { deliverMail, type MailPayload } from './mail-transport';
import type { NotificationMailPayload } from './notification-mail';
import { deliverScore, type ScorePayload } from './lti/score-delivery';

/**
 * Deliveries to other systems (mail through SMTP, grades to an LMS), kept in the database until
 * they are sent. `enqueue` writes one in the caller's transaction, so it exists exactly when the
 * action that caused it does; it is sent soon after (`kickOutbox`) and, if that fails, retried
 * with a growing wait by every app server's loop (`startOutboxLoop`), never lost and never sent
 * twice at once: a server claims a message for a minute before it tries. A delivery that throws
 * an error marked `permanent` (an SMTP 5xx refusal) is given up at once; any other failure is
 * tried again, MAX_ATTEMPTS times in all, and then kept as failed (the admin page lists those,
 * with "Send again").
 */
export type OutboxPayloads = {
  mail: MailPayload;
  'notification-mail': NotificationMailPayload;
  'lti-score': ScorePayload;
};
export type OutboxKind = keyof OutboxPayloads;

const deliveries: { [K in OutboxKind]: (payload: OutboxPayloads[K]) => Promise<void> } = {
  mail: deliverMail,
  // Imported when first needed: its words come from the bell's list, which records
  // notifications, which enqueue here.
  'notification-mail': async (payload) =>
    (await import('./notification-mail')).deliverNotificationMail(payload),
  'lti-score': deliverScore,
};

export const isOutboxKind = (kind: string): kind is OutboxKind => Object.hasOwn(deliveries, kind);

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

/**
 * `enqueue` inside an operation's transaction (lib/server/ops/), in plain SQL like every
 * statement there, so SQLite's direct path runs it too.
 */
export async function enqueueInSql<K extends OutboxKind>(
  sql: RawSql,
  kind: K,
  payload: OutboxPayloads[K],
  options: { subjectKey?: string } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date();
  await sql.$executeRaw`INSERT INTO "outbox_message"
    ("id", "kind", "payload", "subjectKey", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${id}, ${kind}, ${JSON.stringify(payload)}, ${options.subjectKey ?? null}, ${0},
      ${now}, ${now})`;
  kickOutbox();
  return id;
}

const isPermanent = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { permanent?: unknown }).permanent === true;

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
    if (!isOutboxKind(row.kind)) throw new Error(`Nothing delivers “${row.kind}”.`);
    const deliver = deliveries[row.kind] as (payload: unknown) => Promise<void>;
    await deliver(JSON.parse(row.payload));
    await appDb.outboxMessage.update({
      where: { id },
      data: { sentAt: new Date(), claimedUntil: null, lastError: null },
    });
    return true;
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    const giveUp = row.attempts >= MAX_ATTEMPTS || isPermanent(error);
    await appDb.outboxMessage.update({
      where: { id },
      data: {
        claimedUntil: null,
        lastError: lastError.slice(0, 1000),
        ...(giveUp
          ? { failedAt: new Date() }
          : { nextAttemptAt: new Date(now.getTime() + retryWait(row.attempts)) }),
      },
    });
    return false;
  }
}

/**
 * Tries one message now (the admin's "Send again"): a failed one starts over with all its tries,
 * a waiting one is tried early. Null when it was sent meanwhile or is gone; otherwise whether it
 * went, and the error if not (another server delivering it right now counts as not yet).
 */
export async function retryNow(
  id: string,
): Promise<{ sent: boolean; error: string | null } | null> {
  const now = new Date();
  const { count } = await appDb.outboxMessage.updateMany({
    where: { id, sentAt: null },
    data: { failedAt: null, nextAttemptAt: now },
  });
  if (count === 0) return null;
  await appDb.outboxMessage.updateMany({
    where: { id, sentAt: null, attempts: { gte: MAX_ATTEMPTS } },
    data: { attempts: 0 },
  });
  const sent = await attempt(id, now);
  const row = await appDb.outboxMessage.findUnique({ where: { id }, select: { lastError: true } });
  return { sent, error: sent ? null : (row?.lastError ?? null) };
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

/** COUNTERPOINT_OUTBOX=off: nothing is delivered by itself (tests call deliverDue). */
const off = () => process.env.COUNTERPOINT_OUTBOX === 'off';

let running: Promise<unknown> | null = null;
let again = false;
/** One round of deliveries at a time; a round asked for meanwhile runs right after. */
const runOnce = (): Promise<unknown> => {
  if (running) {
    again = true;
    return running;
  }
  running = deliverDue()
    .catch(() => 0) // the database is busy or gone: the loop looks again
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        void runOnce();
      }
    });
  return running;
};

/**
 * Delivers soon what was just enqueued: a moment from now, and again a second later (a
 * transaction that wrote it has committed by then; if not, the loop finds it).
 */
export function kickOutbox(): void {
  if (off()) return;
  startOutboxLoop();
  for (const ms of [50, 1000]) setTimeout(() => void runOnce(), ms).unref?.();
}

const globalForOutbox = globalThis as unknown as { counterpointOutbox?: NodeJS.Timeout };
/**
 * Starts this server's delivery loop once: when the server starts (instrumentation.ts), so
 * what was waiting before a restart goes out, and on first use of the outbox.
 */
export function startOutboxLoop(): void {
  if (globalForOutbox.counterpointOutbox || off()) return;
  globalForOutbox.counterpointOutbox = setInterval(() => void runOnce(), POLL_MS);
  globalForOutbox.counterpointOutbox.unref?.();
}
