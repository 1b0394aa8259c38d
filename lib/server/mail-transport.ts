import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { baseUrl } from './config';

/** One message as the outbox keeps it (lib/server/outbox.ts). */
export interface MailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Where mail goes: through the school's SMTP server when SMTP_URL is set
 * (smtp://user:password@host:587, or smtps://… for TLS from the start), from MAIL_FROM; without
 * it, to the server's console, which says so once (the person running a laptop server can hand a
 * reset link on; the admin page makes one too).
 */
export const smtpUrl = (): string | null => process.env.SMTP_URL?.trim() || null;

/** Whether mail really leaves this server (SMTP_URL is set). */
export const mailIsSent = (): boolean => smtpUrl() !== null;

/** The sender: MAIL_FROM, or Counterpoint at the app's own host name. */
export function mailFrom(): string {
  const from = process.env.MAIL_FROM?.trim();
  if (from) return from;
  let host = 'localhost';
  try {
    host = new URL(baseUrl()).hostname || host;
  } catch {
    // BETTER_AUTH_URL is not a URL: the start script says so elsewhere
  }
  return `Counterpoint <counterpoint@${host}>`;
}

/** SMTP_URL without its user and password, to show the admin and to log. */
export function smtpServerName(): string | null {
  const url = smtpUrl();
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'SMTP_URL (not a valid URL)';
  }
}

export const CONSOLE_NOTE =
  'Mail: SMTP_URL is not set, so mail (password reset links, invites) is written to this console instead of being sent. Set SMTP_URL and MAIL_FROM to send it (README: Connecting your school).';

/** Says once, in the server's log, where mail goes (at start: instrumentation.ts). */
export function announceMail(): void {
  if (globalForMail.counterpointMailNoted) return;
  globalForMail.counterpointMailNoted = true;
  console.info(
    mailIsSent() ? `Mail: sent through ${smtpServerName()}, from ${mailFrom()}.` : CONSOLE_NOTE,
  );
}

const globalForMail = globalThis as unknown as {
  counterpointMailer?: { url: string; mailer: Transporter };
  counterpointMailNoted?: boolean;
};

/**
 * One transport per SMTP_URL. Short timeouts: a message being sent is claimed for a minute
 * (lib/server/outbox.ts), and a server that does not answer is better tried again later.
 */
function mailer(url: string): Transporter {
  const kept = globalForMail.counterpointMailer;
  if (kept?.url === url) return kept.mailer;
  const made = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  globalForMail.counterpointMailer = { url, mailer: made };
  return made;
}

/**
 * Sends one message; throws when it could not (the outbox tries again later). A refusal the SMTP
 * server calls permanent (a 5xx reply: no such mailbox, a bad sender) is marked so, and the
 * outbox gives it up at once instead of asking again for hours.
 */
export async function deliverMail(mail: MailPayload): Promise<void> {
  const url = smtpUrl();
  if (!url) {
    announceMail();
    console.info(`[mail] To: ${mail.to}\n[mail] Subject: ${mail.subject}\n${mail.text}\n`);
    return;
  }
  try {
    await mailer(url).sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
    });
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    if (typeof code === 'number' && code >= 500 && code < 600) {
      Object.assign(error as object, { permanent: true });
    }
    throw error;
  }
}
