import { afterEach, describe, expect, it } from 'vitest';
import { keptPagePath, RENDER_HEADER, turnKeptPagesOff } from './kept-pages';

const OFF = Symbol.for('counterpoint.keptPagesOff');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[OFF];
});

const path = (
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  opts: { now?: number; production?: boolean } = {},
) =>
  keptPagePath(
    method,
    new URL(url, 'http://localhost:3000'),
    new Headers({ 'sec-fetch-dest': 'document', ...headers }),
    { production: true, ...opts },
  );

describe('which requests get a kept page (proxy.ts)', () => {
  it('the home page or a read-only link’s page, opened without an account', () => {
    expect(path('/s/abc_DEF-123')).toBe('/api/kept-page/s/abc_DEF-123');
    expect(path('/s/abc', { cookie: 'tz=Europe%2FBerlin' })).toBe('/api/kept-page/s/abc');
    expect(path('/s/abc', { cookie: 'tz=UTC;' })).toBe('/api/kept-page/s/abc');
    expect(path('/')).toBe('/api/kept-page/home');
  });

  it('never for a reader with any other cookie: a session, even a stale one, is personal', () => {
    expect(path('/s/abc', { cookie: 'better-auth.session_token=x.y' })).toBeNull();
    expect(path('/s/abc', { cookie: 'tz=UTC; __Secure-better-auth.session_token=x' })).toBeNull();
    expect(path('/s/abc', { cookie: 'known-device=1' })).toBeNull();
    expect(path('/', { cookie: 'better-auth.session_token=x.y' })).toBeNull();
  });

  it('never for an address with a query: each would be a page of its own', () => {
    expect(path('/?from=lms')).toBeNull();
    expect(path('/s/abc?utm_source=x')).toBeNull();
    expect(path('/s/abc?')).toBe('/api/kept-page/s/abc');
  });

  it('never for other pages, other methods, Next.js’s data requests or its own render', () => {
    for (const url of ['/s/abc/brief', '/s/abc/export/md', '/s/', '/maps/abc', '/maps']) {
      expect(path(url)).toBeNull();
    }
    expect(path(`/s/${'x'.repeat(101)}`)).toBeNull();
    expect(path('/s/abc', {}, 'POST')).toBeNull();
    expect(path('/s/abc', {}, 'HEAD')).toBeNull();
  });

  it('only for a browser opening the page, not Next.js fetching its data', () => {
    // Next.js's navigations, prefetches and refreshes are fetches (their `rsc` header is taken
    // off before the proxy runs).
    expect(path('/', { 'sec-fetch-dest': 'empty' })).toBeNull();
    expect(path('/s/abc', { 'sec-fetch-dest': 'empty', accept: 'text/html' })).toBeNull();
    // A client that does not say: by what it accepts.
    const bare = (accept?: string) =>
      keptPagePath('GET', new URL('http://localhost/'), new Headers(accept ? { accept } : {}), {
        production: true,
      });
    expect(bare('text/html,application/xhtml+xml')).toBe('/api/kept-page/home');
    expect(bare('*/*')).toBeNull();
    expect(bare()).toBeNull();
    expect(path('/s/abc', { [RENDER_HEADER]: '1' })).toBeNull();
  });

  it('never in development, where the code changes under them', () => {
    expect(path('/', {}, 'GET', { production: false })).toBeNull();
  });

  it('not for a minute after this server could not reach itself', () => {
    const at = Date.now();
    turnKeptPagesOff(at);
    expect(path('/s/abc', {}, 'GET', { now: at + 59_000 })).toBeNull();
    expect(path('/s/abc', {}, 'GET', { now: at + 61_000 })).toBe('/api/kept-page/s/abc');
  });
});
