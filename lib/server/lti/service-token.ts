import 'server-only';
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { db as appDb, type Db } from '../db';
import { signingKey } from './keys';

/**
 * Access tokens for the LTI Advantage services (Security Framework 1.0 §4.1: OAuth 2 client
 * credentials with a JWT client assertion signed by the tool's key, RFC 7523), one per platform
 * and scope set, kept in memory until a minute before they expire.
 */

export const AGS_SCOPES = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;
export const NRPS_SCOPE =
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

const cache = new Map<string, { token: string; until: number }>();

/** Forgets cached tokens (a test, or a platform whose registration changed). */
export function forgetServiceTokens() {
  cache.clear();
}

export async function serviceToken(
  platformId: string,
  scopes: string[],
  db: Db = appDb,
): Promise<string> {
  const scope = [...new Set(scopes)].sort().join(' ');
  const key = `${platformId} ${scope}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const platform = await db.ltiPlatform.findUniqueOrThrow({ where: { id: platformId } });
  const { kid, key: privateKey } = await signingKey(db);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenAudience ?? platform.tokenUrl)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(crypto.randomUUID())
    .sign(privateKey);
  const response = await fetch(platform.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`The LMS refused a service token (${response.status}): ${text}`);
  }
  const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('The LMS sent no access token.');
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  cache.set(key, {
    token: body.access_token,
    until: Date.now() + Math.max(0, seconds - 60) * 1000,
  });
  return body.access_token;
}
