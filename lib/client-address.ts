import { clientAddress, UNKNOWN_CLIENT } from '@/lib/domain/sign-in-throttle';

/**
 * Who a request comes from, decided in one place for every request, whatever headers it carries.
 *
 * The address is the connection's own: Next.js puts the socket's address in `x-forwarded-for`,
 * but only when the request has no such header, so proxy.ts (which runs on every request that
 * reaches the app's code, prefetches included) drops the client's own header first and stamps the
 * request as having passed through it. Only with TRUST_PROXY does the header survive, and then
 * the address is the one the outermost trusted proxy saw (clientAddress). A request that did not
 * pass through proxy.ts (its stamp is missing or wrong, whatever else it claims) is counted as
 * UNKNOWN_CLIENT, one client shared by all such requests, so a header the client controls never
 * names its address.
 */

/** The private header proxy.ts stamps on every request (any value a client sent is replaced). */
export const CLIENT_STAMP_HEADER = 'x-counterpoint-client';

/**
 * How many proxies in front of the app append the client's address to x-forwarded-for:
 * TRUST_PROXY=1 (or `true`) for one, a number for a chain, unset or 0 for none (see the README).
 */
export function trustedProxies(): number {
  const value = (process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false') return 0;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

const STAMP = Symbol.for('counterpoint.client-stamp');

/**
 * A random value made once per server process, known to proxy.ts and the app's code (they run
 * in one process) and never sent to a client: a request carrying it passed through proxy.ts.
 */
export function proxyStamp(): string {
  const g = globalThis as { [STAMP]?: string };
  g[STAMP] ??= `${crypto.randomUUID()}${crypto.randomUUID()}`;
  return g[STAMP];
}

/** proxy.ts: the headers every handler sees, with the client's own say in them removed. */
export function stampClient(headers: Headers): void {
  if (trustedProxies() === 0) headers.delete('x-forwarded-for');
  headers.set(CLIENT_STAMP_HEADER, proxyStamp());
}

/**
 * The client of a request (an IP address, IPv6 by /64 network), for the throttles
 * (lib/server/sign-in.ts, lib/server/classroom/join.ts); UNKNOWN_CLIENT when it cannot be told.
 */
export function requestClient(headers: Headers): string {
  if (!sameText(headers.get(CLIENT_STAMP_HEADER) ?? '', proxyStamp())) return UNKNOWN_CLIENT;
  return clientAddress(headers.get('x-forwarded-for'), trustedProxies());
}

/** Compares in time independent of where the texts differ (the stamp is a secret). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}
