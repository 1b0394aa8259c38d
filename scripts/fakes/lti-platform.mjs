// @ts-check
/**
 * A fake LMS for the tests: the PLATFORM side of LTI 1.3 / LTI Advantage (LTI Core 1.3, Deep
 * Linking 2.0, Names and Role Provisioning 2.0, Assignment and Grade Services 2.0, Dynamic
 * Registration 1.0), in memory, one process. The parts live in ./lti-platform/.
 *
 *   import { start, connect } from '../scripts/fakes/lti-platform.mjs';
 *   const platform = await start(0);            // port 0 = a free one; e2e uses E2E_PORT+4
 *   const platform = connect('http://localhost:3214');   // one started elsewhere
 *   await platform.stop();                      // (start only)
 *
 * Both give the same API (`connect(url)`, all over HTTP, so a Playwright test can drive the
 * platform that scripts/e2e-server.mjs started):
 *   issuer, url                    http://<host>:<port> (issuer = url)
 *   endpoints                      { jwks, openidConfiguration, auth, token, registration,
 *                                    deepLinkReturn, launch, register, replay } as URLs
 *   launchUrl(spec)                a URL a browser opens to launch: it POSTs the third-party
 *                                  login initiation to the tool (see LaunchSpec in
 *                                  ./lti-platform/client.mjs: user {sub, name, email, roles},
 *                                  context, resourceLink {id, title, lineItem}, deepLinking,
 *                                  custom, tamper: forged | expired | wrong_deployment |
 *                                  wrong_audience | wrong_nonce | wrong_issuer, initiation)
 *   replayUrl(launchId?)           re-POSTs a sent id_token + state to the tool (default: last)
 *   registerUrl(toolUrl, mode?)    opens the tool's dynamic registration URL with
 *                                  openid_configuration + registration_token; mode iframe
 *                                  (default, as Moodle/Canvas), window, or redirect
 *   registrationToken()            → { registration_token, openid_configuration } (no browser)
 *   addTool({ initiateLoginUri, redirectUris, jwksUri, targetLinkUri, deepLinkingUri?, scopes?,
 *             name?, clientId?, deploymentId? })  → the tool (static registration)
 *   tools()                        → registered tools (clientId, deploymentId, scopes, …)
 *   idToken({ ...spec, nonce })    → { id_token, claims, launchId } signed now, no browser
 *   launches(filter?)              → launches with status, nonce, state, id_token, claims
 *   setRoster(contextId, members, {title,label}?) / context(contextId)   NRPS roster
 *   resourceLinks(f?) lineItems(f?) scores(f?) results(f?) deepLinks(f?) refusals()
 *                                  filters: context_id, user_id, line_item_id,
 *                                  resource_link_id, client_id
 *   revokeTokens()                 invalidates issued access tokens (next service call: 401)
 *   reset({ tools? })              forgets everything but the keys (and tools unless asked)
 *
 * Endpoints (the platform's, as a tool sees them):
 *   GET  /.well-known/jwks.json              the platform's public key (RS256, kid)
 *   GET  /.well-known/openid-configuration   incl. the lti-platform-configuration block
 *   GET  /launch?sub=&roles=&context_id=&resource_link_id=&message_type=&tamper=&…
 *   GET|POST /auth                           OIDC authorization (id_token via form_post)
 *   POST /token                              client_credentials + private_key_jwt assertion
 *   POST /deep-link/return                   form field JWT (LtiDeepLinkingResponse)
 *   GET  /contexts/:id/memberships           NRPS (role=, limit= with Link rel="next")
 *   GET|POST /contexts/:id/lineitems, GET|PUT|DELETE …/lineitems/:n,
 *   POST …/lineitems/:n/scores, GET …/lineitems/:n/results          AGS
 *   GET  /register?url=&mode=, GET /register/done?token=, POST /registration   dynamic reg.
 *   GET  /return                              launch_presentation.return_url
 * and the test API under /test/ that connect() wraps (JSON in and out). GET /launch takes flat
 * parameters (launchUrl builds them): client_id, deployment_id, sub, name, given_name,
 * family_name, email, roles (comma-separated), context_id, context_title, context_label,
 * message_type, resource_link_id, resource_link_title, line_item_max, line_item_label,
 * target_link_uri, custom_<name>, document_target, locale, dl_title, dl_text,
 * dl_accept_multiple, tamper, initiation.
 *
 * In e2e: one platform serves every test of a run (tests may run in parallel), so give each test
 * its own context id, users and resource link ids, and read with a filter (context_id). A
 * launch's user joins the context's roster; setRoster replaces it. page.goto(launchUrl) returns
 * on the first page: wait for the tool's page (its forms submit themselves). Launch defaults:
 * context course-1, resource link resource-link-1, roles Learner, the tool registered last.
 *
 * Checks made (a refusal is a 4xx and is listed by refusals()): auth request — client_id,
 * redirect_uri registered, response_type id_token, response_mode form_post, scope openid,
 * prompt none, nonce, login_hint and lti_message_hint issued here, a launch used once; token —
 * assertion signed by a key in the tool's JWKS, iss = sub = client_id, aud = token URL, exp,
 * jti once, scopes granted to the tool; services — bearer token with the scope; scores per AGS
 * (no scoreGiven = cleared, older timestamp = 409); deep linking — JWT signed by the tool, aud =
 * issuer, deployment, data naming the request; registration — bearer registration token (once),
 * the client metadata and the LTI tool configuration (URLs in the tool's domain).
 */
import { createServer } from 'node:http';
import {
  authorize,
  createLaunch,
  launchReturn,
  replay,
  signIdToken,
  startLaunch,
} from './lti-platform/launch.mjs';
import { deepLinkReturn } from './lti-platform/deep-linking.mjs';
import { errorPage } from './lti-platform/html.mjs';
import { HttpError, readForm, readJson, sendHtml, sendJson } from './lti-platform/http.mjs';
import {
  mintRegistrationToken,
  openidConfiguration,
  register,
  registerDone,
  registerPage,
} from './lti-platform/registration.mjs';
import { ags, memberships, token } from './lti-platform/services.mjs';
import { ALL_SCOPES, roleUris } from './lti-platform/spec.mjs';
import { ensureContext, makeKey, makeStore, nowIso } from './lti-platform/state.mjs';
import { PATHS, connect } from './lti-platform/client.mjs';

export { connect };

/**
 * @typedef {object} Options
 * @property {string} [host] the host name in the issuer and every URL (default localhost)
 * @property {Parameters<ReturnType<typeof connect>['addTool']>[0][]} [tools] registered at start
 * @property {boolean} [requireRegistrationToken] default true
 * @property {string[]} [grantableScopes] what dynamic registration may grant (default all)
 * @property {number} [tokenLifetime] access token seconds (default 3600)
 * @property {number} [nrpsPageSize] members per NRPS page when the tool gives no limit
 * @property {'post' | 'get'} [initiation] login initiation default (post)
 * @property {string} [productFamilyCode] default counterpoint-test-platform
 */

/**
 * @typedef {object} Platform what the parts share
 * @property {string} issuer
 * @property {Awaited<ReturnType<typeof makeKey>>} key
 * @property {() => ReturnType<typeof makeKey>} forgeKey a key not in the JWKS
 * @property {import('./lti-platform/state.mjs').Store} store
 * @property {Required<Omit<Options, 'host' | 'tools' | 'nrpsPageSize'>> & { nrpsPageSize?: number, platformGuid: string }} options
 * @property {{ auth: string, token: string, jwks: string, openidConfiguration: string,
 *   registration: string, deepLinkReturn: string, memberships: (c: string) => string,
 *   lineItems: (c: string) => string }} urls
 * @property {(tool: Omit<import('./lti-platform/state.mjs').Tool, 'clientId' | 'deploymentId' | 'createdAt'> & { clientId?: string, deploymentId?: string }) => import('./lti-platform/state.mjs').Tool} addTool
 * @property {(li: Omit<import('./lti-platform/state.mjs').LineItem, 'id'>) => import('./lti-platform/state.mjs').LineItem} addLineItem
 * @property {(where: string, status: number, error: string) => void} refuse
 */

/**
 * Starts the platform on `port` (0 = any free port).
 * @param {number} port
 * @param {Options} [options]
 */
export async function start(port, options = {}) {
  const key = await makeKey('platform-key-1');
  /** @type {ReturnType<typeof makeKey> | undefined} */
  let forger;
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const issuer = `http://${options.host ?? 'localhost'}:${actualPort}`;
  const contextUrl = (/** @type {string} */ c) => `${issuer}/contexts/${encodeURIComponent(c)}`;
  /** @type {Platform} */
  const p = {
    issuer,
    key,
    // Made when first needed; same kid, so a forged id_token differs only in its signature.
    forgeKey: () => (forger ??= makeKey(key.kid)),
    store: makeStore(),
    options: {
      requireRegistrationToken: options.requireRegistrationToken ?? true,
      grantableScopes: options.grantableScopes ?? ALL_SCOPES,
      tokenLifetime: options.tokenLifetime ?? 3600,
      nrpsPageSize: options.nrpsPageSize,
      initiation: options.initiation ?? 'post',
      productFamilyCode: options.productFamilyCode ?? 'counterpoint-test-platform',
      platformGuid: `test-platform-${actualPort}`,
    },
    urls: {
      auth: `${issuer}${PATHS.auth}`,
      token: `${issuer}${PATHS.token}`,
      jwks: `${issuer}${PATHS.jwks}`,
      openidConfiguration: `${issuer}${PATHS.openidConfiguration}`,
      registration: `${issuer}${PATHS.registration}`,
      deepLinkReturn: `${issuer}${PATHS.deepLinkReturn}`,
      memberships: (c) => `${contextUrl(c)}/memberships`,
      lineItems: (c) => `${contextUrl(c)}/lineitems`,
    },
    addTool(spec) {
      p.store.counters.tool += 1;
      const n = p.store.counters.tool;
      const clientId = spec.clientId ?? `client-${n}`;
      if (p.store.tools.has(clientId)) throw new HttpError(409, `client_id ${clientId} is taken`);
      const tool = {
        ...spec,
        clientId,
        deploymentId: spec.deploymentId ?? `deployment-${n}`,
        createdAt: nowIso(),
      };
      p.store.tools.set(clientId, tool);
      return tool;
    },
    addLineItem(fields) {
      p.store.counters.lineItem += 1;
      const li = {
        ...fields,
        id: `${p.urls.lineItems(fields.contextId)}/${p.store.counters.lineItem}`,
      };
      p.store.lineItems.set(li.id, li);
      return li;
    },
    refuse(where, status, error) {
      p.store.refusals.push({ at: nowIso(), where, status, error });
    },
  };
  for (const tool of options.tools ?? []) p.addTool(staticTool(tool));

  server.on('request', (req, res) => {
    handle(p, req, res).catch((e) => {
      const err = e instanceof HttpError ? e : new HttpError(500, String(e?.stack ?? e));
      if (err.status < 500)
        p.refuse(new URL(req.url ?? '/', issuer).pathname, err.status, err.message);
      if (res.headersSent) return res.end();
      if (err.html) sendHtml(res, err.status, errorPage('The platform refused this', err.message));
      else
        sendJson(
          res,
          err.status,
          { error: err.code ?? 'invalid_request', error_description: err.message },
          'application/json',
          err.headers,
        );
    });
  });

  return {
    ...connect(issuer),
    port: actualPort,
    /** @returns {Promise<void>} */
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A tool from the test API's camelCase fields.
 * @param {any} t
 */
function staticTool(t) {
  for (const k of ['initiateLoginUri', 'jwksUri', 'targetLinkUri'])
    if (typeof t?.[k] !== 'string' || !URL.canParse(t[k]))
      throw new HttpError(400, `${k} must be a URL`);
  if (!Array.isArray(t.redirectUris) || !t.redirectUris.length)
    throw new HttpError(400, 'redirectUris is required');
  return {
    name: t.name ?? 'Test tool',
    initiateLoginUri: t.initiateLoginUri,
    redirectUris: t.redirectUris,
    jwksUri: t.jwksUri,
    targetLinkUri: t.targetLinkUri,
    deepLinkingUri: t.deepLinkingUri,
    scopes: t.scopes ?? ALL_SCOPES,
    via: /** @type {const} */ ('static'),
    clientId: t.clientId,
    deploymentId: t.deploymentId,
  };
}

/** @param {Record<string, unknown>} obj @param {URLSearchParams} q */
function matches(obj, q) {
  const fields = {
    context_id: 'contextId',
    user_id: 'userId',
    line_item_id: 'lineItemId',
    resource_link_id: 'resourceLinkId',
    client_id: 'clientId',
    status: 'status',
  };
  return Object.entries(fields).every(
    ([param, field]) => !q.has(param) || obj[field] === q.get(param),
  );
}

/** @param {import('./lti-platform/state.mjs').Launch} l */
function launchJson(l) {
  return { ...l, contextId: l.context.id };
}

/**
 * @param {Platform} p
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(p, req, res) {
  const url = new URL(req.url ?? '/', p.issuer);
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const q = url.searchParams;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const { store } = p;
  /** @param {unknown[]} list */
  const list = (list) =>
    sendJson(
      res,
      200,
      list.filter((x) => matches(/** @type {any} */ (x), q)),
    );

  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (method === 'GET' && path === PATHS.jwks) return sendJson(res, 200, { keys: [p.key.jwk] });
  if (method === 'GET' && path === PATHS.openidConfiguration)
    return sendJson(res, 200, openidConfiguration(p));
  if (method === 'GET' && path === PATHS.launch) return startLaunch(p, res, q);
  if (path === PATHS.auth) {
    if (method === 'GET') return authorize(p, res, Object.fromEntries(q));
    if (method === 'POST') return authorize(p, res, await readForm(req));
  }
  if (method === 'POST' && path === PATHS.token) return token(p, res, await readForm(req));
  if (method === 'POST' && path === PATHS.deepLinkReturn)
    return deepLinkReturn(p, res, await readForm(req));
  if (method === 'GET' && path === '/return') return launchReturn(res, q);
  if (method === 'GET' && path === PATHS.register) return registerPage(p, res, q);
  if (method === 'GET' && path === '/register/done') return registerDone(p, res, q.get('token'));
  if (method === 'POST' && path === PATHS.registration)
    return register(p, req, res, await readJson(req));
  if (segments[0] === 'contexts' && segments[1] !== undefined) {
    if (segments[2] === 'memberships' && segments.length === 3 && method === 'GET')
      return memberships(p, req, res, url, segments[1]);
    if (segments[2] === 'lineitems') return ags(p, req, res, url, segments[1], segments.slice(3));
  }

  // The test API.
  if (segments[0] === 'test') {
    const route = `${method} /${segments.slice(1).join('/')}`;
    if (route === 'GET /tools') return sendJson(res, 200, [...store.tools.values()]);
    if (route === 'POST /tools')
      return sendJson(res, 201, p.addTool(staticTool(await readJson(req))));
    if (route === 'POST /registration-token') return sendJson(res, 200, mintRegistrationToken(p));
    if (route === 'POST /id-token') {
      const body = await readJson(req);
      if (typeof body?.nonce !== 'string' || !body.nonce)
        throw new HttpError(400, 'nonce is required');
      const launch = createLaunch(p, body);
      const { idToken, claims } = await signIdToken(p, launch, body.nonce);
      Object.assign(launch, { status: 'sent', nonce: body.nonce, idToken, claims });
      return sendJson(res, 200, { id_token: idToken, claims, launchId: launch.id });
    }
    if (route === 'GET /launches') return list([...store.launches.values()].map(launchJson));
    if (route === 'GET /replay') return replay(p, res, q.get('launch'));
    if (segments[1] === 'contexts' && segments[2] !== undefined) {
      const contextId = segments[2];
      if (method === 'PUT' && segments[3] === 'roster') {
        const body = await readJson(req);
        if (!Array.isArray(body?.members)) throw new HttpError(400, 'members must be an array');
        const context = ensureContext(store, {
          id: contextId,
          title: body.title,
          label: body.label,
        });
        context.members.clear();
        for (const m of body.members) {
          if (typeof m?.user_id !== 'string')
            throw new HttpError(400, 'each member needs a user_id');
          let roles;
          try {
            roles = roleUris(m.roles ?? 'Learner');
          } catch (e) {
            throw new HttpError(400, /** @type {Error} */ (e).message);
          }
          context.members.set(m.user_id, { ...m, roles, status: m.status ?? 'Active' });
        }
      }
      if (
        (method === 'PUT' && segments[3] === 'roster') ||
        (method === 'GET' && segments.length === 3)
      ) {
        const context = store.contexts.get(contextId);
        if (!context) throw new HttpError(404, `no context ${contextId}`);
        return sendJson(res, 200, { ...context, members: [...context.members.values()] });
      }
    }
    if (route === 'GET /resource-links') return list([...store.resourceLinks.values()]);
    if (route === 'GET /line-items') return list([...store.lineItems.values()]);
    if (route === 'GET /scores') return list(store.scores);
    if (route === 'GET /results') return list([...store.results.values()]);
    if (route === 'GET /deep-links') return list(store.deepLinks);
    if (route === 'GET /refusals') return sendJson(res, 200, store.refusals);
    if (route === 'POST /tokens/revoke') {
      store.tokens.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'POST /reset') {
      const body = await readJson(req);
      const fresh = makeStore();
      // Counters go on, so no id (client, line item URL) is ever given out twice.
      Object.assign(store, fresh, {
        tools: body?.tools ? fresh.tools : store.tools,
        counters: store.counters,
      });
      return sendJson(res, 200, { ok: true });
    }
  }
  throw new HttpError(404, `no ${method} ${path} here`, {
    html: method === 'GET' && !path.startsWith('/test/'),
  });
}
