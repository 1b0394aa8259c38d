// @ts-check
// What the fake platform remembers (in memory, for the life of the process), and its keys.
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';

/**
 * @typedef {object} Tool A tool registered with the platform (one client_id, one deployment).
 * @property {string} clientId
 * @property {string} deploymentId
 * @property {string} name
 * @property {string} initiateLoginUri
 * @property {string[]} redirectUris
 * @property {string} jwksUri
 * @property {string} targetLinkUri
 * @property {string | undefined} deepLinkingUri target_link_uri for LtiDeepLinkingRequest
 * @property {string[]} scopes the scopes granted to the tool
 * @property {'dynamic' | 'static'} via
 * @property {unknown} [registration] the dynamic registration request as received
 * @property {string} createdAt
 *
 * @typedef {object} Member
 * @property {string} user_id
 * @property {string} [name]
 * @property {string} [given_name]
 * @property {string} [family_name]
 * @property {string} [email]
 * @property {string[]} roles full URIs
 * @property {'Active' | 'Inactive' | 'Deleted'} status
 *
 * @typedef {object} Context
 * @property {string} id
 * @property {string} title
 * @property {string} label
 * @property {Map<string, Member>} members
 *
 * @typedef {object} ResourceLink
 * @property {string} id
 * @property {string} contextId
 * @property {string} clientId
 * @property {string} title
 * @property {string} [text]
 * @property {string} [url]
 * @property {Record<string, string>} custom
 * @property {'launch' | 'deep-linking'} createdBy
 *
 * @typedef {object} LineItem
 * @property {string} id the line item's URL
 * @property {string} contextId
 * @property {string} clientId
 * @property {string} label
 * @property {number} scoreMaximum
 * @property {string} [resourceLinkId]
 * @property {string} [resourceId]
 * @property {string} [tag]
 * @property {string} [startDateTime]
 * @property {string} [endDateTime]
 * @property {boolean} [gradesReleased]
 *
 * @typedef {object} Score a score as received on a line item's scores endpoint, plus where
 * @property {string} lineItemId
 * @property {string} contextId
 * @property {string | undefined} resourceLinkId
 * @property {string} clientId
 * @property {string} userId
 * @property {number} [scoreGiven]
 * @property {number} [scoreMaximum]
 * @property {string} [comment]
 * @property {string} activityProgress
 * @property {string} gradingProgress
 * @property {string} timestamp
 * @property {string} receivedAt
 *
 * @typedef {object} Launch one launch (resource link or deep linking), from initiation on
 * @property {string} id also the lti_message_hint
 * @property {string} clientId
 * @property {string} deploymentId
 * @property {string} messageType
 * @property {{ sub: string, name?: string, given_name?: string, family_name?: string, email?: string }} user
 * @property {string[]} roles
 * @property {{ id: string, title: string, label: string }} context
 * @property {string | undefined} resourceLinkId
 * @property {string} targetLinkUri
 * @property {Record<string, string>} custom
 * @property {{ document_target: string, return_url: string, locale: string }} presentation
 * @property {{ title?: string, text?: string, acceptMultiple: boolean }} deepLinking
 * @property {string | undefined} tamper
 * @property {'initiated' | 'sent' | 'refused'} status
 * @property {string} createdAt
 * @property {string} [redirectUri]
 * @property {string} [state]
 * @property {string} [nonce]
 * @property {string} [idToken]
 * @property {Record<string, unknown>} [claims]
 * @property {string} [error]
 */

/** @param {string} prefix */
export function newId(prefix) {
  return `${prefix}${randomBytes(9).toString('base64url')}`;
}

export function nowIso() {
  return new Date().toISOString();
}

/** A fresh RS256 key pair with its public JWK (kid set). @param {string} kid */
export async function makeKey(kid) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicKey, jwk };
}

export function makeStore() {
  return {
    /** @type {Map<string, Tool>} */ tools: new Map(),
    /** @type {Map<string, Launch>} */ launches: new Map(),
    /** @type {Map<string, Context>} */ contexts: new Map(),
    /** @type {Map<string, ResourceLink>} */ resourceLinks: new Map(),
    /** @type {Map<string, LineItem>} */ lineItems: new Map(),
    /** @type {Score[]} */ scores: [],
    /** @type {Map<string, Score>} latest score per line item and user */ results: new Map(),
    /** @type {object[]} */ deepLinks: [],
    /** @type {Map<string, { clientId: string, scopes: string[], expiresAt: number }>} */
    tokens: new Map(),
    /** @type {Map<string, number>} client assertion jti → its exp */ usedJtis: new Map(),
    /** @type {Map<string, { expiresAt: number, used: boolean, clientId?: string }>} */
    registrationTokens: new Map(),
    /** @type {{ at: string, where: string, status: number, error: string }[]} */ refusals: [],
    counters: { tool: 0, lineItem: 0, link: 0 },
  };
}
/** @typedef {ReturnType<typeof makeStore>} Store */

/**
 * The context, made if new; a launch's title/label update it.
 * @param {Store} store
 * @param {{ id: string, title?: string, label?: string }} spec
 */
export function ensureContext(store, spec) {
  let context = store.contexts.get(spec.id);
  if (!context) {
    context = { id: spec.id, title: spec.id, label: spec.id, members: new Map() };
    store.contexts.set(spec.id, context);
  }
  if (spec.title) context.title = spec.title;
  if (spec.label) context.label = spec.label;
  return context;
}
