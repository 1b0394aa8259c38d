/**
 * The LTI 1.3 launch message (1EdTech LTI Core 1.3, Deep Linking 2.0, NRPS 2.0, AGS 2.0): the
 * claims of an id_token the tool reads, and the checks a launch passes after its signature,
 * issuer, audience and lifetime were verified (lib/server/lti/launch.ts, with jose). Plain data
 * in, a launch or the reason for refusing it out.
 */
import type { LtiRefusal } from './refusals';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  deepLinkingMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
} as const;

export const LTI_VERSION = '1.3.0';
export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The custom parameter a deep-linked resource link carries: the assignment it opens. */
export const ASSIGNMENT_PARAM = 'counterpoint_assignment';

/** Seconds of clock difference allowed between the platform and this server. */
export const CLOCK_SKEW_S = 60;
/** An id_token issued longer ago than this is refused even if it has not expired. */
export const MAX_TOKEN_AGE_S = 10 * 60;

export interface LaunchPerson {
  sub: string;
  name: string;
  email: string | null;
}

export interface LaunchContext {
  id: string;
  title: string;
}

export interface Launch {
  messageType: MessageType;
  deploymentId: string;
  person: LaunchPerson;
  roles: string[];
  context: LaunchContext | null;
  resourceLink: { id: string; title: string } | null;
  custom: Record<string, string>;
  /** NRPS: the course's membership URL, when the platform offers it. */
  membershipsUrl: string | null;
  /** AGS: the course's line items container and this link's line item, when offered. */
  lineItemsUrl: string | null;
  lineItemUrl: string | null;
  agsScopes: string[];
  deepLinking: DeepLinkingSettings | null;
}

export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  acceptLineItem: boolean;
  data: string | null;
  title: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const isHttpUrl = (v: string | null): v is string => {
  if (!v || !URL.canParse(v)) return false;
  const { protocol } = new URL(v);
  return protocol === 'https:' || protocol === 'http:';
};

/** The audiences of a token: `aud` is a string or an array of strings. */
export function audiences(payload: Json): string[] {
  return typeof payload.aud === 'string' ? [payload.aud] : strings(payload.aud);
}

export interface ExpectedLaunch {
  clientId: string;
  /** The nonce stored with the login's state. */
  nonce: string;
  /** The platform's registered deployments; null: it registered none yet, any is taken. */
  deploymentIds: readonly string[] | null;
  /** Seconds since the epoch. */
  now: number;
}

const refuse = (reason: LtiRefusal['reason'], detail?: string): { refusal: LtiRefusal } => ({
  refusal: { reason, detail },
});

/**
 * The launch an id_token describes, once its signature and issuer were verified: refused when a
 * check of LTI Core 1.3 §5.1.3 (audience, azp, iat, nonce) or of the message itself (version,
 * message type, deployment id, the claims its type requires) fails.
 */
export function readLaunch(
  payload: Json,
  expected: ExpectedLaunch,
): { launch: Launch } | { refusal: LtiRefusal } {
  const aud = audiences(payload);
  if (!aud.includes(expected.clientId)) return refuse('wrong-audience');
  if (aud.length > 1 || payload.azp !== undefined) {
    if (payload.azp !== expected.clientId) return refuse('wrong-audience', 'azp');
  }
  const exp = typeof payload.exp === 'number' ? payload.exp : null;
  const iat = typeof payload.iat === 'number' ? payload.iat : null;
  if (exp === null || iat === null) return refuse('malformed', 'exp and iat');
  if (exp + CLOCK_SKEW_S < expected.now) return refuse('expired');
  if (iat - CLOCK_SKEW_S > expected.now) return refuse('expired', 'issued in the future');
  if (iat + MAX_TOKEN_AGE_S + CLOCK_SKEW_S < expected.now) return refuse('expired');
  if (payload.nonce !== expected.nonce) return refuse('replayed', 'nonce');
  if (payload[CLAIM.version] !== LTI_VERSION) return refuse('wrong-version');
  const messageType = payload[CLAIM.messageType];
  if (!(MESSAGE_TYPES as readonly unknown[]).includes(messageType)) {
    return refuse('wrong-message-type', typeof messageType === 'string' ? messageType : undefined);
  }
  const deploymentId = str(payload[CLAIM.deploymentId]);
  if (!deploymentId) return refuse('malformed', 'deployment_id');
  if (expected.deploymentIds && !expected.deploymentIds.includes(deploymentId)) {
    return refuse('unknown-deployment');
  }
  const sub = str(payload.sub);
  if (!sub) return refuse('anonymous');
  if (!Array.isArray(payload[CLAIM.roles])) return refuse('malformed', 'roles');

  const contextClaim = payload[CLAIM.context];
  const context =
    isObject(contextClaim) && str(contextClaim.id)
      ? {
          id: str(contextClaim.id)!,
          title: str(contextClaim.title) ?? str(contextClaim.label) ?? 'Course',
        }
      : null;
  const linkClaim = payload[CLAIM.resourceLink];
  const resourceLink =
    isObject(linkClaim) && str(linkClaim.id)
      ? { id: str(linkClaim.id)!, title: str(linkClaim.title) ?? '' }
      : null;
  let deepLinking: DeepLinkingSettings | null = null;
  if (messageType === 'LtiResourceLinkRequest') {
    if (!resourceLink) return refuse('malformed', 'resource_link');
  } else {
    const settings = payload[CLAIM.deepLinkingSettings];
    const returnUrl = isObject(settings) ? str(settings.deep_link_return_url) : null;
    if (!isObject(settings) || !isHttpUrl(returnUrl)) {
      return refuse('malformed', 'deep_linking_settings');
    }
    deepLinking = {
      returnUrl,
      acceptTypes: strings(settings.accept_types),
      acceptMultiple: settings.accept_multiple !== false,
      acceptLineItem: settings.accept_lineitem !== false,
      data: str(settings.data),
      title: str(settings.title) ?? '',
    };
  }
  const customClaim = payload[CLAIM.custom];
  const custom: Record<string, string> = {};
  if (isObject(customClaim)) {
    for (const [key, value] of Object.entries(customClaim)) {
      if (typeof value === 'string') custom[key] = value;
    }
  }
  const nrps = payload[CLAIM.nrps];
  const ags = payload[CLAIM.ags];
  const membershipsUrl = isObject(nrps) ? str(nrps.context_memberships_url) : null;
  const lineItemsUrl = isObject(ags) ? str(ags.lineitems) : null;
  const lineItemUrl = isObject(ags) ? str(ags.lineitem) : null;
  return {
    launch: {
      messageType: messageType as MessageType,
      deploymentId,
      person: personOf(payload, sub),
      roles: strings(payload[CLAIM.roles]),
      context,
      resourceLink,
      custom,
      membershipsUrl: isHttpUrl(membershipsUrl) ? membershipsUrl : null,
      lineItemsUrl: isHttpUrl(lineItemsUrl) ? lineItemsUrl : null,
      lineItemUrl: isHttpUrl(lineItemUrl) ? lineItemUrl : null,
      agsScopes: isObject(ags) ? strings(ags.scope) : [],
      deepLinking,
    },
  };
}

/** A person's name and email from OIDC standard claims (a launch's or an NRPS member's). */
export function personOf(claims: Json, sub: string): LaunchPerson {
  const given = str(claims.given_name);
  const family = str(claims.family_name);
  const full = str(claims.name) ?? ([given, family].filter(Boolean).join(' ') || null);
  const email = str(claims.email);
  return {
    sub,
    name: (full ?? 'LMS user').trim().slice(0, 100),
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email.toLowerCase() : null,
  };
}
