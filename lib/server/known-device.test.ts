import { describe, expect, it } from 'vitest';
import { KEEP_DAYS, knownDeviceIn, MAX_ACCOUNTS, rememberIn } from './known-device';

const SECRET = 'test secret';
const day = 86_400_000;
const t0 = new Date(Date.UTC(2026, 0, 1));

describe('known-device cookie', () => {
  it('knows the accounts that signed in on this browser, and no other', () => {
    const v = rememberIn(undefined, 'ada@example.org', SECRET, t0);
    const device = knownDeviceIn(v, 'ada@example.org', SECRET, t0);
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(knownDeviceIn(v, 'bo@example.org', SECRET, t0)).toBeNull();
    const both = rememberIn(v, 'bo@example.org', SECRET, t0);
    expect(knownDeviceIn(both, 'bo@example.org', SECRET, t0)).toBe(device);
    expect(knownDeviceIn(both, 'ada@example.org', SECRET, t0)).toBe(device);
    // Names no account in the clear.
    expect(both).not.toContain('ada');
  });

  it('cannot be forged, moved to another device or secret, or kept past its time', () => {
    const v = rememberIn(undefined, 'ada@example.org', SECRET, t0);
    expect(knownDeviceIn(v, 'ada@example.org', 'another secret', t0)).toBeNull();
    const [, entry] = v.split('.');
    const otherDevice = rememberIn(undefined, 'bo@example.org', SECRET, t0).split('.')[0];
    expect(knownDeviceIn(`${otherDevice}.${entry}`, 'ada@example.org', SECRET, t0)).toBeNull();
    const tampered = v.slice(0, -2) + (v.endsWith('AA') ? 'BB' : 'AA');
    expect(knownDeviceIn(tampered, 'ada@example.org', SECRET, t0)).toBeNull();
    const later = new Date(t0.getTime() + (KEEP_DAYS + 1) * day);
    expect(knownDeviceIn(v, 'ada@example.org', SECRET, later)).toBeNull();
    // Signing in again renews it.
    const renewed = rememberIn(v, 'ada@example.org', SECRET, new Date(t0.getTime() + 100 * day));
    expect(knownDeviceIn(renewed, 'ada@example.org', SECRET, later)).not.toBeNull();
    expect(renewed.split('.')).toHaveLength(2);
    for (const junk of ['', 'x', 'a.b.c', '%%%', v.replace('.', '')])
      expect(knownDeviceIn(junk, 'ada@example.org', SECRET, t0)).toBeNull();
  });

  it('keeps the newest accounts of a shared classroom computer, within a small cookie', () => {
    let v: string | undefined;
    for (let i = 0; i < MAX_ACCOUNTS + 5; i++) v = rememberIn(v, `s${i}@example.org`, SECRET, t0);
    expect(knownDeviceIn(v, 's0@example.org', SECRET, t0)).toBeNull();
    expect(knownDeviceIn(v, `s${MAX_ACCOUNTS + 4}@example.org`, SECRET, t0)).not.toBeNull();
    expect(v!.length).toBeLessThan(1200);
  });
});
