import { AsyncLocalStorage } from 'node:async_hooks';
import { CLIENT_STAMP_HEADER, proxyStamp } from '@/lib/client-address';

/**
 * A stand-in for `next/headers`, for tests that call server functions reading the request:
 * `vi.mock('next/headers', () => import('../support/request-scope'))`. Each call made inside
 * `inRequest` sees that request's headers and its browser's cookie jar, as under Next.js.
 */

/** One browser's cookies: what the server set is sent with its next requests. */
export class Browser {
  readonly cookies = new Map<string, string>();
}

interface Request {
  headers: Headers;
  browser: Browser;
}

const scope = new AsyncLocalStorage<Request>();

export async function headers(): Promise<Headers> {
  return scope.getStore()?.headers ?? new Headers();
}

export async function cookies() {
  const jar = scope.getStore()?.browser.cookies ?? new Map<string, string>();
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

/**
 * Runs `fn` as a request with these headers from `browser` (a fresh one by default). With
 * `proxied` (the default) the headers are what proxy.ts hands on: stamped, with x-forwarded-for
 * the connection's address (`ip`). Without, they are what a request that skipped proxy.ts would
 * carry: the client's own headers, unstamped.
 */
export function inRequest<T>(
  opts: { ip?: string; headers?: Record<string, string>; browser?: Browser; proxied?: boolean },
  fn: () => Promise<T>,
): Promise<T> {
  const h = new Headers(opts.headers);
  if (opts.ip) h.set('x-forwarded-for', opts.ip);
  if (opts.proxied ?? true) h.set(CLIENT_STAMP_HEADER, proxyStamp());
  return scope.run({ headers: h, browser: opts.browser ?? new Browser() }, fn);
}

/** As `inRequest`, from a fresh browser at `ip`, through proxy.ts. */
export const fromIp = <T>(ip: string, fn: () => Promise<T>) => inRequest({ ip }, fn);
