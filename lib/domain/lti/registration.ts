/**
 * LTI Dynamic Registration 1.0 (1EdTech), the tool's side: the platform's OpenID configuration
 * checked (its issuer must be a prefix of the configuration's own URL, and it must name the
 * endpoints a launch and the services need), the client registration the tool sends (OpenID
 * Connect Dynamic Client Registration with the LTI tool configuration), and what the platform
 * answers (client id, deployment id).
 */
import { MESSAGE_TYPES } from './claims';

export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
export const TOOL_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];

export interface PlatformConfiguration {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  registrationEndpoint: string;
  /** The audience of client assertions, when the platform names one (authorization_server). */
  tokenAudience: string | null;
  /** moodle, canvas, … when the platform says. */
  product: string | null;
}

type Json = Record<string, unknown>;
const isHttpUrl = (v: unknown): v is string =>
  typeof v === 'string' && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol);

/**
 * Whether the configuration's address lies under the issuer: the same scheme, host and port, and
 * the issuer's path ending at a '/' of it. A bare string prefix is not enough: the issuer
 * https://moodle.school.example is the start of https://moodle.school.example.evil.example/… and
 * of https://moodle.school.example@evil.example/…, whose configuration would then name that
 * school's issuer (and, with its client id, overwrite the school's registered keys).
 */
export function issuerPrefixes(issuer: string, configurationUrl: string): boolean {
  if (!URL.canParse(issuer) || !URL.canParse(configurationUrl)) return false;
  const iss = new URL(issuer);
  const at = new URL(configurationUrl);
  if (iss.search || iss.hash || iss.username || iss.password) return false;
  if (at.username || at.password || iss.origin !== at.origin) return false;
  const path = iss.pathname.replace(/\/+$/, '');
  return at.pathname === path || at.pathname.startsWith(`${path}/`);
}

/** The platform's configuration, or why it cannot be used. */
export function readPlatformConfiguration(
  body: unknown,
  configurationUrl: string,
): { config: PlatformConfiguration } | { problem: string } {
  if (typeof body !== 'object' || body === null) {
    return { problem: 'The LMS’s OpenID configuration is not a JSON object.' };
  }
  const c = body as Json;
  if (!isHttpUrl(c.issuer)) return { problem: 'The LMS’s configuration names no issuer.' };
  if (!issuerPrefixes(c.issuer, configurationUrl)) {
    return {
      problem: `The LMS’s issuer (${c.issuer}) is not the start of its configuration’s address (${configurationUrl}), so the configuration cannot be trusted.`,
    };
  }
  const missing = (
    [
      ['authorization_endpoint', c.authorization_endpoint],
      ['token_endpoint', c.token_endpoint],
      ['jwks_uri', c.jwks_uri],
      ['registration_endpoint', c.registration_endpoint],
    ] as const
  ).filter(([, v]) => !isHttpUrl(v));
  if (missing.length > 0) {
    return { problem: `The LMS’s configuration lacks ${missing.map(([k]) => k).join(', ')}.` };
  }
  const platform = c[PLATFORM_CONFIGURATION];
  const product =
    typeof platform === 'object' && platform !== null
      ? (platform as Json).product_family_code
      : undefined;
  return {
    config: {
      issuer: c.issuer,
      authorizationEndpoint: c.authorization_endpoint as string,
      tokenEndpoint: c.token_endpoint as string,
      jwksUri: c.jwks_uri as string,
      registrationEndpoint: c.registration_endpoint as string,
      tokenAudience: isHttpUrl(c.authorization_server) ? c.authorization_server : null,
      product: typeof product === 'string' && product ? product : null,
    },
  };
}

export interface ToolAddresses {
  base: string;
  login: string;
  launch: string;
  jwks: string;
}

/** The client registration request (Dynamic Registration 1.0 §3.5). */
export function clientRegistration(tool: ToolAddresses): Record<string, unknown> {
  const { host } = new URL(tool.base);
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: tool.login,
    redirect_uris: [tool.launch],
    client_name: 'Counterpoint',
    jwks_uri: tool.jwks,
    logo_uri: `${tool.base}/icon.svg`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: TOOL_SCOPES.join(' '),
    [TOOL_CONFIGURATION]: {
      domain: host,
      target_link_uri: tool.launch,
      description: 'Classroom debate preparation: pro/con argument maps anchored in the articles.',
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
      messages: MESSAGE_TYPES.map((type) => ({
        type,
        target_link_uri: tool.launch,
        label: type === 'LtiDeepLinkingRequest' ? 'Add a Counterpoint debate' : 'Counterpoint',
        // Canvas opens the tool in a new tab (its pages refuse to be framed).
        'https://canvas.instructure.com/lti/display_type': 'new_window',
      })),
    },
  };
}

/** The client id and deployment id the platform gave, or null when it gave no client id. */
export function readRegistrationResponse(
  body: unknown,
): { clientId: string; deploymentId: string | null } | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Json;
  if (typeof b.client_id !== 'string' || !b.client_id) return null;
  const config = b[TOOL_CONFIGURATION];
  const deploymentId =
    typeof config === 'object' && config !== null ? (config as Json).deployment_id : undefined;
  return {
    clientId: b.client_id,
    deploymentId: typeof deploymentId === 'string' && deploymentId ? deploymentId : null,
  };
}
