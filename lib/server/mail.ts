import 'server-only';
import { isManagedEmail } from '@/lib/domain/classroom/usernames';
import { baseUrl } from './config';
import { db } from './db';
import { enqueue } from './outbox';

/**
 * The one place Counterpoint sends mail from: each message goes into the outbox
 * (lib/server/outbox.ts), which delivers it (lib/server/mail-transport.ts) and retries it.
 */
async function deliver(to: string, subject: string, text: string): Promise<void> {
  await enqueue(db, 'mail', { to, subject, text }, { subjectKey: `mail:${to}` });
}

/** The page a reset token opens: /reset-password?token=… on this server. */
export const resetPasswordUrl = (token: string) =>
  `${baseUrl()}/reset-password?token=${encodeURIComponent(token)}`;

/** better-auth's sendResetPassword: the link to choose a new password. */
export async function sendResetPasswordMail(data: {
  user: { email: string; name: string };
  token: string;
}): Promise<void> {
  // A managed student's email is a placeholder nobody reads: their teacher resets them instead.
  if (isManagedEmail(data.user.email)) return;
  await deliver(
    data.user.email,
    'Choose a new Counterpoint password',
    `Hello ${data.user.name},\n\nOpen this link to choose a new password (it works once, for one hour):\n${resetPasswordUrl(data.token)}\n\nIf you did not ask for this, ignore this message.`,
  );
}
