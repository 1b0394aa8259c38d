/** Deliveries (lib/server/outbox.ts) are tried this many times before they are given up. */
export const MAX_ATTEMPTS = 10;

/**
 * How long to wait after the n-th failed try (n ≥ 1): 30 s, 1 min, 2 min, … doubling up to an
 * hour, so ten tries span about five hours (a mail server down for a morning still gets the mail).
 */
export function retryWait(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** A delivery not sent yet, as the admin page lists it (lib/server/deliveries.ts). */
export interface DeliveryView {
  id: string;
  /** What it is, in words: "Email", "Notification email", "Grade to the LMS". */
  what: string;
  /** Where it goes: an email address, an LMS gradebook column. */
  to: string;
  /** Its subject, or what it is about. */
  about: string;
  /** Waiting for its next try, or given up (after MAX_ATTEMPTS, or refused for good). */
  state: 'waiting' | 'failed';
  attempts: number;
  createdAt: string;
  /** When it is tried next (waiting), or when it was given up (failed). */
  at: string;
  lastError: string | null;
}

/** How this server sends mail, for the admin page. */
export interface MailSetup {
  /** SMTP_URL without its password; null when mail goes to the console. */
  server: string | null;
  from: string;
}
