// @ts-check
// The tests' side of the fake platform: URLs to open in a browser, and its /test API over HTTP
// (so a Playwright test reaches the platform that scripts/e2e-server.mjs started).

/** Where each endpoint lives, relative to the issuer. */
export const PATHS = {
  jwks: '/.well-known/jwks.json',
  openidConfiguration: '/.well-known/openid-configuration',
  auth: '/auth',
  token: '/token',
  registration: '/registration',
  deepLinkReturn: '/deep-link/return',
  launch: '/launch',
  register: '/register',
  replay: '/test/replay',
};

/**
 * @typedef {object} LaunchSpec
 * @property {{ sub: string, name?: string, givenName?: string, familyName?: string,
 *   email?: string, roles?: string[] }} user roles: 'Instructor', 'Learner', … or full URIs
 *   (default Learner)
 * @property {{ id: string, title?: string, label?: string }} [context] default course-1
 * @property {{ id: string, title?: string, lineItem?: { scoreMaximum: number, label?: string } }}
 *   [resourceLink] default resource-link-1 (made on first launch; lineItem gives it a line item
 *   if it has none)
 * @property {boolean | { title?: string, text?: string, acceptMultiple?: boolean }} [deepLinking]
 *   an LtiDeepLinkingRequest instead of a resource link launch
 * @property {Record<string, string>} [custom]
 * @property {string} [targetLinkUri] default: the link's URL (deep-linked), else the tool's
 * @property {string} [clientId] default: the tool registered last
 * @property {string} [deploymentId] default: the tool's
 * @property {'window' | 'iframe'} [documentTarget]
 * @property {string} [locale]
 * @property {'forged' | 'expired' | 'wrong_deployment' | 'wrong_audience' | 'wrong_nonce' |
 *   'wrong_issuer'} [tamper] how the id_token is spoiled
 * @property {'post' | 'get'} [initiation] login initiation by form POST (default) or redirect
 */

/**
 * @param {LaunchSpec} spec
 * @returns {Record<string, string>}
 */
export function launchParams(spec) {
  /** @type {Record<string, string | undefined>} */
  const q = {
    client_id: spec.clientId,
    deployment_id: spec.deploymentId,
    sub: spec.user.sub,
    name: spec.user.name,
    given_name: spec.user.givenName,
    family_name: spec.user.familyName,
    email: spec.user.email,
    roles: spec.user.roles?.join(','),
    context_id: spec.context?.id,
    context_title: spec.context?.title,
    context_label: spec.context?.label,
    target_link_uri: spec.targetLinkUri,
    document_target: spec.documentTarget,
    locale: spec.locale,
    tamper: spec.tamper,
    initiation: spec.initiation,
  };
  if (spec.deepLinking) {
    const dl = spec.deepLinking === true ? {} : spec.deepLinking;
    Object.assign(q, {
      message_type: 'LtiDeepLinkingRequest',
      dl_title: dl.title,
      dl_text: dl.text,
      dl_accept_multiple: dl.acceptMultiple === false ? 'false' : undefined,
    });
  } else if (spec.resourceLink) {
    Object.assign(q, {
      resource_link_id: spec.resourceLink.id,
      resource_link_title: spec.resourceLink.title,
      line_item_max: spec.resourceLink.lineItem?.scoreMaximum?.toString(),
      line_item_label: spec.resourceLink.lineItem?.label,
    });
  }
  for (const [k, v] of Object.entries(spec.custom ?? {})) q[`custom_${k}`] = v;
  return /** @type {Record<string, string>} */ (
    Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined))
  );
}

/**
 * @param {Record<string, string | undefined>} [filter]
 */
function query(filter = {}) {
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined);
  return entries.length
    ? `?${new URLSearchParams(/** @type {[string, string][]} */ (entries))}`
    : '';
}

/**
 * A client of the platform at `url` (its issuer).
 * @param {string} url
 */
export function connect(url) {
  const base = url.replace(/\/$/, '');
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  async function call(method, path, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`LTI test platform: ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
  /** @typedef {Record<string, string | undefined>} Filter */
  return {
    issuer: base,
    url: base,
    endpoints: Object.fromEntries(Object.entries(PATHS).map(([k, path]) => [k, `${base}${path}`])),
    /** A URL a browser opens to launch into the tool as spec.user. @param {LaunchSpec} spec */
    launchUrl: (spec) => `${base}${PATHS.launch}?${new URLSearchParams(launchParams(spec))}`,
    /** A URL re-POSTing a sent id_token and state (default: the last launch). @param {string} [launchId] */
    replayUrl: (launchId) => `${base}${PATHS.replay}${query({ launch: launchId })}`,
    /**
     * A URL that opens the tool's dynamic registration page.
     * @param {string} toolRegistrationUrl
     * @param {'iframe' | 'window' | 'redirect'} [mode]
     */
    registerUrl: (toolRegistrationUrl, mode) =>
      `${base}${PATHS.register}${query({ url: toolRegistrationUrl, mode })}`,
    /** @returns {Promise<{ registration_token: string, openid_configuration: string }>} */
    registrationToken: () => call('POST', '/test/registration-token', {}),
    /**
     * Registers a tool by hand (what an administrator types in).
     * @param {{ initiateLoginUri: string, redirectUris: string[], jwksUri: string,
     *   targetLinkUri: string, deepLinkingUri?: string, scopes?: string[], name?: string,
     *   clientId?: string, deploymentId?: string }} tool
     */
    addTool: (tool) => call('POST', '/test/tools', tool),
    tools: () => call('GET', '/test/tools'),
    /**
     * A signed id_token without a browser (for the tool's integration tests).
     * @param {LaunchSpec & { nonce: string }} spec
     * @returns {Promise<{ id_token: string, claims: Record<string, unknown>, launchId: string }>}
     */
    idToken: (spec) => call('POST', '/test/id-token', { ...launchParams(spec), nonce: spec.nonce }),
    /** @param {Filter} [filter] context_id, client_id, status */
    launches: (filter) => call('GET', `/test/launches${query(filter)}`),
    /**
     * Sets a course's roster (what NRPS returns).
     * @param {string} contextId
     * @param {{ user_id: string, name?: string, given_name?: string, family_name?: string,
     *   email?: string, roles: string[], status?: 'Active' | 'Inactive' | 'Deleted' }[]} members
     * @param {{ title?: string, label?: string }} [context]
     */
    setRoster: (contextId, members, context) =>
      call('PUT', `/test/contexts/${encodeURIComponent(contextId)}/roster`, {
        ...context,
        members,
      }),
    /** @param {string} contextId */
    context: (contextId) => call('GET', `/test/contexts/${encodeURIComponent(contextId)}`),
    /** @param {Filter} [filter] context_id, client_id */
    resourceLinks: (filter) => call('GET', `/test/resource-links${query(filter)}`),
    /** @param {Filter} [filter] context_id, client_id, resource_link_id */
    lineItems: (filter) => call('GET', `/test/line-items${query(filter)}`),
    /** Every score received, in order. @param {Filter} [filter] context_id, user_id, line_item_id, resource_link_id */
    scores: (filter) => call('GET', `/test/scores${query(filter)}`),
    /** The latest score per line item and user. @param {Filter} [filter] as scores */
    results: (filter) => call('GET', `/test/results${query(filter)}`),
    /** @param {Filter} [filter] context_id, client_id */
    deepLinks: (filter) => call('GET', `/test/deep-links${query(filter)}`),
    /** What the platform refused, and why (newest last). */
    refusals: () => call('GET', '/test/refusals'),
    /** Makes every access token issued so far invalid. */
    revokeTokens: () => call('POST', '/test/tokens/revoke', {}),
    /** Forgets launches, courses, links, line items, scores; tools too with {tools: true}. */
    reset: (/** @type {{ tools?: boolean }} */ opts = {}) => call('POST', '/test/reset', opts),
  };
}
