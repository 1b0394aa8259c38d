// @ts-check
// Deep Linking 2.0, platform side: the deep_link_return_url receiving the tool's
// LtiDeepLinkingResponse (a JWT in the form field JWT), verified against the tool's JWKS; each
// ltiResourceLink item becomes a resource link in the course (and a line item when it has one).
import { decodeJwt } from 'jose';
import { esc, page } from './html.mjs';
import { sendHtml } from './http.mjs';
import { verifyToolJwt } from './services.mjs';
import { CLAIM, DEEP_LINKING_REQUEST, DEEP_LINKING_RESPONSE } from './spec.mjs';
import { nowIso } from './state.mjs';

/** @typedef {import('../lti-platform.mjs').Platform} Platform */

/**
 * @typedef {object} DeepLinkResult what the tests read from GET /test/deep-links
 * @property {boolean} ok
 * @property {string} [error] why it was refused
 * @property {string} [launchId] the deep linking launch answered (from the data claim)
 * @property {string} [clientId]
 * @property {string} [contextId]
 * @property {unknown[]} items the content items as received
 * @property {{ id: string, title: string, url?: string, lineItemId?: string }[]} resourceLinks
 * @property {string} [msg] the tool's msg claim
 * @property {string} [errormsg] the tool's errormsg claim
 * @property {string} receivedAt
 */

/**
 * POST /deep-link/return
 * @param {Platform} p
 * @param {import('./http.mjs').Res} res
 * @param {Record<string, string>} form
 */
export async function deepLinkReturn(p, res, form) {
  /** @type {DeepLinkResult} */
  const result = { ok: false, items: [], resourceLinks: [], receivedAt: nowIso() };
  p.store.deepLinks.push(result);
  /** @param {string} error */
  const refuse = (error) => {
    result.error = error;
    p.refuse('deep-link-return', 400, error);
    sendHtml(res, 400, page('The tool’s content was refused', `<p role="alert">${esc(error)}</p>`));
  };
  const jwt = form.JWT;
  if (!jwt) return refuse('the form has no JWT field');
  let unverified;
  try {
    unverified = decodeJwt(jwt);
  } catch {
    return refuse('JWT is not a JWT');
  }
  const tool = typeof unverified.iss === 'string' ? p.store.tools.get(unverified.iss) : undefined;
  if (!tool) return refuse(`iss "${unverified.iss ?? ''}" is not a registered client_id`);
  result.clientId = tool.clientId;
  let claims;
  try {
    claims = await verifyToolJwt(tool, jwt, { audience: p.issuer, issuer: tool.clientId });
  } catch (e) {
    return refuse(`the JWT was refused: ${/** @type {Error} */ (e).message}`);
  }
  if (claims[CLAIM.messageType] !== DEEP_LINKING_RESPONSE)
    return refuse(`message_type must be ${DEEP_LINKING_RESPONSE}`);
  if (claims[CLAIM.version] !== '1.3.0') return refuse('version must be 1.3.0');
  if (claims[CLAIM.deploymentId] !== tool.deploymentId)
    return refuse(`deployment_id must be ${tool.deploymentId}`);
  if (typeof claims.nonce !== 'string' || !claims.nonce) return refuse('nonce is required');
  const launchId = claims[CLAIM.data];
  const launch = typeof launchId === 'string' ? p.store.launches.get(launchId) : undefined;
  if (!launch || launch.messageType !== DEEP_LINKING_REQUEST || launch.clientId !== tool.clientId)
    return refuse('the data claim does not name a deep linking request this platform sent');
  result.launchId = launch.id;
  result.contextId = launch.context.id;
  if (typeof claims[CLAIM.msg] === 'string') result.msg = /** @type {string} */ (claims[CLAIM.msg]);
  if (typeof claims[CLAIM.errormsg] === 'string')
    result.errormsg = /** @type {string} */ (claims[CLAIM.errormsg]);
  const items = claims[CLAIM.contentItems] ?? [];
  if (!Array.isArray(items)) return refuse('content_items must be an array');
  if (items.length > 1 && !launch.deepLinking.acceptMultiple)
    return refuse('accept_multiple was false, but more than one item came back');
  for (const item of items) {
    if (!item || item.type !== 'ltiResourceLink')
      return refuse(`only ltiResourceLink items are accepted (got ${item?.type})`);
    if (
      item.lineItem !== undefined &&
      !(typeof item.lineItem?.scoreMaximum === 'number' && item.lineItem.scoreMaximum > 0)
    )
      return refuse('lineItem.scoreMaximum must be a number above 0');
    if (
      item.custom !== undefined &&
      (typeof item.custom !== 'object' ||
        Object.values(item.custom).some((v) => typeof v !== 'string'))
    )
      return refuse('custom must be an object of strings');
  }
  result.items = items;
  for (const item of items) {
    p.store.counters.link += 1;
    const link = {
      id: `dl-link-${p.store.counters.link}`,
      contextId: launch.context.id,
      clientId: tool.clientId,
      title: typeof item.title === 'string' ? item.title : `Link ${p.store.counters.link}`,
      text: typeof item.text === 'string' ? item.text : undefined,
      url: typeof item.url === 'string' ? item.url : undefined,
      custom: item.custom ?? {},
      createdBy: /** @type {const} */ ('deep-linking'),
    };
    p.store.resourceLinks.set(link.id, link);
    let lineItemId;
    if (item.lineItem)
      lineItemId = p.addLineItem({
        contextId: link.contextId,
        clientId: tool.clientId,
        label: typeof item.lineItem.label === 'string' ? item.lineItem.label : link.title,
        scoreMaximum: item.lineItem.scoreMaximum,
        resourceLinkId: link.id,
        resourceId: item.lineItem.resourceId,
        tag: item.lineItem.tag,
        gradesReleased: item.lineItem.gradesReleased,
      }).id;
    result.resourceLinks.push({ id: link.id, title: link.title, url: link.url, lineItemId });
  }
  result.ok = true;
  const user = launch.user;
  const again = (/** @type {string} */ linkId) =>
    `${p.issuer}/launch?${new URLSearchParams({
      client_id: tool.clientId,
      sub: user.sub,
      roles: launch.roles.join(','),
      context_id: launch.context.id,
      resource_link_id: linkId,
    })}`;
  const list = result.resourceLinks
    .map(
      (l) =>
        `<li><a href="${esc(again(l.id))}">${esc(l.title)}</a>${l.lineItemId ? ' (graded)' : ''}</li>`,
    )
    .join('\n');
  sendHtml(
    res,
    200,
    page(
      'Content added to the course',
      `${result.msg ? `<p role="status">${esc(result.msg)}</p>` : ''}${
        result.errormsg ? `<p role="alert">${esc(result.errormsg)}</p>` : ''
      }<p>${result.resourceLinks.length} item(s) added to ${esc(launch.context.title)}.</p>
<ul>${list}</ul>`,
    ),
  );
}
