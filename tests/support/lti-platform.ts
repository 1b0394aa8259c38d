import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from 'jose';
import { CLAIM } from '@/lib/domain/lti/claims';
import { db } from '@/lib/server/db';
import { savePlatform } from '@/lib/server/lti/admin';
import { launchResponse, loginResponse } from '@/lib/server/lti/routes';

/** Course membership roles as platforms send them (LIS v2 vocabulary). */
const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
export const INSTRUCTOR = `${MEMBERSHIP}Instructor`;
export const LEARNER = `${MEMBERSHIP}Learner`;
export const MENTOR = `${MEMBERSHIP}Mentor`;

/**
 * A small LMS for the integration tests: its own RS256 key and JWKS over HTTP, id_tokens signed
 * with it (or with another key, to forge one), and the service endpoints the tool calls (token,
 * memberships, line items, scores), recording what it receives. The e2e suite uses the full test
 * platform (scripts/fakes/lti-platform.mjs) instead.
 */
export interface TestPlatform {
  url: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** An id_token with these claims over a valid launch's (signed by `key`: the platform's by default). */
  idToken(
    claims: Record<string, unknown>,
    opts?: { nonce?: string; forged?: boolean; iat?: number; exp?: number },
  ): Promise<string>;
  scores: { url: string; body: Record<string, unknown>; auth: string | null }[];
  lineItemsMade: Record<string, unknown>[];
  tokenRequests: URLSearchParams[];
  members: Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startTestPlatform(
  toolKeys?: () => Promise<{ keys: JWK[] }>,
): Promise<TestPlatform> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const kid = crypto.randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const scores: TestPlatform['scores'] = [];
  const lineItemsMade: TestPlatform['lineItemsMade'] = [];
  const tokenRequests: URLSearchParams[] = [];
  const members: Record<string, unknown>[] = [];
  let base = '';
  const read = (req: http.IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => resolve(body));
    });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token') {
      const form = new URLSearchParams(await read(req));
      tokenRequests.push(form);
      if (toolKeys) {
        try {
          await jwtVerify(form.get('client_assertion') ?? '', createLocalJWKSet(await toolKeys()), {
            audience: `${base}/token`,
          });
        } catch (e) {
          return json(401, { error: 'invalid_client', detail: String(e) });
        }
      }
      return json(200, {
        access_token: `token-${crypto.randomUUID()}`,
        expires_in: 3600,
        token_type: 'Bearer',
      });
    }
    if (url.pathname === '/memberships') return json(200, { id: url.toString(), members });
    if (url.pathname === '/lineitems' && req.method === 'GET') return json(200, []);
    if (url.pathname === '/lineitems' && req.method === 'POST') {
      const item = JSON.parse(await read(req)) as Record<string, unknown>;
      const id = `${base}/lineitems/${lineItemsMade.length + 1}/lineitem`;
      lineItemsMade.push(item);
      return json(201, { ...item, id });
    }
    if (url.pathname.endsWith('/scores') && req.method === 'POST') {
      scores.push({
        url: url.toString(),
        body: JSON.parse(await read(req)) as Record<string, unknown>,
        auth: req.headers.authorization ?? null,
      });
      return json(200, {});
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/lms`;
  const clientId = `client-${crypto.randomUUID().slice(0, 8)}`;
  const deploymentId = 'deployment-1';
  return {
    url: base,
    issuer,
    clientId,
    deploymentId,
    scores,
    lineItemsMade,
    tokenRequests,
    members,
    async idToken(claims, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        nonce: opts.nonce,
        [CLAIM.version]: '1.3.0',
        [CLAIM.deploymentId]: deploymentId,
        [CLAIM.messageType]: 'LtiResourceLinkRequest',
        [CLAIM.roles]: [LEARNER],
        [CLAIM.resourceLink]: { id: 'link-1', title: 'Debate' },
        [CLAIM.context]: { id: 'course-1', title: 'Civics 9' },
        sub: 'learner-1',
        name: 'Lee Learner',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
        .setAudience((claims.aud as string | string[] | undefined) ?? clientId)
        .setIssuedAt(opts.iat ?? now)
        .setExpirationTime(opts.exp ?? now + 300)
        .sign(opts.forged ? other.privateKey : privateKey);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Launches into the tool as the test platform would: login initiation, then the id_token. */
export function launcher(lms: TestPlatform, tool = 'http://localhost:3000') {
  /** The browser's cookies for the tool (the login's state cookies), sent with each launch. */
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function login() {
    const response = await loginResponse(
      db,
      new Request(`${tool}/api/lti/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          iss: lms.issuer,
          login_hint: 'someone',
          target_link_uri: `${tool}/api/lti/launch`,
          client_id: lms.clientId,
        }),
      }),
    );
    keep(response);
    const to = new URL(response.headers.get('location') ?? 'http://invalid/');
    return {
      response,
      to,
      state: to.searchParams.get('state')!,
      nonce: to.searchParams.get('nonce')!,
    };
  }
  /** Posts a launch from this browser (or, with `fromElsewhere`, from one with no cookies). */
  function post(idToken: string, state: string, opts: { fromElsewhere?: boolean } = {}) {
    return launchResponse(
      db,
      new Request(`${tool}/api/lti/launch`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(opts.fromElsewhere ? {} : { cookie: cookieHeader() }),
        },
        body: new URLSearchParams({ id_token: idToken, state }),
      }),
    );
  }
  async function launch(
    claims: Record<string, unknown>,
    opts: Parameters<TestPlatform['idToken']>[1] = {},
  ) {
    const { state, nonce } = await login();
    return post(await lms.idToken(claims, { nonce, ...opts }), state);
  }
  return { login, post, launch, cookieHeader };
}

/** Registers the test platform with the tool; returns its row id. */
export async function registerTestPlatform(lms: TestPlatform): Promise<string> {
  const { id } = await savePlatform(db, {
    name: 'Test LMS',
    issuer: lms.issuer,
    clientId: lms.clientId,
    deploymentIds: [lms.deploymentId],
    authLoginUrl: `${lms.url}/auth`,
    tokenUrl: `${lms.url}/token`,
    jwksUrl: `${lms.url}/jwks`,
    tokenAudience: null,
  });
  return id;
}
