import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifiedSessionToken } from './session-cookie';

const SECRET = 'a-secret-of-this-server';
const NAME = 'better-auth.session_token';
/** As better-call's signCookieValue signs it (the format better-auth's cookies have). */
const signed = (token: string, secret = SECRET) =>
  encodeURIComponent(
    `${token}.${crypto.createHmac('sha256', secret).update(token).digest('base64')}`,
  );

describe('verifiedSessionToken', () => {
  it('answers the token of a cookie signed with the secret, among other cookies', () => {
    expect(
      verifiedSessionToken(`tz=Europe%2FBerlin; ${NAME}=${signed('abc123')}`, NAME, SECRET),
    ).toBe('abc123');
    expect(verifiedSessionToken(`${NAME}="${signed('q')}"`, NAME, SECRET)).toBe('q');
  });

  it('refuses a cookie signed with another secret, or for another token', () => {
    expect(verifiedSessionToken(`${NAME}=${signed('abc123', 'other')}`, NAME, SECRET)).toBeNull();
    const [, signature] = decodeURIComponent(signed('abc123')).split('.');
    expect(
      verifiedSessionToken(`${NAME}=${encodeURIComponent(`abc124.${signature}`)}`, NAME, SECRET),
    ).toBeNull();
  });

  it('refuses what is not a signed cookie, without throwing', () => {
    for (const value of [
      '',
      'abc',
      'abc.',
      '.sig',
      'abc.short=',
      '%E0%A4%A',
      `abc.${'x'.repeat(44)}`,
    ])
      expect(verifiedSessionToken(`${NAME}=${value}`, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken('', NAME, SECRET)).toBeNull();
  });

  it('takes one spelling of a signature: the URL-safe base64 of the same bytes is refused', () => {
    let token = 'a';
    while (!/[+/]/.test(decodeURIComponent(signed(token)))) token += 'a';
    const value = decodeURIComponent(signed(token));
    const urlSafe = value.replace(/\+/g, '-').replace(/\//g, '_');
    expect(verifiedSessionToken(`${NAME}=${encodeURIComponent(value)}`, NAME, SECRET)).toBe(token);
    expect(verifiedSessionToken(`${NAME}=${encodeURIComponent(urlSafe)}`, NAME, SECRET)).toBeNull();
  });

  it('reads only the cookie of that exact name, and its first occurrence', () => {
    expect(verifiedSessionToken(`__Secure-${NAME}=${signed('a')}`, NAME, SECRET)).toBeNull();
    expect(
      verifiedSessionToken(`${NAME}=${signed('first')}; ${NAME}=${signed('second')}`, NAME, SECRET),
    ).toBe('first');
  });
});
