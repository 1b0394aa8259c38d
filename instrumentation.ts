/**
 * Runs once when a server starts (Next.js calls `register`): it says where mail goes (SMTP, or
 * this console when SMTP_URL is not set), and the outbox's delivery loop starts at once, so mail
 * and grades that were waiting when the server stopped go out without waiting for something new
 * to be sent (lib/server/outbox.ts); and the due-soon reminders of those who get their
 * notifications by email (lib/server/notification-mail.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { announceMail } = await import('./lib/server/mail-transport');
  const { startOutboxLoop } = await import('./lib/server/outbox');
  const { startDueSoonReminders } = await import('./lib/server/notification-mail');
  announceMail();
  startOutboxLoop();
  startDueSoonReminders();
}
