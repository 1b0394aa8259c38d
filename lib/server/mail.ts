import 'server-only';
import { isPlaceholderEmail } from '@/lib/domain/classroom/usernames';
import { inviteMail, resetPasswordMail, type MailContent } from '@/lib/domain/mail-templates';
import { LINK_VERBS } from '@/lib/domain/people';
import type { MemberRole } from '@/lib/domain/capabilities';
import { baseUrl } from './config';
import { db, type Db, type Tx } from './db';
import { mailIsSent } from './mail-transport';
import { enqueue } from './outbox';
import { readerLens } from './visibility';

/**
 * The one place Counterpoint's mail is made: each message (lib/domain/mail-templates.ts, plain
 * text and HTML) goes into the outbox (lib/server/outbox.ts) in the transaction of what caused it,
 * which delivers it (lib/server/mail-transport.ts: SMTP, or the console without SMTP_URL) and
 * retries it. The bell's notifications are mailed from lib/server/notification-mail.ts.
 */

export { mailIsSent };

/** A page of this server, as a full link for a message (from BETTER_AUTH_URL). */
export const appUrl = (path: string) => `${baseUrl().replace(/\/+$/, '')}${path}`;

async function send(client: Db | Tx, to: string, content: MailContent): Promise<void> {
  await enqueue(client, 'mail', { to, ...content }, { subjectKey: `mail:${to}` });
}

/** The page a reset token opens: /reset-password?token=… on this server. */
export const resetPasswordUrl = (token: string) =>
  appUrl(`/reset-password?token=${encodeURIComponent(token)}`);

/**
 * better-auth's sendResetPassword: the link to choose a new password. The token exists before
 * this is called, so the link works however late the mail is.
 */
export async function sendResetPasswordMail(data: {
  user: { email: string; name: string };
  token: string;
}): Promise<void> {
  // A placeholder address (a managed student's, an LMS account's) reaches nobody: their teacher resets
  // them, or they come in through the LMS.
  if (isPlaceholderEmail(data.user.email)) return;
  await send(
    db,
    data.user.email,
    resetPasswordMail({ name: data.user.name, url: resetPasswordUrl(data.token) }),
  );
}

/**
 * Tells someone just given a role in a map (Share, "Invite by email"), in the transaction that
 * gave it; the inviter is named as the invitee may see them (a pseudonym stays one). Returns
 * whether a message really goes out: not to a placeholder address (a managed student's, an LMS
 * account's), and without SMTP_URL only to the console.
 */
export async function sendInviteMail(
  tx: Tx,
  opts: {
    mapId: string;
    inviterId: string;
    invitee: { id: string; name: string; email: string };
    role: MemberRole;
  },
): Promise<boolean> {
  if (isPlaceholderEmail(opts.invitee.email)) return false;
  // One after the other: a transaction is one connection.
  const map = await tx.argumentMap.findUniqueOrThrow({
    where: { id: opts.mapId },
    select: { title: true },
  });
  const inviter = await tx.user.findUnique({
    where: { id: opts.inviterId },
    select: { name: true },
  });
  const lens = await readerLens(tx, opts.mapId, { userId: opts.invitee.id });
  await send(
    tx,
    opts.invitee.email,
    inviteMail({
      name: opts.invitee.name,
      inviterName: lens.person(opts.inviterId, inviter?.name ?? '').name,
      mapTitle: map.title,
      verb: LINK_VERBS[opts.role],
      url: appUrl(`/maps/${encodeURIComponent(opts.mapId)}`),
    }),
  );
  return mailIsSent();
}
