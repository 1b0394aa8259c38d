import crypto from 'node:crypto';

/**
 * The session token in a Cookie header, if its signature is right: better-call's signed cookie
 * (`encodeURIComponent(token + '.' + base64(HMAC-SHA256(secret, token)))`), read as its
 * getSignedCookie reads it (the first cookie of that name; a 44-character signature). Null for
 * no cookie, a malformed one or a wrong signature.
 */
export function verifiedSessionToken(cookieHeader: string, name: string, secret: string) {
  const raw = firstCookie(cookieHeader, name);
  if (!raw) return null;
  let value: string;
  try {
    value = raw.includes('%') ? decodeURIComponent(raw) : raw;
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  // better-call's own test (44 characters ending in '='), and standard base64 only, as its atob
  // reads it: one signature, one spelling.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return null;
  const expected = crypto.createHmac('sha256', secret).update(token).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : null;
}

function firstCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    }
  }
  return null;
}
