import 'server-only';
import type { DeliveryView, MailSetup } from '@/lib/domain/outbox';
import { AppError } from '@/lib/errors';
import { requireAdmin } from './classroom/accounts';
import type { Db, Tx } from './db';
import { mailFrom, smtpServerName } from './mail-transport';
import { retryNow } from './outbox';

/**
 * The admin's view of the outbox (lib/server/outbox.ts): what has not gone out yet, waiting for
 * its next try or given up, with the last error, and "Send again".
 */

export const DELIVERIES_PAGE = 50;

const record = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The deliveries not sent, failed first, then the oldest waiting; and how mail is sent. */
export async function listDeliveries(
  tx: Tx,
  opts: { userId: string },
): Promise<{ rows: DeliveryView[]; mail: MailSetup }> {
  await requireAdmin(tx, opts.userId);
  const rows = await tx.outboxMessage.findMany({
    where: { sentAt: null },
    orderBy: [{ failedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
    take: DELIVERIES_PAGE,
  });
  // A notification's mail keeps only the notification: its reader's address is read here.
  const notificationIds = rows
    .filter((r) => r.kind === 'notification-mail')
    .map((r) => str(record(r.payload).notificationId));
  const readers = await tx.notification.findMany({
    where: { id: { in: notificationIds } },
    select: { id: true, user: { select: { email: true } } },
  });
  const readerOf = new Map(readers.map((n) => [n.id, n.user.email]));
  return {
    rows: rows.map((r): DeliveryView => {
      const p = record(r.payload);
      const [what, to, about] =
        r.kind === 'mail'
          ? ['Email', str(p.to), str(p.subject)]
          : r.kind === 'notification-mail'
            ? [
                'Notification email',
                readerOf.get(str(p.notificationId)) ?? '(notification deleted)',
                'A notification from the bell',
              ]
            : r.kind === 'lti-score'
              ? ['Grade to the LMS', str(p.lineItemUrl), `A grade for LMS user ${str(p.userSub)}`]
              : [r.kind, '', ''];
      return {
        id: r.id,
        what,
        to,
        about,
        state: r.failedAt ? 'failed' : 'waiting',
        attempts: r.attempts,
        createdAt: r.createdAt.toISOString(),
        at: (r.failedAt ?? r.nextAttemptAt).toISOString(),
        lastError: r.lastError,
      };
    }),
    mail: { server: smtpServerName(), from: mailFrom() },
  };
}

/** "Send again": the admin has a delivery tried now (a failed one gets all its tries back). */
export async function sendAgain(
  db: Db,
  opts: { userId: string; id: string },
): Promise<{ sent: boolean; error: string | null }> {
  await requireAdmin(db, opts.userId);
  const result = await retryNow(opts.id);
  if (!result) throw new AppError('NOT_FOUND', 'That delivery has been sent already, or is gone.');
  return result;
}
