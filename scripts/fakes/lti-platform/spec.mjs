// @ts-check
// The names the LTI 1.3 / LTI Advantage specifications give to claims, scopes, media types and
// roles (LTI Core 1.3, Deep Linking 2.0, NRPS 2.0, AGS 2.0, Dynamic Registration 1.0).

export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
  toolPlatform: 'https://purl.imsglobal.org/spec/lti/claim/tool_platform',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  msg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
  errormsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/errormsg',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
};

export const SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
};
export const AGS_SCOPES = [
  SCOPE.lineItem,
  SCOPE.lineItemReadonly,
  SCOPE.resultReadonly,
  SCOPE.score,
];
export const ALL_SCOPES = [...AGS_SCOPES, SCOPE.nrps];

export const MEDIA = {
  score: 'application/vnd.ims.lis.v1.score+json',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItemContainer: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  resultContainer: 'application/vnd.ims.lis.v2.resultcontainer+json',
  memberships: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
};

export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export const RESOURCE_LINK_REQUEST = 'LtiResourceLinkRequest';
export const DEEP_LINKING_REQUEST = 'LtiDeepLinkingRequest';
export const DEEP_LINKING_RESPONSE = 'LtiDeepLinkingResponse';
export const MESSAGE_TYPES = [RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST];

export const ACTIVITY_PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
export const GRADING_PROGRESS = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
const CONTEXT_ROLES = [
  'Administrator',
  'ContentDeveloper',
  'Instructor',
  'Learner',
  'Mentor',
  'Manager',
  'Member',
  'Officer',
];

/**
 * Full role URIs from short names ('Instructor', 'Learner', 'TeachingAssistant', …) or URIs
 * (passed through). A sub-role comes with its principal role, as LTI Core asks.
 * @param {string[] | string | undefined} roles
 * @returns {string[]}
 */
export function roleUris(roles) {
  const list = typeof roles === 'string' ? roles.split(',') : (roles ?? []);
  /** @type {string[]} */
  const out = [];
  for (const raw of list.map((r) => r.trim()).filter(Boolean)) {
    if (raw.includes('://')) out.push(raw);
    else if (raw === 'TeachingAssistant')
      out.push(
        `${MEMBERSHIP}Instructor`,
        'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
      );
    else if (CONTEXT_ROLES.includes(raw)) out.push(`${MEMBERSHIP}${raw}`);
    else throw new Error(`unknown role "${raw}" (use a full role URI or one of ${CONTEXT_ROLES})`);
  }
  return [...new Set(out)];
}
