import crypto from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RENDER_HEADER } from '@/lib/kept-pages';
import { articlesChanged } from '@/lib/server/article-cache';
import { memoryPubSub, setPubSub } from '@/lib/server/live/pubsub';
import { renameMap } from '@/lib/server/maps';
import { getOrCreateShareLink, getSharedMapPage, revokeShareLink } from '@/lib/server/share-links';
import {
  homePage,
  keptPageRoute,
  renderHere,
  sharedPage,
  type RenderPage,
} from '@/lib/server/kept-page';
import { getFeaturedDebate } from '@/lib/server/debates';
import { claim, db, mapWithNote } from '../support/factories';

// The home page and a read-only link's page for readers without an account are kept whole
// (lib/server/kept-page.ts). Held here: the next reader gets it with their own nonce; any change
// to the map, the link or the debate is in the very next page; thirty readers at once cost one
// render; and nothing that could be personal is ever kept.

beforeAll(() => {
  setPubSub(memoryPubSub());
  process.env.COUNTERPOINT_PAGE_CACHE_HEADER = '1';
});

const NOTE = 'OWNER-NOTE-b71';

/**
 * Stands in for the server rendering `/s/<token>`: the map as the link shows it, the zone, and a
 * script with a fresh nonce, which the policy header names.
 */
function renderer(extra: { setCookie?: boolean; before?: () => Promise<unknown> } = {}) {
  const paths: string[] = [];
  const render: RenderPage = async (path, zone) => {
    paths.push(path);
    await extra.before?.();
    const token = decodeURIComponent(path.split('/')[2]!.split('?')[0]!);
    const nonce = crypto.randomBytes(24).toString('base64');
    const headers = new Headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      'x-powered-by': 'not sent on',
    });
    if (extra.setCookie) headers.set('set-cookie', 'someone=1');
    try {
      const { map, seen } = await getSharedMapPage(db, { token });
      const claims = map.claims.map((c) => `<li>${c.text} ${c.note}</li>`).join('');
      const html = `<h1>${map.title}</h1><ul data-standing="${seen}">${claims}</ul><p>${zone}</p><script nonce="${nonce}">self.__next_f.push(["${nonce}"])</script>`;
      return new Response(html, { status: 200, headers });
    } catch {
      return new Response(`<h1>This link no longer works</h1><script nonce="${nonce}"></script>`, {
        status: 404,
        headers,
      });
    }
  };
  return { render, paths };
}

async function scene() {
  const w = await mapWithNote({ owner: 'Olive Owner', title: 'Kept page', note: NOTE });
  const { token } = await getOrCreateShareLink(db, { userId: w.owner.id, mapId: w.mapId });
  return { ...w, token };
}

const nonce = () => crypto.randomBytes(24).toString('base64');

async function open(
  token: string,
  render: RenderPage,
  opts: { zone?: string; nonce?: string } = {},
) {
  const mine = opts.nonce ?? nonce();
  const response = await sharedPage(db, {
    token,
    zone: opts.zone ?? 'UTC',
    nonce: mine,
    render,
  });
  const html = await response.text();
  return { response, html, nonce: mine, cache: response.headers.get('x-page-cache') };
}

describe('a read-only link’s page, kept for readers without an account', () => {
  it('is rendered once and served again with each reader’s own nonce', async () => {
    const w = await scene();
    const { render, paths } = renderer();
    const first = await open(w.token, render);
    const second = await open(w.token, render);
    expect(paths).toEqual([`/s/${w.token}`]);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    for (const page of [first, second]) {
      expect(page.response.status).toBe(200);
      expect(page.html).toContain('Sport opens doors');
      // The link shows no notes: the page was rendered through the link's lens.
      expect(page.html).not.toContain(NOTE);
      // Every nonce of the page is this reader's: in the script tag and in the page's data.
      expect(page.html.split(page.nonce)).toHaveLength(3);
    }
    expect(second.html).not.toContain(first.nonce);
    expect(second.html.replaceAll(second.nonce, first.nonce)).toBe(first.html);
    expect(second.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // Only the page's own headers go on; the server sets the policy for each response.
    expect(second.response.headers.get('content-security-policy')).toBeNull();
    expect(second.response.headers.get('x-powered-by')).toBeNull();
  });

  it('shows a change to the map, its title, the link or the debate in the very next page', async () => {
    const w = await scene();
    const { render, paths } = renderer();
    await open(w.token, render);

    // An operation raises the map's revision.
    await claim(w.owner.id, w.mapId, w.thesisId, null, 'con', 'Talks stall');
    expect((await open(w.token, render)).html).toContain('Talks stall');

    // A write by another app server: nothing reached this process, the revision moved.
    await db.argumentMap.update({
      where: { id: w.mapId },
      data: { revision: { increment: 1 } },
    });
    await db.claim.updateMany({
      where: { mapId: w.mapId, text: 'Talks stall' },
      data: { text: 'Talks stall for a year' },
    });
    // (The text changed after the revision: the next page must not be older than the revision.)
    await db.argumentMap.update({
      where: { id: w.mapId },
      data: { revision: { increment: 1 } },
    });
    expect((await open(w.token, render)).html).toContain('Talks stall for a year');

    await renameMap(db, { userId: w.owner.id, mapId: w.mapId, title: 'Renamed map' });
    expect((await open(w.token, render)).html).toContain('Renamed map');

    // The owner lets the link show notes.
    await getOrCreateShareLink(db, {
      userId: w.owner.id,
      mapId: w.mapId,
      options: { includeNotes: true },
    });
    expect((await open(w.token, render)).html).toContain(NOTE);

    // A debate edit can move quotes without a new revision: kept pages are forgotten with it.
    const before = paths.length;
    articlesChanged([]);
    expect((await open(w.token, render)).cache).toBe('miss');
    expect(paths).toHaveLength(before + 1);
    expect((await open(w.token, render)).cache).toBe('hit');

    // Revoked: never from the kept page again, at once.
    await revokeShareLink(db, { userId: w.owner.id, mapId: w.mapId });
    const gone = await open(w.token, render);
    expect(gone.response.status).toBe(404);
    expect(gone.html).not.toContain('Sport opens doors');
    expect(gone.html).toContain(gone.nonce);
  });

  it('thirty readers at once cost one render, each with a nonce of their own', async () => {
    const w = await scene();
    const { render, paths } = renderer();
    const pages = await Promise.all(Array.from({ length: 30 }, () => open(w.token, render)));
    expect(paths).toHaveLength(1);
    for (const page of pages) {
      expect(page.html).toContain('Sport opens doors');
      expect(page.html.split(page.nonce)).toHaveLength(3);
    }
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(30);
  });

  it('keeps a page per time zone, and never one that set a cookie', async () => {
    const w = await scene();
    const { render, paths } = renderer();
    const berlin = await open(w.token, render, { zone: 'Europe/Berlin' });
    const utc = await open(w.token, render, { zone: 'UTC' });
    expect(berlin.html).toContain('Europe/Berlin');
    expect(utc.html).toContain('UTC');
    expect(utc.cache).toBe('miss');
    expect((await open(w.token, render, { zone: 'Europe/Berlin' })).cache).toBe('hit');
    expect(paths).toHaveLength(2);

    const other = await scene();
    const cookie = renderer({ setCookie: true });
    await open(other.token, cookie.render);
    expect((await open(other.token, cookie.render)).cache).toBe('miss');
    expect(cookie.paths).toHaveLength(2);
  });

  it('never keeps a page rendered for other link choices than its key (changed meanwhile)', async () => {
    const w = await scene();
    const choose = (includeNotes: boolean) =>
      getOrCreateShareLink(db, { userId: w.owner.id, mapId: w.mapId, options: { includeNotes } });
    // The owner turns the notes on after the page's key was read, before the render reads them.
    const racing = renderer({ before: () => choose(true) });
    const raced = await open(w.token, racing.render);
    expect(raced.html).toContain(NOTE);
    // …and back off: the key is the first one's again, but its page is not kept under it (it
    // would show the notes, and its live stream would send every reader to reload into it).
    await choose(false);
    const { render, paths } = renderer();
    const next = await open(w.token, render);
    expect(next.cache).toBe('miss');
    expect(paths).toHaveLength(1);
    expect(next.html).not.toContain(NOTE);
    expect((await open(w.token, render)).cache).toBe('hit');
  });

  it('the home page: kept until the debate is edited', async () => {
    const paths: string[] = [];
    let label = 'first';
    const render: RenderPage = async (path) => {
      paths.push(path);
      const n = crypto.randomBytes(24).toString('base64');
      const debate = await getFeaturedDebate(db);
      return new Response(`<h1>${debate?.motion} ${label}</h1><script nonce="${n}"></script>`, {
        status: 200,
        headers: { 'content-security-policy': `script-src 'nonce-${n}'` },
      });
    };
    const home = async (zone = 'UTC') => {
      const mine = nonce();
      const response = await homePage({ zone, nonce: mine, render });
      const html = await response.text();
      expect(html).toContain(mine);
      return { html, cache: response.headers.get('x-page-cache') };
    };
    articlesChanged([]);
    expect((await home()).cache).toBe('miss');
    label = 'second';
    expect(await home()).toMatchObject({ cache: 'hit', html: expect.stringContaining('first') });
    expect((await home('Asia/Seoul')).cache).toBe('miss');
    expect(paths).toEqual(['/', '/']);
    // A debate edit (updateDebate calls articlesChanged after its commit).
    articlesChanged([]);
    expect(await home()).toMatchObject({ cache: 'miss', html: expect.stringContaining('second') });
  });

  it('a render under way when the debate is edited is not kept, nor joined by later readers', async () => {
    const paths: string[] = [];
    let label = 'before the edit';
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const render: RenderPage = async (path) => {
      paths.push(path);
      const text = label;
      if (paths.length === 1) await held;
      const n = crypto.randomBytes(24).toString('base64');
      return new Response(`<h1>${text}</h1><script nonce="${n}"></script>`, {
        status: 200,
        headers: { 'content-security-policy': `script-src 'nonce-${n}'` },
      });
    };
    const home = () => homePage({ zone: 'UTC', nonce: nonce(), render }).then((r) => r.text());
    articlesChanged([]);
    const first = home();
    await vi.waitFor(() => expect(paths).toHaveLength(1));
    label = 'after the edit';
    articlesChanged([]);
    const second = home();
    await vi.waitFor(() => expect(paths).toHaveLength(2));
    release();
    expect(await first).toContain('before the edit');
    expect(await second).toContain('after the edit');
    expect(await home()).toContain('after the edit');
    expect(paths).toHaveLength(2);
  });
});

describe('the kept pages’ route', () => {
  const request = (headers: Record<string, string> = {}) =>
    new NextRequest('http://localhost/api/kept-page/home', { headers });
  const page = (html: string) => {
    const n = crypto.randomBytes(24).toString('base64');
    return new Response(`${html}<script nonce="${n}"></script>`, {
      status: 200,
      headers: { 'content-security-policy': `script-src 'nonce-${n}'` },
    });
  };

  it('answers only requests that came through the proxy (which set their nonce)', async () => {
    const response = await keptPageRoute(request(), '/', homePage, async () => page('home'));
    expect(response.status).toBe(404);
  });

  it('renders in the reader’s zone by its own name', async () => {
    const zones: string[] = [];
    const render: RenderPage = async (_path, zone) => {
      zones.push(zone);
      return page(zone);
    };
    const mine = nonce();
    articlesChanged([]);
    const response = await keptPageRoute(
      request({ 'x-nonce': mine, cookie: 'tz=asia%2Fseoul' }),
      '/',
      homePage,
      render,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`nonce="${mine}"`);
    expect(zones).toEqual(['Asia/Seoul']);
  });

  it('sends the reader on to the page when this server cannot reach itself; a slow one is 503', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const off = Symbol.for('counterpoint.keptPagesOff');
      articlesChanged([]);
      const refused = await keptPageRoute(request({ 'x-nonce': nonce() }), '/', homePage, () =>
        Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
      );
      expect(refused.status).toBe(307);
      expect(refused.headers.get('location')).toBe('/');
      expect(Number((globalThis as Record<symbol, unknown>)[off])).toBeGreaterThan(Date.now());
      delete (globalThis as Record<symbol, unknown>)[off];

      const slow = await keptPageRoute(request({ 'x-nonce': nonce() }), '/', homePage, () =>
        Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
      );
      expect(slow.status).toBe(503);
      expect((globalThis as Record<symbol, unknown>)[off]).toBeUndefined();
    } finally {
      errors.mockRestore();
    }
  });

  it('asks this server for the page with nothing of the reader’s but their zone', async () => {
    const seen: Request[] = [];
    vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
      seen.push(new Request(url, init));
      return page('home');
    });
    const port = process.env.PORT;
    process.env.PORT = '3999';
    try {
      const response = await renderHere('/s/abc', 'Europe/Berlin');
      expect(response.status).toBe(200);
      const [sent] = seen;
      expect(new URL(sent!.url).pathname).toBe('/s/abc');
      expect(Object.fromEntries(sent!.headers)).toEqual({
        [RENDER_HEADER]: '1',
        accept: 'text/html',
        'accept-encoding': 'identity',
        cookie: 'tz=Europe%2FBerlin',
      });
      expect(sent!.redirect).toBe('manual');
    } finally {
      vi.unstubAllGlobals();
      if (port === undefined) delete process.env.PORT;
      else process.env.PORT = port;
    }
  });
});
