import 'server-only';

/** One message as the outbox keeps it (lib/server/outbox.ts). */
export interface MailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends one message; throws when it could not (the outbox retries). Console only for now. */
export async function deliverMail(mail: MailPayload): Promise<void> {
  console.info(`[mail] To: ${mail.to}\n[mail] Subject: ${mail.subject}\n${mail.text}\n`);
}
