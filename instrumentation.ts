/**
 * Runs once when a server starts (Next.js calls `register`): the outbox's delivery loop starts
 * at once, so mail and grades that were waiting when the server stopped go out without waiting
 * for something new to be sent (lib/server/outbox.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startOutboxLoop } = await import('./lib/server/outbox');
  startOutboxLoop();
}
