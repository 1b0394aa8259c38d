import crypto from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SignJWT,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
  type JWK,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../scripts/fakes/lti-platform.mjs';
import { INSTRUCTOR, LEARNER } from '../support/lti-platform';

// The LTI test platform (scripts/fakes/lti-platform.mjs) on its own, with a stub tool that is
// only a JWKS: the test plays the tool's and the browser's parts by hand.

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
const AGS = 'https://purl.imsglobal.org/spec/lti-ags/';
const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

type Platform = Awaited<ReturnType<typeof start>>;
let platform: Platform;
let toolServer: Server;
let tool = '';
let toolKey: { privateKey: CryptoKey; jwk: JWK };
let stranger: { privateKey: CryptoKey; jwk: JWK }; // not in the tool's JWKS, same kid
let clientId = '';
let deploymentId = '';

async function key(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** The action and fields of an auto-submitting form page. */
function form(html: string) {
  const unescape = (s: string) =>
    s
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields[unescape(m[1]!)] = unescape(m[2]!);
  return { action: action && unescape(action), fields };
}

async function assertion(signer = toolKey, audience = platform.endpoints.token!) {
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: signer.jwk.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signer.privateKey);
}

async function tokenRequest(clientAssertion: string, scope: string) {
  return fetch(platform.endpoints.token!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
      scope,
    }),
  });
}

async function accessToken(scope: string) {
  const res = await tokenRequest(await assertion(), scope);
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  [toolKey, stranger] = await Promise.all([key('tool-1'), key('tool-1')]);
  toolServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [toolKey.jwk] }));
  });
  await new Promise<void>((r) => toolServer.listen(0, r));
  tool = `http://localhost:${(toolServer.address() as AddressInfo).port}`;
  platform = await start(0, { nrpsPageSize: 50 });
  const added = await platform.addTool({
    name: 'Stub tool',
    initiateLoginUri: `${tool}/login`,
    redirectUris: [`${tool}/launch`],
    jwksUri: `${tool}/jwks`,
    targetLinkUri: `${tool}/launch`,
    deepLinkingUri: `${tool}/deep-link`,
  });
  clientId = added.clientId;
  deploymentId = added.deploymentId;
});

afterAll(async () => {
  await platform?.stop();
  await new Promise((r) => toolServer?.close(r));
});

describe('LTI test platform', () => {
  it('publishes its key and an openid configuration with the LTI platform block', async () => {
    const jwks = await (await fetch(platform.endpoints.jwks!)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) });
    expect(jwks.keys[0].d).toBeUndefined();
    const config = await (await fetch(platform.endpoints.openidConfiguration!)).json();
    expect(config).toMatchObject({
      issuer: platform.issuer,
      token_endpoint: platform.endpoints.token,
      registration_endpoint: platform.endpoints.registration,
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: expect.any(String),
      },
    });
  });

  it('runs a login round: initiation, auth request, id_token form post; a hint once', async () => {
    const launchUrl = platform.launchUrl({
      user: {
        sub: 'teacher-1',
        name: 'Tess Teacher',
        email: 'tess@school.test',
        roles: ['Instructor'],
      },
      context: { id: 'course-a', title: 'Civics 9' },
      resourceLink: { id: 'link-a', title: 'Debate', lineItem: { scoreMaximum: 10 } },
      custom: { map: 'x1' },
    });
    const initiation = form(await (await fetch(launchUrl)).text());
    expect(initiation.action).toBe(`${tool}/login`);
    expect(initiation.fields).toMatchObject({
      iss: platform.issuer,
      login_hint: 'teacher-1',
      target_link_uri: `${tool}/launch`,
      client_id: clientId,
      lti_deployment_id: deploymentId,
    });
    const auth = new URL(platform.endpoints.auth!);
    const nonce = crypto.randomUUID();
    Object.entries({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: clientId,
      redirect_uri: `${tool}/launch`,
      login_hint: initiation.fields.login_hint!,
      lti_message_hint: initiation.fields.lti_message_hint!,
      state: 'state-1',
      nonce,
    }).forEach(([k, v]) => auth.searchParams.set(k, v));
    const answer = form(await (await fetch(auth)).text());
    expect(answer.action).toBe(`${tool}/launch`);
    expect(answer.fields.state).toBe('state-1');
    const jwks = createRemoteJWKSet(new URL(platform.endpoints.jwks!));
    const { payload } = await jwtVerify(answer.fields.id_token!, jwks, {
      issuer: platform.issuer,
      audience: clientId,
    });
    expect(payload).toMatchObject({
      sub: 'teacher-1',
      nonce,
      name: 'Tess Teacher',
      email: 'tess@school.test',
      [`${LTI}message_type`]: 'LtiResourceLinkRequest',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: deploymentId,
      [`${LTI}roles`]: [INSTRUCTOR],
      [`${LTI}context`]: { id: 'course-a', title: 'Civics 9' },
      [`${LTI}resource_link`]: { id: 'link-a', title: 'Debate' },
      [`${LTI}custom`]: { map: 'x1' },
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: `${platform.issuer}/contexts/course-a/memberships`,
      },
      [`${AGS}claim/endpoint`]: {
        lineitems: `${platform.issuer}/contexts/course-a/lineitems`,
        lineitem: expect.stringContaining('/contexts/course-a/lineitems/'),
      },
    });

    // The same hint again is refused back to the tool; an unregistered redirect_uri is a page.
    const again = form(await (await fetch(auth)).text());
    expect(again.fields).toMatchObject({ error: 'invalid_request', state: 'state-1' });
    auth.searchParams.set('redirect_uri', 'http://evil.test/launch');
    expect((await fetch(auth)).status).toBe(400);
    // A replay page re-posts the very same id_token and state.
    const replayed = form(await (await fetch(platform.replayUrl())).text());
    expect(replayed.fields).toEqual(answer.fields);
  });

  it('mints the spoiled id_tokens the refusal tests need', async () => {
    const jwks = createRemoteJWKSet(new URL(platform.endpoints.jwks!));
    const user = { sub: 'student-1', roles: ['Learner'] };
    const verify = async (tamper: Parameters<Platform['idToken']>[0]['tamper']) => {
      const { id_token } = await platform.idToken({ user, nonce: 'n-1', tamper });
      return jwtVerify(id_token, jwks, { issuer: platform.issuer, audience: clientId });
    };
    await expect(verify(undefined)).resolves.toBeTruthy();
    await expect(verify('forged')).rejects.toThrow(/signature/);
    await expect(verify('expired')).rejects.toThrow(/exp/);
    await expect(verify('wrong_audience')).rejects.toThrow(/aud/);
    const { claims } = await platform.idToken({ user, nonce: 'n-1', tamper: 'wrong_deployment' });
    expect(claims[`${LTI}deployment_id`]).not.toBe(deploymentId);
  });

  it('grants a token for a correctly signed assertion only, and a jti once', async () => {
    const good = await assertion();
    const res = await tokenRequest(good, `${NRPS_SCOPE} https://example.test/not-a-scope`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'Bearer', scope: NRPS_SCOPE });
    expect((await tokenRequest(good, NRPS_SCOPE)).status).toBe(401); // jti again
    const forged = await tokenRequest(await assertion(stranger), NRPS_SCOPE);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: 'invalid_client' });
    const wrongAud = await tokenRequest(await assertion(toolKey, platform.issuer), NRPS_SCOPE);
    expect(wrongAud.status).toBe(401);
  });

  it('serves the roster over NRPS, a page at a time', async () => {
    await platform.setRoster('course-b', [
      { user_id: 't', name: 'T', roles: ['Instructor'] },
      { user_id: 's1', name: 'S1', email: 's1@school.test', roles: ['Learner'] },
      { user_id: 's2', name: 'S2', roles: ['Learner'] },
    ]);
    const bearer = { authorization: `Bearer ${await accessToken(NRPS_SCOPE)}` };
    const url = `${platform.issuer}/contexts/course-b/memberships`;
    expect((await fetch(url)).status).toBe(401);
    const first = await fetch(`${url}?limit=2`, { headers: bearer });
    expect(first.headers.get('content-type')).toBe(
      'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
    );
    const page1 = await first.json();
    expect(page1.context.id).toBe('course-b');
    expect(page1.members.map((m: { user_id: string }) => m.user_id)).toEqual(['t', 's1']);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    const page2 = await (await fetch(next!, { headers: bearer })).json();
    expect(page2.members).toMatchObject([{ user_id: 's2', roles: [LEARNER], status: 'Active' }]);
    const learners = await (await fetch(`${url}?role=Learner`, { headers: bearer })).json();
    expect(learners.members).toHaveLength(2);
  });

  it('records AGS scores, a withdrawn score clearing the result', async () => {
    const token = await accessToken(
      `${AGS}scope/lineitem ${AGS}scope/score ${AGS}scope/result.readonly`,
    );
    const auth = { authorization: `Bearer ${token}` };
    const items = await (
      await fetch(`${platform.issuer}/contexts/course-a/lineitems?resource_link_id=link-a`, {
        headers: auth,
      })
    ).json();
    expect(items).toMatchObject([{ scoreMaximum: 10, resourceLinkId: 'link-a' }]);
    const lineItem: string = items[0].id;
    const score = (body: Record<string, unknown>, type = 'application/vnd.ims.lis.v1.score+json') =>
      fetch(`${lineItem}/scores`, {
        method: 'POST',
        headers: { ...auth, 'content-type': type },
        body: JSON.stringify({ userId: 'teacher-1', ...body }),
      });
    const t0 = Date.now();
    const graded = {
      scoreGiven: 7,
      scoreMaximum: 10,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: new Date(t0).toISOString(),
    };
    expect((await score(graded)).status).toBe(200);
    expect((await score(graded, 'application/json')).status).toBe(415);
    expect((await score({ ...graded, scoreMaximum: undefined })).status).toBe(400);
    expect((await score({ ...graded, userId: 'nobody' })).status).toBe(400);
    const results = await (await fetch(`${lineItem}/results`, { headers: auth })).json();
    expect(results).toMatchObject([{ userId: 'teacher-1', resultScore: 7, resultMaximum: 10 }]);
    const withdrawn = {
      activityProgress: 'Initialized',
      gradingProgress: 'NotReady',
      timestamp: new Date(t0 + 1000).toISOString(),
    };
    expect((await score(withdrawn)).status).toBe(200);
    expect((await score({ ...graded, timestamp: new Date(t0 + 500).toISOString() })).status).toBe(
      409,
    );
    expect(await platform.scores({ line_item_id: lineItem })).toHaveLength(2);
    expect(await platform.results({ line_item_id: lineItem })).toMatchObject([
      { userId: 'teacher-1', gradingProgress: 'NotReady' },
    ]);
    expect((await platform.results({ line_item_id: lineItem }))[0].scoreGiven).toBeUndefined();
    const nrpsOnly = { authorization: `Bearer ${await accessToken(NRPS_SCOPE)}` };
    const refused = await fetch(`${lineItem}/scores`, { method: 'POST', headers: nrpsOnly });
    expect(refused.status).toBe(403);
  });

  it('takes deep-linked content back, making resource links and line items', async () => {
    const { claims, launchId } = await platform.idToken({
      user: { sub: 'teacher-1', roles: ['Instructor'] },
      context: { id: 'course-a' },
      deepLinking: true,
      nonce: 'n-dl',
    });
    const settings = claims[`${DL}deep_linking_settings`] as Record<string, unknown>;
    expect(settings).toMatchObject({ accept_types: ['ltiResourceLink'], data: launchId });
    expect(claims[`${LTI}target_link_uri`]).toBe(`${tool}/deep-link`);
    const response = (signer = toolKey) =>
      new SignJWT({
        nonce: crypto.randomUUID(),
        [`${LTI}message_type`]: 'LtiDeepLinkingResponse',
        [`${LTI}version`]: '1.3.0',
        [`${LTI}deployment_id`]: deploymentId,
        [`${DL}data`]: settings.data,
        [`${DL}content_items`]: [
          {
            type: 'ltiResourceLink',
            title: 'Team debate',
            url: `${tool}/launch?a=1`,
            lineItem: { scoreMaximum: 20 },
          },
        ],
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'tool-1' })
        .setIssuer(clientId)
        .setAudience(platform.issuer)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(signer.privateKey);
    const post = async (jwt: string) =>
      fetch(settings.deep_link_return_url as string, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ JWT: jwt }),
      });
    expect((await post(await response(stranger))).status).toBe(400);
    const ok = await post(await response());
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Team debate');
    const [result] = (await platform.deepLinks({ client_id: clientId })).filter(
      (d: { ok: boolean }) => d.ok,
    );
    expect(result).toMatchObject({ launchId, contextId: 'course-a' });
    const link = result.resourceLinks[0];
    expect(link).toMatchObject({ title: 'Team debate', lineItemId: expect.any(String) });
    expect(await platform.lineItems({ resource_link_id: link.id })).toMatchObject([
      { scoreMaximum: 20, label: 'Team debate' },
    ]);
    // Launching the new link goes to the item's URL.
    const initiation = form(
      await (
        await fetch(
          platform.launchUrl({
            user: { sub: 's1' },
            context: { id: 'course-a' },
            resourceLink: { id: link.id },
          }),
        )
      ).text(),
    );
    expect(initiation.fields.target_link_uri).toBe(`${tool}/launch?a=1`);
  });

  it('registers a tool dynamically with a registration token, once', async () => {
    const redirect = await fetch(platform.registerUrl(`${tool}/register?x=1`, 'redirect'), {
      redirect: 'manual',
    });
    const opened = new URL(redirect.headers.get('location')!);
    expect(opened.searchParams.get('openid_configuration')).toBe(
      platform.endpoints.openidConfiguration,
    );
    const registrationToken = opened.searchParams.get('registration_token')!;
    const config = await (await fetch(opened.searchParams.get('openid_configuration')!)).json();
    const registration = {
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${tool}/login`,
      redirect_uris: [`${tool}/launch`],
      client_name: 'Counterpoint',
      jwks_uri: `${tool}/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: `${NRPS_SCOPE} ${AGS}scope/score`,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        domain: new URL(tool).host,
        target_link_uri: `${tool}/launch`,
        claims: ['iss', 'sub', 'name', 'email'],
        messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: `${tool}/deep-link` }],
      },
    };
    const post = (body: unknown, token?: string) =>
      fetch(config.registration_endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await post(registration)).status).toBe(401);
    const { registration_token: other } = await platform.registrationToken();
    const bad = await post({ ...registration, jwks_uri: undefined }, other);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client_metadata' });
    const res = await post(registration, registrationToken);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      client_id: expect.any(String),
      scope: registration.scope,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        deployment_id: expect.any(String),
      },
    });
    expect((await post(registration, registrationToken)).status).toBe(401);
    const tools = await platform.tools();
    expect(tools.at(-1)).toMatchObject({ clientId: body.client_id, via: 'dynamic' });
    const done = await fetch(`${platform.issuer}/register/done?token=${registrationToken}`);
    expect(await done.text()).toContain(body.client_id);
  });
});
