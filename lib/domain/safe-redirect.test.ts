import { describe, expect, it } from 'vitest';
import { MAX_REDIRECT_LENGTH, safeRedirect } from './safe-redirect';

const FALLBACK = '/maps';

describe('safeRedirect', () => {
  it.each([
    ['a backslash after the slash', '/\\evil.example'],
    ['a tab between slash and backslash', '/\t/evil.example'],
    ['a tab after the first slash', '/\t\\evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['two slashes', '//evil.example'],
    ['two slashes after a leading space', ' //evil.example'],
    ['another origin', 'https://evil.example'],
    ['a scheme without slashes', 'javascript:alert(1)'],
    ['a relative path', 'maps'],
    ['an encoded backslash', '/%5Cevil'],
    ['an encoded lower-case backslash', '/%5cevil.example'],
    ['an encoded slash after the slash', '/%2F/evil.example'],
    ['a malformed escape', '/maps%E0%A4%A'],
    ['a control character', '/maps\u0001'],
    ['a lone control character', '\u0001'],
    ['an encoded control character', '/maps%00'],
    ['DEL', '/maps\u007f'],
    ['a C1 control character', '/maps\u0085'],
    ['the empty string', ''],
  ])('refuses %s', (_, next) => {
    expect(safeRedirect(next, FALLBACK)).toBe(FALLBACK);
  });

  it('refuses what is not a string', () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(['/maps'], FALLBACK)).toBe(FALLBACK);
  });

  it('refuses very long values', () => {
    const long = '/maps?q=' + 'a'.repeat(MAX_REDIRECT_LENGTH);
    expect(safeRedirect(long, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect('/' + 'a'.repeat(100_000), FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ['/maps', '/maps'],
    ['/', '/'],
    [
      '/maps/0b7c1f0e-3a8e-4d8e-9d1f-1c2b3a4d5e6f/brief',
      '/maps/0b7c1f0e-3a8e-4d8e-9d1f-1c2b3a4d5e6f/brief',
    ],
    ['/s/Ab_c-9', '/s/Ab_c-9'],
    ['/maps/abc/brief?side=2', '/maps/abc/brief?side=2'],
    ['/maps?a=1&b=%2F%2Fx#claim-3', '/maps?a=1&b=%2F%2Fx#claim-3'],
    ['/maps#top', '/maps#top'],
  ])('keeps the path %s', (next, expected) => {
    expect(safeRedirect(next, FALLBACK)).toBe(expected);
  });

  it('returns the path as the browser will read it', () => {
    expect(safeRedirect('/maps/../s/x', FALLBACK)).toBe('/s/x');
    expect(safeRedirect('/cartes/été', FALLBACK)).toBe('/cartes/%C3%A9t%C3%A9');
  });

  it('never returns anything that leaves the site, whatever the input', () => {
    const pieces = [
      '/',
      '\\',
      '//',
      '\t',
      '\n',
      '%5C',
      '%2F',
      '@',
      ':',
      'evil.example',
      '.',
      '?',
      '#',
    ];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const out = safeRedirect(a + b + c, FALLBACK);
          expect(out.startsWith('/') && !out.startsWith('//')).toBe(true);
          expect(out).not.toMatch(/[\\\t\n]/);
          expect(new URL(out, 'http://site.example').origin).toBe('http://site.example');
        }
  });
});
