import 'server-only';
import { isManagedEmail } from '@/lib/domain/classroom/usernames';
import { baseUrl } from './config';

/**
 * The one place Counterpoint sends mail from. No mail server is configured out of the box, so
 * each message is written to the server's console instead (the person running the server can hand
 * a reset link on; the admin can also make one on the admin page).
 *
 * To send real mail, replace the body of `deliver` with a call to your provider (SMTP through
 * nodemailer, or an HTTP API such as Postmark or SES), e.g. with SMTP_URL set in the environment:
 *
 *   await transporter.sendMail({ from: process.env.MAIL_FROM, to, subject, text });
 */
async function deliver(to: string, subject: string, text: string): Promise<void> {
  console.info(`[mail] To: ${to}\n[mail] Subject: ${subject}\n${text}\n`);
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
