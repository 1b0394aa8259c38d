import { describe, expect, it } from 'vitest';
import { CLAIM, personOf, readLaunch } from './claims';

const now = 1_800_000_000;
const base = () => ({
  iss: 'https://lms.example',
  aud: 'tool',
  sub: 'u1',
  iat: now - 5,
  exp: now + 300,
  nonce: 'n1',
  name: 'Ada Lovelace',
  email: 'ADA@School.example',
  [CLAIM.version]: '1.3.0',
  [CLAIM.messageType]: 'LtiResourceLinkRequest',
  [CLAIM.deploymentId]: 'd1',
  [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  [CLAIM.resourceLink]: { id: 'rl1', title: 'Debate' },
  [CLAIM.context]: { id: 'c1', label: 'CIV9', title: 'Civics 9' },
  [CLAIM.custom]: { counterpoint_assignment: 'a1', n: 3 },
  [CLAIM.ags]: {
    lineitems: 'https://lms.example/lineitems',
    lineitem: 'https://lms.example/lineitems/1',
    scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
  },
  [CLAIM.nrps]: { context_memberships_url: 'https://lms.example/members' },
});
const expected = { clientId: 'tool', nonce: 'n1', deploymentIds: ['d1'], now };
const reason = (payload: Record<string, unknown>) => {
  const result = readLaunch(payload, expected);
  return 'refusal' in result ? result.refusal.reason : 'ok';
};

describe('reading a launch', () => {
  it('reads a resource link launch', () => {
    const result = readLaunch(base(), expected);
    expect('launch' in result && result.launch).toMatchObject({
      messageType: 'LtiResourceLinkRequest',
      deploymentId: 'd1',
      person: { sub: 'u1', name: 'Ada Lovelace', email: 'ada@school.example' },
      context: { id: 'c1', title: 'Civics 9' },
      resourceLink: { id: 'rl1', title: 'Debate' },
      custom: { counterpoint_assignment: 'a1' },
      membershipsUrl: 'https://lms.example/members',
      lineItemsUrl: 'https://lms.example/lineitems',
      lineItemUrl: 'https://lms.example/lineitems/1',
    });
  });

  it('checks audience and azp', () => {
    expect(reason({ ...base(), aud: 'other' })).toBe('wrong-audience');
    expect(reason({ ...base(), aud: ['tool', 'other'] })).toBe('wrong-audience');
    expect(reason({ ...base(), aud: ['tool', 'other'], azp: 'other' })).toBe('wrong-audience');
    expect(reason({ ...base(), aud: ['tool', 'other'], azp: 'tool' })).toBe('ok');
  });

  it('checks the token’s lifetime with a minute of skew', () => {
    expect(reason({ ...base(), exp: now - 30 })).toBe('ok');
    expect(reason({ ...base(), exp: now - 120 })).toBe('expired');
    expect(reason({ ...base(), iat: now + 30 })).toBe('ok');
    expect(reason({ ...base(), iat: now + 600 })).toBe('expired');
    expect(reason({ ...base(), iat: now - 3600, exp: now + 3600 })).toBe('expired');
    expect(reason({ ...base(), exp: undefined })).toBe('malformed');
  });

  it('checks the nonce, version, message type and deployment', () => {
    expect(reason({ ...base(), nonce: 'other' })).toBe('replayed');
    expect(reason({ ...base(), [CLAIM.version]: '1.1' })).toBe('wrong-version');
    expect(reason({ ...base(), [CLAIM.messageType]: 'LtiSubmissionReviewRequest' })).toBe(
      'wrong-message-type',
    );
    expect(reason({ ...base(), [CLAIM.deploymentId]: 'd2' })).toBe('unknown-deployment');
    expect(reason({ ...base(), [CLAIM.deploymentId]: undefined })).toBe('malformed');
  });

  it('needs a user, roles, a resource link or deep linking settings', () => {
    expect(reason({ ...base(), sub: undefined })).toBe('anonymous');
    expect(reason({ ...base(), [CLAIM.roles]: undefined })).toBe('malformed');
    expect(reason({ ...base(), [CLAIM.resourceLink]: undefined })).toBe('malformed');
    const deepLink = { ...base(), [CLAIM.messageType]: 'LtiDeepLinkingRequest' };
    expect(reason(deepLink)).toBe('malformed');
    const result = readLaunch(
      {
        ...deepLink,
        [CLAIM.deepLinkingSettings]: {
          deep_link_return_url: 'https://lms.example/return',
          accept_types: ['ltiResourceLink'],
          data: 'opaque',
        },
      },
      expected,
    );
    expect('launch' in result && result.launch.deepLinking).toMatchObject({
      returnUrl: 'https://lms.example/return',
      acceptTypes: ['ltiResourceLink'],
      acceptLineItem: true,
      data: 'opaque',
    });
    expect(
      reason({
        ...deepLink,
        [CLAIM.deepLinkingSettings]: { deep_link_return_url: 'javascript:x' },
      }),
    ).toBe('malformed');
  });

  it('names people from given and family names, and drops an address that is not one', () => {
    expect(personOf({ given_name: 'Grace', family_name: 'Hopper' }, 's')).toMatchObject({
      name: 'Grace Hopper',
      email: null,
    });
    expect(personOf({ email: 'not an email' }, 's')).toMatchObject({
      name: 'LMS user',
      email: null,
    });
  });
});
