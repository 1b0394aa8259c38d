// @ts-check
// LTI Dynamic Registration 1.0, platform side: the openid configuration (with the
// lti-platform-configuration block), the page that opens the tool's registration URL with
// openid_configuration and registration_token, and the registration endpoint.
import { esc, page } from './html.mjs';
import { HttpError, redirect, sendHtml, sendJson, withQuery } from './http.mjs';
import {
  ALL_SCOPES,
  DEEP_LINKING_REQUEST,
  MESSAGE_TYPES,
  PLATFORM_CONFIGURATION,
  RESOURCE_LINK_REQUEST,
  TOOL_CONFIGURATION,
} from './spec.mjs';
import { newId } from './state.mjs';

/** @typedef {import('../lti-platform.mjs').Platform} Platform */

const TOKEN_TTL_MS = 30 * 60_000;

/** GET /.well-known/openid-configuration @param {Platform} p */
export function openidConfiguration(p) {
  return {
    issuer: p.issuer,
    authorization_endpoint: p.urls.auth,
    token_endpoint: p.urls.token,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: p.urls.jwks,
    registration_endpoint: p.urls.registration,
    scopes_supported: ['openid', ...ALL_SCOPES],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'sub', 'aud', 'name', 'given_name', 'family_name', 'email'],
    authorization_server: p.urls.token,
    [PLATFORM_CONFIGURATION]: {
      product_family_code: p.options.productFamilyCode,
      version: '1.0',
      messages_supported: [{ type: RESOURCE_LINK_REQUEST }, { type: DEEP_LINKING_REQUEST }],
      variables: [],
    },
  };
}

/** A fresh registration token (single use). @param {Platform} p */
export function mintRegistrationToken(p) {
  const token = newId('reg-');
  p.store.registrationTokens.set(token, { expiresAt: Date.now() + TOKEN_TTL_MS, used: false });
  return { registration_token: token, openid_configuration: p.urls.openidConfiguration };
}

/**
 * GET /register?url=<the tool's registration URL>&mode=iframe|window|redirect: opens the tool's
 * registration page with openid_configuration and registration_token, as an administrator would
 * (Moodle and Canvas show it in an iframe). When the tool posts {subject:
 * 'org.imsglobal.lti.close'} to its parent/opener, the page goes to /register/done.
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {URLSearchParams} query
 */
export function registerPage(p, res, query) {
  const toolUrl = query.get('url');
  if (!toolUrl || !URL.canParse(toolUrl))
    throw new HttpError(400, 'url (the tool’s registration URL) is required', { html: true });
  const mode = query.get('mode') ?? 'iframe';
  const minted = mintRegistrationToken(p);
  const target = withQuery(toolUrl, minted);
  const done = `${p.issuer}/register/done?token=${encodeURIComponent(minted.registration_token)}`;
  if (mode === 'redirect') return redirect(res, target);
  const listen = `<script>
window.addEventListener('message', function (e) {
  if (e.data && e.data.subject === 'org.imsglobal.lti.close') location.href = ${JSON.stringify(done)};
});
</script>`;
  if (mode === 'window')
    return sendHtml(
      res,
      200,
      page(
        'Register a tool',
        `<p><button type="button" onclick="window.open(${esc(JSON.stringify(target))}, 'registration')">Open the tool’s registration</button></p>
<p><a href="${esc(done)}">Registration finished</a></p>${listen}`,
      ),
    );
  if (mode !== 'iframe')
    throw new HttpError(400, 'mode must be iframe, window or redirect', { html: true });
  sendHtml(
    res,
    200,
    page(
      'Register a tool',
      `<iframe src="${esc(target)}" title="Tool registration"></iframe>
<p><a href="${esc(done)}">Registration finished</a></p>${listen}`,
    ),
  );
}

/**
 * GET /register/done?token=: what the registration under that token produced.
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {string | null} token
 */
export function registerDone(p, res, token) {
  const entry = token ? p.store.registrationTokens.get(token) : undefined;
  const tool = entry?.clientId ? p.store.tools.get(entry.clientId) : undefined;
  if (!tool)
    return sendHtml(
      res,
      200,
      page('Tool not registered', '<p role="alert">The tool has not registered (yet).</p>'),
    );
  sendHtml(
    res,
    200,
    page(
      'Tool registered',
      `<p role="status">${esc(tool.name)} is registered.</p>
<dl><dt>Client ID</dt><dd><code>${esc(tool.clientId)}</code></dd>
<dt>Deployment ID</dt><dd><code>${esc(tool.deploymentId)}</code></dd>
<dt>Services</dt><dd>${tool.scopes.map((s) => `<code>${esc(s)}</code>`).join('<br>') || 'none'}</dd></dl>`,
    ),
  );
}

/** @param {unknown} v */
const isUrl = (v) => typeof v === 'string' && URL.canParse(v);

/**
 * POST /registration: the tool's client registration (OpenID Connect Dynamic Client
 * Registration with the LTI tool configuration). Answers with the registration plus client_id
 * and the deployment_id in the tool configuration block.
 * @param {Platform} p
 * @param {import('./http.mjs').Req} req
 * @param {import('./http.mjs').Res} res
 * @param {any} body
 */
export function register(p, req, res, body) {
  /** @param {string} description */
  const invalid = (description) => {
    p.refuse('registration', 400, description);
    sendJson(res, 400, { error: 'invalid_client_metadata', error_description: description });
  };
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const entry = bearer ? p.store.registrationTokens.get(bearer) : undefined;
  if (p.options.requireRegistrationToken || bearer) {
    const why = !bearer
      ? 'the registration token is missing (Authorization: Bearer …)'
      : !entry
        ? 'unknown registration token'
        : entry.used
          ? 'the registration token was already used'
          : entry.expiresAt < Date.now()
            ? 'the registration token has expired'
            : '';
    if (why) {
      p.refuse('registration', 401, why);
      return sendJson(res, 401, { error: 'invalid_token', error_description: why });
    }
  }
  if (!body || typeof body !== 'object') return invalid('the body must be a JSON object');
  const config = body[TOOL_CONFIGURATION];
  if (body.application_type !== undefined && body.application_type !== 'web')
    return invalid('application_type must be web');
  if (!Array.isArray(body.response_types) || !body.response_types.includes('id_token'))
    return invalid('response_types must include id_token');
  if (
    !Array.isArray(body.grant_types) ||
    !body.grant_types.includes('implicit') ||
    !body.grant_types.includes('client_credentials')
  )
    return invalid('grant_types must include implicit and client_credentials');
  if (!isUrl(body.initiate_login_uri)) return invalid('initiate_login_uri must be a URL');
  if (
    !Array.isArray(body.redirect_uris) ||
    !body.redirect_uris.length ||
    !body.redirect_uris.every(isUrl)
  )
    return invalid('redirect_uris must be a non-empty array of URLs');
  if (!isUrl(body.jwks_uri)) return invalid('jwks_uri must be a URL');
  if (body.token_endpoint_auth_method !== 'private_key_jwt')
    return invalid('token_endpoint_auth_method must be private_key_jwt');
  if (typeof body.client_name !== 'string' || !body.client_name.trim())
    return invalid('client_name is required');
  if (body.scope !== undefined && typeof body.scope !== 'string')
    return invalid('scope must be a space-separated string');
  if (!config || typeof config !== 'object')
    return invalid(`the ${TOOL_CONFIGURATION} block is required`);
  if (typeof config.domain !== 'string' || !config.domain) return invalid('domain is required');
  if (!isUrl(config.target_link_uri)) return invalid('target_link_uri must be a URL');
  const domains = [
    config.domain,
    ...(Array.isArray(config.secondary_domains) ? config.secondary_domains : []),
  ];
  const inDomain = (/** @type {string} */ u) => {
    const url = new URL(u);
    return domains.includes(url.host) || domains.includes(url.hostname);
  };
  for (const u of [body.initiate_login_uri, ...body.redirect_uris, config.target_link_uri])
    if (!inDomain(u)) return invalid(`${u} is not in the tool's domain (${domains.join(', ')})`);
  const messages = config.messages ?? [];
  if (!Array.isArray(messages)) return invalid('messages must be an array');
  for (const m of messages) {
    if (!m || !MESSAGE_TYPES.includes(m.type))
      return invalid(`message type ${m?.type} is not supported (supported: ${MESSAGE_TYPES})`);
    if (
      m.target_link_uri !== undefined &&
      !(isUrl(m.target_link_uri) && inDomain(m.target_link_uri))
    )
      return invalid(`the ${m.type} target_link_uri must be a URL in the tool's domain`);
  }
  if (config.claims !== undefined && !Array.isArray(config.claims))
    return invalid('claims must be an array');

  const requested = String(body.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const scopes = requested.filter((s) => p.options.grantableScopes.includes(s));
  const deepLinking = messages.find((m) => m.type === DEEP_LINKING_REQUEST);
  const tool = p.addTool({
    name: body.client_name,
    initiateLoginUri: body.initiate_login_uri,
    redirectUris: body.redirect_uris,
    jwksUri: body.jwks_uri,
    targetLinkUri: config.target_link_uri,
    deepLinkingUri: deepLinking?.target_link_uri,
    scopes,
    via: 'dynamic',
    registration: body,
  });
  if (entry) Object.assign(entry, { used: true, clientId: tool.clientId });
  sendJson(res, 200, {
    ...body,
    client_id: tool.clientId,
    scope: scopes.join(' '),
    [TOOL_CONFIGURATION]: { ...config, deployment_id: tool.deploymentId },
  });
}
