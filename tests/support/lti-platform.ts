import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, createRemoteJWKSet, SignJWT, type JWK } from 'jose';
import { CLAIM } from '@/lib/domain/lti/claims';

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

export async function startTestPlatform(toolJwksUrl?: () => string): Promise<TestPlatform> {
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
      if (toolJwksUrl) {
        try {
          await jwtVerify(
            form.get('client_assertion') ?? '',
            createRemoteJWKSet(new URL(toolJwksUrl())),
            {
              audience: `${base}/token`,
            },
          );
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
        [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
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
