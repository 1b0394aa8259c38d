import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/lib/domain/safe-redirect';
import {
  adminQuery,
  changesQuery,
  compareQuery,
  eventsQuery,
  HISTORY_PAGE_DEFAULT,
  historyQuery,
  mapQuery,
  newAssignmentQuery,
  parseQuery,
  queryOf,
  resetPasswordQuery,
  settingsQuery,
  sideQuery,
  signInQuery,
  signUpQuery,
  startQuery,
} from './query';

/** Where safeRedirect sends someone when `next` is no path of this site. */
const HOME = safeRedirect(undefined);
const url = (query: string) => `http://localhost/x${query}`;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return null;
};

describe('queryOf', () => {
  it('reads a query as Next.js gives a page its searchParams: a repeated name is an array', () => {
    expect(queryOf(url('?a=1&b=&a=2&c=%20x'))).toEqual({ a: ['1', '2'], b: '', c: ' x' });
    expect(queryOf(url(''))).toEqual({});
  });
});

describe('parseQuery', () => {
  it('answers a refused query as INVALID with the schema’s words (a 400, not a 500)', () => {
    expect(refusal(() => parseQuery(changesQuery, url('?since=x')))).toEqual({
      code: 'INVALID',
      message: 'Say since=<revision>.',
    });
    expect(parseQuery(changesQuery, url('?since=12'))).toEqual({ since: 12 });
  });
});

describe('page queries', () => {
  it('sign-in and sign-up: next only to a path on this site, and the notices by exact value', () => {
    expect(signInQuery.parse({ next: '/maps/1', reset: '1' })).toEqual({
      next: '/maps/1',
      reset: true,
      signedOut: false,
    });
    expect(signInQuery.parse({ next: 'https://evil.example', signedOut: 'everywhere' })).toEqual({
      next: HOME,
      reset: false,
      signedOut: true,
    });
    expect(signInQuery.parse({ next: ['/a', '/b'], reset: ['1', '1'] })).toMatchObject({
      next: HOME,
      reset: false,
    });
    expect(signUpQuery.parse({})).toEqual({ next: HOME });
  });

  it('start: a new map only for ?new=map', () => {
    expect(startQuery.parse({ new: 'map' })).toEqual({ newMap: true });
    for (const value of [undefined, 'other', ['map', 'map']]) {
      expect(startQuery.parse({ new: value })).toEqual({ newMap: false });
    }
  });

  it('reset-password: the token, or "" (the incomplete-link notice) for none, two or too long', () => {
    expect(resetPasswordQuery.parse({ token: 'abc' })).toEqual({ token: 'abc' });
    for (const token of [undefined, ['a', 'b'], 'x'.repeat(129)]) {
      expect(resetPasswordQuery.parse({ token })).toEqual({ token: '' });
    }
  });

  it('settings: a new form after a change, keyed by its time', () => {
    expect(settingsQuery.parse({ password: 'changed', at: '123' })).toEqual({ changed: '123' });
    expect(settingsQuery.parse({ password: 'changed' })).toEqual({ changed: '' });
    expect(settingsQuery.parse({ password: 'other', at: '1' })).toEqual({ changed: null });
  });

  it('admin: the search, clipped to 100 characters; anything else is no search', () => {
    expect(adminQuery.parse({ q: 'ann' })).toEqual({ q: 'ann' });
    expect(adminQuery.parse({ q: 'x'.repeat(150) }).q.length).toBeLessThanOrEqual(100);
    expect(adminQuery.parse({ q: ['a', 'b'] })).toEqual({ q: '' });
    expect(adminQuery.parse({})).toEqual({ q: '' });
  });

  it('new assignment: a debate id to preselect, ignored when it cannot be one', () => {
    expect(newAssignmentQuery.parse({ debate: 'deb-1' })).toEqual({ debate: 'deb-1' });
    for (const debate of ['', 'a b', 'x'.repeat(65), ['a', 'b'], '\u0000']) {
      expect(newAssignmentQuery.parse({ debate })).toEqual({ debate: undefined });
    }
  });

  it('compare: two ids or none; an id no record can have is refused (the page: not found)', () => {
    expect(compareQuery.parse({ a: 'w1', b: 'w2' })).toEqual({ a: 'w1', b: 'w2' });
    expect(compareQuery.parse({})).toEqual({ a: undefined, b: undefined });
    for (const a of ['', 'a b', 'x'.repeat(65), ['w1', 'w2'], '\u0000']) {
      expect(compareQuery.safeParse({ a, b: 'w2' }).success).toBe(false);
    }
  });

  it('side: 1 or 2 (1 when absent); anything else is refused with what to choose', () => {
    expect(sideQuery.parse({})).toEqual({ side: 1 });
    expect(sideQuery.parse({ side: '1' })).toEqual({ side: 1 });
    expect(sideQuery.parse({ side: '2' })).toEqual({ side: 2 });
    for (const side of ['3', '0', '', 'two', ['1', '2']]) {
      const parsed = sideQuery.safeParse({ side });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Choose side 1 or 2 for the brief.');
    }
  });
});

describe('route queries', () => {
  it('the map: a link token, or none', () => {
    expect(mapQuery.parse({})).toEqual({ link: undefined });
    expect(mapQuery.parse({ link: 'tok' })).toEqual({ link: 'tok' });
    expect(refusal(() => parseQuery(mapQuery, url('?link=a&link=b')))).toMatchObject({
      code: 'INVALID',
    });
  });

  it('history: before and limit, whole numbers in range; limit 200 when absent or empty', () => {
    expect(historyQuery.parse({})).toEqual({ before: undefined, limit: HISTORY_PAGE_DEFAULT });
    expect(historyQuery.parse({ before: '40', limit: '500' })).toEqual({ before: 40, limit: 500 });
    expect(historyQuery.parse({ before: '', limit: '' })).toEqual({
      before: undefined,
      limit: HISTORY_PAGE_DEFAULT,
    });
    expect(refusal(() => parseQuery(historyQuery, url('?limit=501')))).toEqual({
      code: 'INVALID',
      message: 'Say limit=<a whole number from 1 to 500>.',
    });
    for (const before of ['0', '-1', '1.5', 'x', '1e3', '99999999999999999']) {
      expect(refusal(() => parseQuery(historyQuery, url(`?before=${before}`)))).toEqual({
        code: 'INVALID',
        message: 'Say before=<a whole number from 1 to 9,007,199,254,740,991>.',
      });
    }
  });

  it('changes: since, a revision (0 or more), required', () => {
    expect(changesQuery.parse({ since: '0' })).toEqual({ since: 0 });
    for (const query of [
      '',
      '?since=',
      '?since=-1',
      '?since=1.5',
      '?since=a',
      '?since=1&since=2',
    ]) {
      expect(refusal(() => parseQuery(changesQuery, url(query)))).toEqual({
        code: 'INVALID',
        message: 'Say since=<revision>.',
      });
    }
  });

  it('events: since and tab when they are well formed, else none (the stream opens anyway)', () => {
    expect(eventsQuery.parse({ since: '7', tab: 'tab-12345678' })).toEqual({
      since: 7,
      tab: 'tab-12345678',
    });
    for (const since of ['x', '-1', '1.5', ['1', '2']]) {
      expect(eventsQuery.parse({ since, tab: 'short' })).toEqual({ since: NaN, tab: undefined });
    }
    // No revision (or an empty one) is the start of the log, as before.
    expect(eventsQuery.parse({})).toEqual({ since: 0, tab: undefined });
    expect(eventsQuery.parse({ since: '' })).toEqual({ since: 0, tab: undefined });
    // What the page was rendered for (lib/domain/page-standing.ts); anything else is none.
    const seen = 'commenter.a.1-1-1-0-1-1-pseudonymous-own-1';
    expect(eventsQuery.parse({ seen }).seen).toBe(seen);
    for (const bad of ['', 'admin.w.1', 'editor.x.1', `editor.w.${'1'.repeat(121)}`, 'editor.w.<'])
      expect(eventsQuery.parse({ seen: bad }).seen).toBeUndefined();
  });
});
