import 'server-only';
import crypto from 'node:crypto';
import { cookies } from 'next/headers';
import { baseUrl, sessionSecret } from './config';

/**
 * "Known devices": a browser that has signed in to an account before, so that guesses at the
 * account from anywhere else never lock its owner out there (lib/domain/sign-in-throttle.ts,
 * KNOWN_DEVICE).
 *
 * One httpOnly cookie per browser: a random device id, then one entry per account that signed in
 * on it (a classroom computer is shared), newest last, at most MAX_ACCOUNTS of them. An entry is
 * the time it was issued and an HMAC, under the server's session secret, of the device id, the
 * account and that time: it cannot be forged, moved to another account or kept past
 * KEEP_DAYS, and it names no account in the clear. Every successful sign-in (or sign-up, or
 * password set through a reset link) renews its entry.
 */

export const KNOWN_DEVICE_COOKIE = 'counterpoint.known_device';
export const KEEP_DAYS = 180;
export const MAX_ACCOUNTS = 30;

interface Entry {
  issued: number;
  mac: string;
}
interface Parsed {
  deviceId: string;
  entries: Entry[];
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, deviceId: string, account: string, issued: number): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`known-device\n${deviceId}\n${account}\n${issued}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

function parse(value: string | undefined): Parsed | null {
  if (!value) return null;
  const [deviceId, ...rest] = value.split('.');
  if (!deviceId || !ID.test(deviceId)) return null;
  const entries: Entry[] = [];
  for (const part of rest.slice(-MAX_ACCOUNTS)) {
    const [issued36, m] = part.split(':');
    const issued = parseInt(issued36 ?? '', 36);
    if (Number.isSafeInteger(issued) && m && MAC.test(m)) entries.push({ issued, mac: m });
  }
  return { deviceId, entries };
}

const fresh = (issued: number, now: Date) =>
  issued <= now.getTime() / 1000 + 60 && now.getTime() / 1000 - issued < KEEP_DAYS * 86_400;

function matches(secret: string, p: Parsed, e: Entry, account: string): boolean {
  const expected = Buffer.from(mac(secret, p.deviceId, account, e.issued));
  const given = Buffer.from(e.mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The device id when the cookie says this browser signed in to `account` before, else null. */
export function knownDeviceIn(
  value: string | undefined,
  account: string,
  secret: string,
  now = new Date(),
): string | null {
  const p = parse(value);
  if (!p) return null;
  const ok = p.entries.some((e) => fresh(e.issued, now) && matches(secret, p, e, account));
  return ok ? p.deviceId : null;
}

/** The cookie's value once `account` has signed in on this browser (a new device id if none). */
export function rememberIn(
  value: string | undefined,
  account: string,
  secret: string,
  now = new Date(),
): string {
  const p = parse(value) ?? { deviceId: crypto.randomBytes(16).toString('base64url'), entries: [] };
  const issued = Math.floor(now.getTime() / 1000);
  const kept = p.entries.filter((e) => fresh(e.issued, now) && !matches(secret, p, e, account));
  const entries = [...kept, { issued, mac: mac(secret, p.deviceId, account, issued) }];
  return [
    p.deviceId,
    ...entries.slice(-MAX_ACCOUNTS).map((e) => `${e.issued.toString(36)}:${e.mac}`),
  ].join('.');
}

/** This request's device id if its browser signed in to `account` before. */
export async function knownDevice(account: string): Promise<string | null> {
  const jar = await cookies();
  return knownDeviceIn(jar.get(KNOWN_DEVICE_COOKIE)?.value, account, sessionSecret());
}

/** Marks this browser as one `account` signed in on (from a server action). */
export async function rememberDevice(account: string): Promise<void> {
  const jar = await cookies();
  jar.set(
    KNOWN_DEVICE_COOKIE,
    rememberIn(jar.get(KNOWN_DEVICE_COOKIE)?.value, account, sessionSecret()),
    {
      httpOnly: true,
      sameSite: 'lax',
      secure: baseUrl().startsWith('https://'),
      path: '/',
      maxAge: KEEP_DAYS * 86_400,
    },
  );
}
