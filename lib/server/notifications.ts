import 'server-only';
import crypto from 'node:crypto';
import { rolesWith } from '@/lib/domain/capabilities';
import type { NotificationKind } from '@/lib/domain/notifications';
import { Prisma } from '@/lib/generated/prisma/client';
import { db as appDb, type Db, type RawSql, type Tx } from './db';
import { isUniqueViolation } from './db-errors';
import { ringBells } from './live/bell';
import { queueNotificationMail, queueNotificationMailInSql } from './notification-mail';
import { sqlNumber } from './ops/sql-rows';

export type { NotificationKind };

/**
 * What a notification is about (the bell). Stored as a kind and ids, never as text: each reader's
 * words are made when read (lib/server/notification-list.ts, lib/domain/notifications.ts), so an
 * anonymous assignment's pseudonyms hold.
 */
export interface NotificationDraft {
  /** Who it is for. */
  userId: string;
  kind: NotificationKind;
  /** Who caused it; nobody is notified of their own action. */
  actorId?: string | null;
  mapId?: string | null;
  claimId?: string | null;
  /** Other ids and small facts (assignment id, suggestion id, mark kind). */
  data?: Record<string, unknown>;
  /** When set, the notification happens at most once (e.g. "due-soon:<assignment>:<user>"). */
  key?: string;
}

const forOthers = (drafts: NotificationDraft | NotificationDraft[]) =>
  (Array.isArray(drafts) ? drafts : [drafts]).filter((d) => !d.actorId || d.actorId !== d.userId);

const rowOf = (d: NotificationDraft) => ({
  id: crypto.randomUUID(),
  userId: d.userId,
  kind: d.kind,
  actorId: d.actorId ?? null,
  mapId: d.mapId ?? null,
  claimId: d.claimId ?? null,
  data: JSON.stringify(d.data ?? {}),
  key: d.key ?? null,
});

/** Whether `client` is the app's client itself, not an open transaction (which has no $transaction). */
const isClient = (client: Db | Tx): client is Db =>
  typeof (client as Partial<Db>).$transaction === 'function';

/**
 * Records notifications, in the caller's transaction when given one so they exist exactly when
 * what caused them does. A draft for the person who caused it is dropped; one whose key exists
 * already is skipped. The people notified hear it live (their bell counts again) once it is
 * committed: at once on the app's client; in a transaction, as soon as the rows can be read from
 * outside it (`ringWhenCommitted`), which is never if it rolls back. Those who chose to get
 * their notifications by email get one, enqueued in the same transaction
 * (lib/server/notification-mail.ts). Returns who was notified.
 */
export async function notify(
  db: Db | Tx,
  drafts: NotificationDraft | NotificationDraft[],
): Promise<string[]> {
  const made: { id: string; userId: string }[] = [];
  for (const row of forOthers(drafts).map(rowOf)) {
    if (row.key) {
      const kept = await db.notification
        .upsert({ where: { key: row.key }, create: row, update: {}, select: { id: true } })
        .catch((error: unknown) => {
          // Made meanwhile by another request (outside a transaction, which this would end).
          if (isClient(db) && isUniqueViolation(error)) return null;
          throw error;
        });
      if (kept?.id !== row.id) continue; // it existed already
    } else await db.notification.create({ data: row, select: { id: true } });
    made.push(row);
  }
  if (made.length > 0) {
    await queueNotificationMail(db, made);
    if (isClient(db)) ringBells(made.map((m) => m.userId));
    else ringWhenCommitted(made);
  }
  return [...new Set(made.map((m) => m.userId))];
}

/**
 * `notify` inside an operation's transaction (lib/server/ops/), in plain SQL like every statement
 * there, so SQLite's direct path runs it too (emails too). The caller rings the bells after the
 * commit (apply-ops does, with the operation's live change). Returns who was notified.
 */
export async function notifyInSql(
  sql: RawSql,
  drafts: NotificationDraft | NotificationDraft[],
): Promise<string[]> {
  const notified = new Set<string>();
  const made: { id: string; userId: string }[] = [];
  for (const r of forOthers(drafts).map(rowOf)) {
    const added = await sql.$executeRaw`INSERT INTO "notification"
      ("id", "userId", "kind", "actorId", "mapId", "claimId", "data", "key", "createdAt")
      VALUES (${r.id}, ${r.userId}, ${r.kind}, ${r.actorId}, ${r.mapId}, ${r.claimId}, ${r.data},
        ${r.key}, ${new Date()})
      ON CONFLICT ("key") DO NOTHING`;
    if (added > 0) {
      notified.add(r.userId);
      made.push(r);
    }
  }
  if (made.length > 0) await queueNotificationMailInSql(sql, made);
  return [...notified];
}

/** How long a transaction that recorded notifications is waited for before its bells stay quiet. */
const COMMIT_WAIT_MS = 60_000;

/**
 * Rings the bells of notifications recorded in a transaction once they are committed: their rows
 * are looked for from outside it (the app's client reads committed rows only: another connection
 * on SQLite, another session on PostgreSQL), soon and then less often. Rows of a transaction that
 * rolled back never appear; after COMMIT_WAIT_MS nobody is rung (their bell still counts them
 * the next time it is read).
 */
function ringWhenCommitted(made: { id: string; userId: string }[]) {
  const ids = made.map((m) => m.id);
  const started = Date.now();
  let wait = 15;
  const look = async () => {
    try {
      const found = await appDb.notification.count({ where: { id: { in: ids } } });
      if (found > 0) return ringBells(made.map((m) => m.userId));
    } catch {
      // the database is busy or gone: look again
    }
    if (Date.now() - started > COMMIT_WAIT_MS) return;
    wait = Math.min(wait * 2, 2000);
    setTimeout(() => void look(), wait).unref?.();
  };
  setTimeout(() => void look(), wait).unref?.();
}

/** The member roles besides the owner that see marks (lib/domain/visibility.ts `marks`). */
const MARK_READERS = rolesWith('claim.mark').filter((r) => r !== 'owner');

/**
 * Which of a person's notifications count: those about no map, or about a map they can still open;
 * a mark only while their role there shows marks. The list (notification-list.ts) shows the same.
 */
const countable = (userId: string) => Prisma.sql`(n."mapId" IS NULL
  OR EXISTS (SELECT 1 FROM "argument_map" m WHERE m."id" = n."mapId" AND m."ownerId" = ${userId})
  OR EXISTS (SELECT 1 FROM "map_member" mm WHERE mm."mapId" = n."mapId" AND mm."userId" = ${userId}
    AND (n."kind" <> 'mark' OR mm."role" IN (${Prisma.join(MARK_READERS)}))))`;

/** The ids of this person's newest notifications that count (as the bell counts them). */
export async function countableIds(tx: Tx, userId: string, limit: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT n."id" FROM "notification" n
    WHERE n."userId" = ${userId} AND ${countable(userId)}
    ORDER BY n."createdAt" DESC, n."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** How many of this person's notifications are unread (the bell's number). */
export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: unknown }[]>`
    SELECT COUNT(*) AS "n" FROM "notification" n
    WHERE n."userId" = ${userId} AND n."readAt" IS NULL AND ${countable(userId)}`;
  return sqlNumber(row?.n) ?? 0;
}

/**
 * Marks this person's notifications read: the ones named, or all of them. Their other tabs'
 * bells count again. Returns the unread count after.
 */
export async function markRead(
  db: Db,
  opts: { userId: string; ids?: string[]; all?: boolean },
): Promise<{ unread: number }> {
  const which = opts.all ? {} : { id: { in: opts.ids ?? [] } };
  const { count } = await db.notification.updateMany({
    where: { userId: opts.userId, readAt: null, ...which },
    data: { readAt: new Date() },
  });
  if (count > 0) ringBells([opts.userId]);
  return { unread: await unreadCount(db, opts.userId) };
}
