import 'server-only';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { audiences, CLOCK_SKEW_S, readLaunch, type Launch } from '@/lib/domain/lti/claims';
import { LtiRefused, type RefusalReason } from '@/lib/domain/lti/refusals';
import type { Db } from '../db';
import { sameBrowser } from './browser-binding';

/**
 * The launch (LTI Core 1.3 §5.1.2-5.1.3, Security Framework 1.0 §5.1.3): the platform posts an
 * id_token and the state of the login it answers. Checked in this order, each failure refused
 * with its reason (lib/domain/lti/refusals.ts):
 * 1. the token names a registered platform (iss) and its client id among its audiences;
 * 2. the state is one this tool issued for that platform, to this browser (its cookie,
 *    lib/server/lti/browser-binding.ts), not expired, and not used before (it is used up now,
 *    whatever follows: one try per login);
 * 3. the signature verifies against the platform's JWKS (fetched and cached by jose), with its
 *    issuer, audience and lifetime (a minute of clock skew);
 * 4. the claims (lib/domain/lti/claims.ts): azp, iat, the nonce stored with the state, version,
 *    message type, a known deployment id, and what the message type requires.
 */

export interface VerifiedLaunch {
  launch: Launch;
  platform: { id: string; issuer: string; clientId: string; name: string };
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySet(url: string) {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    if (keySets.size > 200) keySets.clear();
    keySets.set(url, set);
  }
  return set;
}

const refused = (reason: RefusalReason, detail?: string) => new LtiRefused({ reason, detail });

function signatureRefusal(error: unknown): LtiRefused {
  if (error instanceof errors.JWTExpired) return refused('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused('wrong-audience');
    if (error.claim === 'iss') return refused('unknown-platform', 'iss');
    return refused('expired', error.claim);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return refused('bad-signature');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return refused('malformed', 'id_token');
  }
  return refused('platform-unreachable', error instanceof Error ? error.message : undefined);
}

export async function verifyLaunch(
  db: Db,
  form: { id_token?: string | null; state?: string | null; cookies?: string | null },
  now = new Date(),
): Promise<VerifiedLaunch> {
  const token = form.id_token;
  if (!token) throw refused('no-token');
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw refused('malformed', 'id_token');
  }
  // The platform: registered under the token's issuer, with one of its audiences as client id
  // (readLaunch then checks azp when there are several).
  if (typeof unverified.iss !== 'string') throw refused('unknown-platform');
  const registered = await db.ltiPlatform.findMany({
    where: { issuer: unverified.iss },
    include: { deployments: { select: { deploymentId: true } } },
  });
  if (registered.length === 0) throw refused('unknown-platform', unverified.iss);
  const aud = audiences(unverified);
  const platform = registered.find((p) => aud.includes(p.clientId));
  if (!platform) throw refused('wrong-audience', aud.join(' '));

  const state = form.state;
  if (!state) throw refused('state-unknown');
  // The browser posting the launch must be the one that started the login.
  if (!sameBrowser(state, form.cookies ?? null)) throw refused('state-unknown', 'another browser');
  const used = await db.ltiLaunchState.updateMany({
    where: { state, usedAt: null, platformId: platform.id, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count === 0) {
    const row = await db.ltiLaunchState.findUnique({ where: { state } });
    if (!row || row.platformId !== platform.id) throw refused('state-unknown');
    if (row.usedAt) throw refused('replayed', 'state');
    throw refused('state-expired');
  }
  const { nonce } = await db.ltiLaunchState.findUniqueOrThrow({ where: { state } });

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySet(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
      clockTolerance: CLOCK_SKEW_S,
      currentDate: now,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    throw signatureRefusal(error);
  }
  const result = readLaunch(payload, {
    clientId: platform.clientId,
    nonce,
    // A platform registered without a deployment id (some dynamic registrations give none)
    // takes the one its first verified launch names, and from then on only the ones recorded.
    deploymentIds:
      platform.deployments.length > 0 ? platform.deployments.map((d) => d.deploymentId) : null,
    now: Math.floor(now.getTime() / 1000),
  });
  if ('refusal' in result) throw new LtiRefused(result.refusal);
  if (platform.deployments.length === 0) {
    await db.ltiDeployment.upsert({
      where: {
        platformId_deploymentId: {
          platformId: platform.id,
          deploymentId: result.launch.deploymentId,
        },
      },
      create: { platformId: platform.id, deploymentId: result.launch.deploymentId },
      update: {},
    });
  }
  const { id, issuer, name } = platform;
  return { launch: result.launch, platform: { id, issuer, clientId: platform.clientId, name } };
}
