import 'server-only';
import { isPlaceholderEmail } from '@/lib/domain/classroom/usernames';
import { notificationMail } from '@/lib/domain/mail-templates';
import { DUE_SOON_MS } from '@/lib/domain/notifications';
import { DEFAULT_ZONE } from '@/lib/format';
import { db as appDb, type Db, type RawSql, type Tx } from './db';
import { appUrl } from './mail';
import { deliverMail, mailIsSent } from './mail-transport';
import { describeNotifications, ensureDueSoon } from './notification-list';
import { enqueue, enqueueInSql } from './outbox';

/**
 * The bell's notifications by email, for the people who turned that on (User.emailNotifications,
 * on /settings, offered only when the server sends mail). The outbox keeps only which
 * notification to send; its words are made when it is sent, for its reader, exactly as the bell
 * lists it (lib/server/notification-list.ts), so pseudonyms hold and nothing is told about a map
 * they can no longer open. Already read in the bell by then, or turned off since: not sent.
 */
export interface NotificationMailPayload {
  notificationId: string;
}

interface Made {
  id: string;
  userId: string;
}

const keyOf = (notificationId: string) => `notification:${notificationId}`;

/** Enqueues the mail of these new notifications, in the transaction that recorded them. */
export async function queueNotificationMail(db: Db | Tx, made: Made[]): Promise<void> {
  if (!mailIsSent() || made.length === 0) return;
  const wanting = await db.user.findMany({
    where: { id: { in: [...new Set(made.map((m) => m.userId))] }, emailNotifications: true },
    select: { id: true, email: true },
  });
  const to = new Set(wanting.filter((u) => !isPlaceholderEmail(u.email)).map((u) => u.id));
  for (const n of made) {
    if (to.has(n.userId)) {
      await enqueue(db, 'notification-mail', { notificationId: n.id }, { subjectKey: keyOf(n.id) });
    }
  }
}

/** The same in plain SQL, inside an operation's transaction (notifyInSql). */
export async function queueNotificationMailInSql(sql: RawSql, made: Made[]): Promise<void> {
  if (!mailIsSent()) return;
  const wants = new Map<string, boolean>();
  for (const n of made) {
    if (!wants.has(n.userId)) {
      const [row] = await sql.$queryRaw<{ email: string }[]>`SELECT "email" FROM "user"
        WHERE "id" = ${n.userId} AND "emailNotifications" = ${true}`;
      wants.set(n.userId, row !== undefined && !isPlaceholderEmail(row.email));
    }
    if (wants.get(n.userId)) {
      await enqueueInSql(
        sql,
        'notification-mail',
        { notificationId: n.id },
        { subjectKey: keyOf(n.id) },
      );
    }
  }
}

/** Sends one notification's mail (the outbox calls this); nothing when it no longer applies. */
export async function deliverNotificationMail(payload: NotificationMailPayload): Promise<void> {
  const row = await appDb.notification.findUnique({ where: { id: payload.notificationId } });
  if (!row || row.readAt) return; // gone with its map, or seen in the bell already
  const user = await appDb.user.findUnique({
    where: { id: row.userId },
    select: { email: true, emailNotifications: true },
  });
  if (!user?.emailNotifications || isPlaceholderEmail(user.email)) return;
  const [item] = await describeNotifications(appDb, {
    userId: row.userId,
    zone: DEFAULT_ZONE,
    rows: [row],
  });
  if (!item) return; // not theirs to be told any more (they left the map, their role changed)
  await deliverMail({
    to: user.email,
    ...notificationMail({
      text: item.text,
      place: item.place,
      url: appUrl(item.href),
      settingsUrl: appUrl('/settings'),
    }),
  });
}

/**
 * "Due within a day" is made when a person's bell is read (notification-list.ts); for those who
 * get their notifications by email it is made here too, by each app server every few minutes,
 * so the reminder reaches someone who has not opened Counterpoint (once per assignment and
 * person, as in the bell). Returns for how many people it looked.
 */
export async function remindDueSoon(db: Db = appDb): Promise<number> {
  if (!mailIsSent()) return 0;
  const now = Date.now();
  const people = await db.workMember.findMany({
    where: {
      user: { emailNotifications: true },
      work: {
        assignment: {
          dueAt: { gt: new Date(now), lte: new Date(now + DUE_SOON_MS) },
          class: { archivedAt: null },
        },
      },
    },
    select: { userId: true },
    distinct: ['userId'],
  });
  for (const { userId } of people) await ensureDueSoon(db, userId);
  return people.length;
}

const REMIND_MS = 5 * 60_000;
const globalForReminders = globalThis as unknown as { counterpointDueSoon?: NodeJS.Timeout };

/** Starts this server's due-soon reminders once (instrumentation.ts); not with the outbox off. */
export function startDueSoonReminders(): void {
  if (globalForReminders.counterpointDueSoon || process.env.COUNTERPOINT_OUTBOX === 'off') return;
  globalForReminders.counterpointDueSoon = setInterval(
    () => void remindDueSoon().catch(() => 0), // the database is busy or gone: next time
    REMIND_MS,
  );
  globalForReminders.counterpointDueSoon.unref?.();
}
