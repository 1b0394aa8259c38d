// @ts-check
// Launches, platform side (LTI Core 1.3 §5, 1EdTech Security Framework §5.1): the third-party
// login initiation to the tool, the OIDC authorization endpoint answering with a form POST of the
// id_token, the id_token's claims, and the refusals tests ask for (forged, expired, …, replay).
import { SignJWT } from 'jose';
import { autoPost, esc, page } from './html.mjs';
import { HttpError, redirect, sendHtml, withQuery } from './http.mjs';
import {
  AGS_SCOPES,
  CLAIM,
  DEEP_LINKING_REQUEST,
  MESSAGE_TYPES,
  RESOURCE_LINK_REQUEST,
  SCOPE,
  roleUris,
} from './spec.mjs';
import { ensureContext, newId, nowIso } from './state.mjs';

/** @typedef {import('./state.mjs').Launch} Launch */
/** @typedef {import('./state.mjs').Tool} Tool */
/** @typedef {import('../lti-platform.mjs').Platform} Platform */

export const TAMPERS = [
  'forged', // signed by a key not in the platform's JWKS (same kid)
  'expired', // exp (and iat) in the past
  'wrong_deployment', // a deployment_id the tool was never given
  'wrong_audience', // aud (and azp) another client's
  'wrong_nonce', // a nonce other than the auth request's
  'wrong_issuer', // iss another platform's
];
const LAUNCH_TTL_MS = 10 * 60_000;

/**
 * The tool a launch goes to: `client_id`, else the one registered last.
 * @param {Platform} p
 * @param {string | undefined} clientId
 */
export function toolFor(p, clientId) {
  const tool = clientId ? p.store.tools.get(clientId) : [...p.store.tools.values()].at(-1);
  if (!tool)
    throw new HttpError(
      400,
      clientId ? `no tool is registered with client_id ${clientId}` : 'no tool is registered yet',
      { html: true },
    );
  return tool;
}

/**
 * A launch from flat parameters (GET /launch's query, POST /test/id-token's body). Makes the
 * context, enrols the user with the launch's roles, makes the resource link (and its line item
 * when `line_item_max` is given) if new.
 * @param {Platform} p
 * @param {Record<string, string | undefined>} q
 * @returns {Launch}
 */
export function createLaunch(p, q) {
  const tool = toolFor(p, q.client_id);
  const messageType = q.message_type ?? RESOURCE_LINK_REQUEST;
  if (!MESSAGE_TYPES.includes(messageType))
    throw new HttpError(400, `message_type must be one of ${MESSAGE_TYPES}`, { html: true });
  if (!q.sub) throw new HttpError(400, 'sub (the user id) is required', { html: true });
  if (q.tamper && !TAMPERS.includes(q.tamper))
    throw new HttpError(400, `tamper must be one of ${TAMPERS}`, { html: true });
  /** @type {string[]} */
  let roles;
  try {
    roles = roleUris(q.roles ?? 'Learner');
  } catch (e) {
    throw new HttpError(400, /** @type {Error} */ (e).message, { html: true });
  }
  const context = ensureContext(p.store, {
    id: q.context_id ?? 'course-1',
    title: q.context_title,
    label: q.context_label,
  });
  const user = {
    sub: q.sub,
    name: q.name,
    given_name: q.given_name,
    family_name: q.family_name,
    email: q.email,
  };
  const known = context.members.get(q.sub);
  context.members.set(q.sub, {
    user_id: q.sub,
    name: user.name ?? known?.name,
    given_name: user.given_name ?? known?.given_name,
    family_name: user.family_name ?? known?.family_name,
    email: user.email ?? known?.email,
    roles,
    status: 'Active',
  });
  /** @type {Record<string, string>} */
  const custom = {};
  for (const [k, v] of Object.entries(q))
    if (k.startsWith('custom_') && v !== undefined) custom[k.slice(7)] = v;

  let resourceLinkId;
  let targetLinkUri = q.target_link_uri;
  if (messageType === RESOURCE_LINK_REQUEST) {
    resourceLinkId = q.resource_link_id ?? 'resource-link-1';
    let link = p.store.resourceLinks.get(resourceLinkId);
    if (!link) {
      link = {
        id: resourceLinkId,
        contextId: context.id,
        clientId: tool.clientId,
        title: q.resource_link_title ?? resourceLinkId,
        custom: {},
        createdBy: 'launch',
      };
      p.store.resourceLinks.set(link.id, link);
    } else if (q.resource_link_title) link.title = q.resource_link_title;
    if (link.contextId !== context.id)
      throw new HttpError(
        400,
        `resource link ${link.id} belongs to context ${link.contextId}, not ${context.id}`,
        { html: true },
      );
    Object.assign(custom, { ...link.custom, ...custom });
    targetLinkUri ??= link.url ?? tool.targetLinkUri;
    if (q.line_item_max && !lineItemsOf(p, link.id).length)
      p.addLineItem({
        contextId: context.id,
        clientId: tool.clientId,
        label: q.line_item_label ?? link.title,
        scoreMaximum: Number(q.line_item_max),
        resourceLinkId: link.id,
      });
  } else {
    targetLinkUri ??= tool.deepLinkingUri ?? tool.targetLinkUri;
  }

  /** @type {Launch} */
  const launch = {
    id: newId('launch-'),
    clientId: tool.clientId,
    deploymentId: q.deployment_id ?? tool.deploymentId,
    messageType,
    user,
    roles,
    context: { id: context.id, title: context.title, label: context.label },
    resourceLinkId,
    targetLinkUri,
    custom,
    presentation: {
      document_target: q.document_target ?? 'window',
      return_url: `${p.issuer}/return`,
      locale: q.locale ?? 'en',
    },
    deepLinking: {
      title: q.dl_title,
      text: q.dl_text,
      acceptMultiple: q.dl_accept_multiple !== 'false',
    },
    tamper: q.tamper,
    status: 'initiated',
    createdAt: nowIso(),
  };
  p.store.launches.set(launch.id, launch);
  return launch;
}

/** @param {Platform} p @param {string} resourceLinkId */
function lineItemsOf(p, resourceLinkId) {
  return [...p.store.lineItems.values()].filter((li) => li.resourceLinkId === resourceLinkId);
}

/**
 * GET /launch?…: the third-party login initiation to the tool's initiate_login_uri (an
 * auto-submitting form POST, or with initiation=get a redirect).
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {URLSearchParams} query
 */
export function startLaunch(p, res, query) {
  const q = Object.fromEntries(query);
  const launch = createLaunch(p, q);
  const tool = toolFor(p, launch.clientId);
  const params = {
    iss: p.issuer,
    login_hint: launch.user.sub,
    target_link_uri: launch.targetLinkUri,
    lti_message_hint: launch.id,
    client_id: tool.clientId,
    lti_deployment_id: launch.deploymentId,
  };
  if ((q.initiation ?? p.options.initiation) === 'get')
    return redirect(res, withQuery(tool.initiateLoginUri, params));
  sendHtml(res, 200, autoPost('Opening the tool…', tool.initiateLoginUri, params));
}

/**
 * The signed id_token of a launch, for the auth request's nonce; tampered as the launch asks.
 * @param {Platform} p
 * @param {Launch} launch
 * @param {string} nonce
 */
export async function signIdToken(p, launch, nonce) {
  const tool = toolFor(p, launch.clientId);
  const tamper = launch.tamper;
  const now = Math.floor(Date.now() / 1000);
  const iat = tamper === 'expired' ? now - 3600 : now;
  const exp = tamper === 'expired' ? now - 600 : now + 300;
  const aud = tamper === 'wrong_audience' ? 'some-other-client' : tool.clientId;
  const context = p.store.contexts.get(launch.context.id);
  const member = context?.members.get(launch.user.sub);
  /** @type {Record<string, unknown>} */
  const claims = {
    iss: tamper === 'wrong_issuer' ? 'https://another-platform.example' : p.issuer,
    aud,
    azp: aud,
    sub: launch.user.sub,
    iat,
    exp,
    nonce: tamper === 'wrong_nonce' ? newId('nonce-') : nonce,
    ...definedOnly({
      name: launch.user.name ?? member?.name,
      given_name: launch.user.given_name ?? member?.given_name,
      family_name: launch.user.family_name ?? member?.family_name,
      email: launch.user.email ?? member?.email,
    }),
    [CLAIM.messageType]: launch.messageType,
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]:
      tamper === 'wrong_deployment' ? 'deployment-unknown' : launch.deploymentId,
    [CLAIM.targetLinkUri]: launch.targetLinkUri,
    [CLAIM.roles]: launch.roles,
    [CLAIM.context]: {
      id: launch.context.id,
      label: launch.context.label,
      title: launch.context.title,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
    },
    [CLAIM.toolPlatform]: {
      guid: p.options.platformGuid,
      name: 'Counterpoint test platform',
      product_family_code: p.options.productFamilyCode,
      version: '1.0',
    },
    [CLAIM.launchPresentation]: launch.presentation,
  };
  if (Object.keys(launch.custom).length) claims[CLAIM.custom] = launch.custom;
  if (launch.messageType === RESOURCE_LINK_REQUEST && launch.resourceLinkId) {
    const link = p.store.resourceLinks.get(launch.resourceLinkId);
    claims[CLAIM.resourceLink] = definedOnly({
      id: launch.resourceLinkId,
      title: link?.title,
      description: link?.text,
    });
  }
  if (launch.messageType === DEEP_LINKING_REQUEST) {
    claims[CLAIM.deepLinkingSettings] = definedOnly({
      deep_link_return_url: p.urls.deepLinkReturn,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: launch.deepLinking.acceptMultiple,
      accept_lineitem: true,
      auto_create: true,
      title: launch.deepLinking.title,
      text: launch.deepLinking.text,
      data: launch.id,
    });
  }
  if (tool.scopes.includes(SCOPE.nrps))
    claims[CLAIM.nrps] = {
      context_memberships_url: p.urls.memberships(launch.context.id),
      service_versions: ['2.0'],
    };
  const agsScopes = tool.scopes.filter((s) => AGS_SCOPES.includes(s));
  if (agsScopes.length) {
    const items = launch.resourceLinkId ? lineItemsOf(p, launch.resourceLinkId) : [];
    claims[CLAIM.ags] = definedOnly({
      scope: agsScopes,
      lineitems: p.urls.lineItems(launch.context.id),
      lineitem: items.length === 1 ? items[0]?.id : undefined,
    });
  }
  const key = tamper === 'forged' ? await p.forgeKey() : p.key;
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: p.key.kid, typ: 'JWT' })
    .sign(key.privateKey);
  return { idToken, claims };
}

/** @template {Record<string, unknown>} T @param {T} obj @returns {Partial<T>} */
function definedOnly(obj) {
  return /** @type {Partial<T>} */ (
    Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined))
  );
}

/**
 * The OIDC authorization endpoint (GET or form POST). Checks the tool's authentication request
 * and answers with a form POST of id_token and state to the registered redirect_uri; errors the
 * spec lets go back to the tool go back there (error, error_description, state), the rest are a
 * page.
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {Record<string, string>} q
 */
export async function authorize(p, res, q) {
  const tool = q.client_id ? p.store.tools.get(q.client_id) : undefined;
  if (!tool) throw new HttpError(400, `unknown client_id "${q.client_id ?? ''}"`, { html: true });
  if (!q.redirect_uri || !tool.redirectUris.includes(q.redirect_uri))
    throw new HttpError(
      400,
      `redirect_uri "${q.redirect_uri ?? ''}" is not registered for this tool (registered: ${tool.redirectUris.join(', ')})`,
      { html: true },
    );
  const redirectUri = q.redirect_uri;
  /** @param {string} error @param {string} description */
  const refuse = (error, description) => {
    p.refuse('authorize', 400, `${error}: ${description}`);
    sendHtml(
      res,
      200,
      autoPost('Returning to the tool…', redirectUri, {
        error,
        error_description: description,
        state: q.state,
      }),
    );
  };
  if (q.response_type !== 'id_token')
    return refuse('unsupported_response_type', 'response_type must be id_token');
  if (!(q.scope ?? '').split(' ').includes('openid'))
    return refuse('invalid_scope', 'scope must include openid');
  if (q.response_mode !== 'form_post')
    return refuse('invalid_request', 'response_mode must be form_post');
  if (q.prompt !== 'none') return refuse('invalid_request', 'prompt must be none');
  if (!q.nonce) return refuse('invalid_request', 'nonce is required');
  const launch = q.lti_message_hint ? p.store.launches.get(q.lti_message_hint) : undefined;
  if (!launch) return refuse('invalid_request', 'lti_message_hint is not one this platform issued');
  if (launch.clientId !== tool.clientId)
    return refuse('unauthorized_client', 'the launch was for another client_id');
  if (q.login_hint !== launch.user.sub)
    return refuse('login_required', 'login_hint does not match the launch');
  if (launch.status !== 'initiated')
    return refuse('invalid_request', 'this launch was already used (start a new one)');
  if (Date.now() - Date.parse(launch.createdAt) > LAUNCH_TTL_MS)
    return refuse('invalid_request', 'this launch has expired');
  const { idToken, claims } = await signIdToken(p, launch, q.nonce);
  Object.assign(launch, {
    status: 'sent',
    redirectUri,
    state: q.state,
    nonce: q.nonce,
    idToken,
    claims,
  });
  sendHtml(
    res,
    200,
    autoPost('Signing you in to the tool…', redirectUri, { id_token: idToken, state: q.state }),
  );
}

/**
 * GET /test/replay?launch=ID: the same id_token and state POSTed again to the tool (default: the
 * launch sent last).
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {string | null} id
 */
export function replay(p, res, id) {
  const sent = [...p.store.launches.values()].filter((l) => l.status === 'sent');
  const launch = id ? p.store.launches.get(id) : sent.at(-1);
  if (!launch?.idToken || !launch.redirectUri)
    throw new HttpError(404, 'no such launch has been sent to a tool', { html: true });
  sendHtml(
    res,
    200,
    autoPost('Signing you in to the tool…', launch.redirectUri, {
      id_token: launch.idToken,
      state: launch.state,
    }),
  );
}

/** GET /return: launch_presentation.return_url, showing lti_msg / lti_errormsg. */
/** @param {import('./http.mjs').Res} res @param {URLSearchParams} query */
export function launchReturn(res, query) {
  const msg = query.get('lti_msg');
  const err = query.get('lti_errormsg');
  sendHtml(
    res,
    200,
    page(
      'Back in the course',
      `${msg ? `<p role="status">${esc(msg)}</p>` : ''}${err ? `<p role="alert">${esc(err)}</p>` : ''}`,
    ),
  );
}
