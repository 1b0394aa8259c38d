import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config, proxy } from '@/proxy';
import { CLIENT_STAMP_HEADER, proxyStamp, requestClient } from './client-address';
import { UNKNOWN_CLIENT } from './domain/sign-in-throttle';

afterEach(() => vi.unstubAllEnvs());

/** The request headers proxy.ts hands on to the app for a request with these headers. */
async function handedOn(path: string, headers: Record<string, string>): Promise<Headers> {
  const response = await proxy(
    new NextRequest(`http://localhost${path}`, { method: 'POST', headers }),
  );
  const names = (response.headers.get('x-middleware-override-headers') ?? '').split(',');
  const out = new Headers();
  for (const name of names.filter(Boolean)) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) out.set(name, value);
  }
  return out;
}

describe('who a request comes from', () => {
  it('runs proxy.ts on every request that reaches the app, prefetches and the API included', () => {
    expect(JSON.stringify(config)).not.toContain('missing');
    const [source] = config.matcher;
    // The pattern read as a regular expression (what path-to-regexp makes of this one).
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const path of [
      '/sign-in',
      '/',
      '/join/KX74QAMT',
      '/api/maps/x/events',
      '/api/maps/x/ops/',
      '/classes/c1',
    ])
      expect([path, matches(path)]).toEqual([path, true]);
    // Static files, and the editor's operations (which read no client address), skip it.
    expect(matches('/_next/static/chunks/app.js')).toBe(false);
    expect(matches('/api/maps/x/ops')).toBe(false);
  });

  it('drops the client’s own X-Forwarded-For and stamps the request, whatever its headers', async () => {
    const extras: Record<string, string>[] = [
      {},
      { 'next-router-prefetch': '1' },
      { purpose: 'prefetch' },
      { [CLIENT_STAMP_HEADER]: 'forged' },
    ];
    for (const extra of extras) {
      for (const path of ['/sign-in', '/api/maps/m1/ops']) {
        const h = await handedOn(path, { 'x-forwarded-for': '203.0.113.9', ...extra });
        expect(h.get('x-forwarded-for')).toBeNull();
        expect(h.get(CLIENT_STAMP_HEADER)).toBe(proxyStamp());
      }
    }
  });

  it('keeps X-Forwarded-For only when TRUST_PROXY says a proxy in front sets it', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const h = await handedOn('/sign-in', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' });
    expect(requestClient(h)).toBe('203.0.113.9');
  });

  it('counts a request that did not pass through proxy.ts as the one unknown client', () => {
    const own = new Headers({ 'x-forwarded-for': '203.0.113.9' });
    expect(requestClient(own)).toBe(UNKNOWN_CLIENT);
    own.set(CLIENT_STAMP_HEADER, 'forged');
    expect(requestClient(own)).toBe(UNKNOWN_CLIENT);
    // As Next.js hands it on after proxy.ts: the socket's address, stamped.
    own.set(CLIENT_STAMP_HEADER, proxyStamp());
    expect(requestClient(own)).toBe('203.0.113.9');
  });
});
