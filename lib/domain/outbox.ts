/** Deliveries (lib/server/outbox.ts) are tried this many times before they are given up. */
export const MAX_ATTEMPTS = 10;

/**
 * How long to wait after the n-th failed try (n ≥ 1): 30 s, 1 min, 2 min, … doubling up to an
 * hour, so ten tries span about five hours (a mail server down for a morning still gets the mail).
 */
export function retryWait(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}
