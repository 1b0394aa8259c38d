import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import {
  publicJwks,
  RETIRED_KEYS_PUBLISHED_MS,
  rotateKeys,
  signingKey,
} from '@/lib/server/lti/keys';
import { rotateToolKeys } from '@/lib/server/lti/admin';
import { createUser, db, theAdmin } from '../support/factories';

/** The tool's keys: the newest signs; a retired key stays published for a day, then goes. */
describe('LTI tool keys', () => {
  it('rotates: the new key signs, the old one verifies for a day more', async () => {
    const before = await signingKey(db);
    const signed = await new SignJWT({ a: 1 })
      .setProtectedHeader({ alg: 'RS256', kid: before.kid })
      .sign(before.key);
    const admin = await theAdmin();
    const { kid } = await rotateToolKeys(db, { userId: admin.id });
    expect(kid).not.toBe(before.kid);
    expect((await signingKey(db)).kid).toBe(kid);
    const published = await publicJwks(db);
    expect(published.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kid, before.kid]));
    expect(published.keys.every((k) => !('d' in k))).toBe(true);
    await jwtVerify(signed, createLocalJWKSet(published));

    const later = new Date(Date.now() + RETIRED_KEYS_PUBLISHED_MS + 60_000);
    expect((await publicJwks(db, later)).keys.map((k) => k.kid)).not.toContain(before.kid);
    await db.$transaction((tx) => rotateKeys(tx, later));
    expect(await db.ltiKey.findUnique({ where: { kid: before.kid } })).toBeNull();
  });

  it('only the admin rotates', async () => {
    const someone = await createUser('Someone');
    await expect(rotateToolKeys(db, { userId: someone.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
