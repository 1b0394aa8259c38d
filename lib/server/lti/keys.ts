import 'server-only';
import crypto from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Db, Tx } from '../db';
import { lockNames } from '../locks';

/**
 * The tool's own RS256 keys (LtiKey): the newest key that is not retired signs everything the
 * tool sends an LMS (deep linking responses, client assertions for service tokens); the JWKS
 * publishes it, the keys retired less than a day ago (a platform that fetched the JWKS before a
 * rotation still verifies what was signed just before it), and nothing older.
 */

export const RETIRED_KEYS_PUBLISHED_MS = 24 * 60 * 60 * 1000;

async function newKey(tx: Tx) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = crypto.randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  return tx.ltiKey.create({
    data: { kid, publicJwk: JSON.stringify(publicJwk), privateJwk: JSON.stringify(privateJwk) },
  });
}

/** The key that signs now (made on first use). */
export async function signingKey(db: Db): Promise<{ kid: string; key: CryptoKey }> {
  const current = await db.ltiKey.findFirst({
    where: { retiredAt: null },
    orderBy: [{ createdAt: 'desc' }, { kid: 'asc' }],
  });
  const row =
    current ??
    (await db.$transaction(async (tx) => {
      await lockNames(tx, ['lti-keys']);
      const again = await tx.ltiKey.findFirst({
        where: { retiredAt: null },
        orderBy: [{ createdAt: 'desc' }, { kid: 'asc' }],
      });
      return again ?? newKey(tx);
    }));
  const key = (await importJWK(JSON.parse(row.privateJwk) as JWK, 'RS256')) as CryptoKey;
  return { kid: row.kid, key };
}

/** The public keys to publish: the signing key and those retired less than a day ago. */
export async function publicJwks(db: Db, now = new Date()): Promise<{ keys: JWK[] }> {
  await signingKey(db);
  const rows = await db.ltiKey.findMany({
    where: {
      OR: [
        { retiredAt: null },
        { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEYS_PUBLISHED_MS) } },
      ],
    },
    orderBy: { createdAt: 'desc' },
  });
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) };
}

/**
 * A new signing key; the keys signing until now are retired (published for another day). Keys
 * retired more than a day ago are deleted. Called by the admin (lib/server/lti/admin.ts).
 */
export async function rotateKeys(tx: Tx, now = new Date()): Promise<{ kid: string }> {
  await lockNames(tx, ['lti-keys']);
  await tx.ltiKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
  await tx.ltiKey.deleteMany({
    where: { retiredAt: { lt: new Date(now.getTime() - RETIRED_KEYS_PUBLISHED_MS) } },
  });
  const row = await newKey(tx);
  return { kid: row.kid };
}
