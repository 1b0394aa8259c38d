import { describe, expect, it } from 'vitest';
import { scoreBody, scoresUrl, withQuery } from './ags';
import { CLAIM } from './claims';
import { deepLinkingResponse } from './deep-linking';
import { nextPage, readMembership } from './nrps';

describe('AGS', () => {
  it('posts scores to the line item’s path + /scores, keeping its query', () => {
    expect(scoresUrl('https://lms.example/ags/lineitems/5/lineitem?type_id=2')).toBe(
      'https://lms.example/ags/lineitems/5/lineitem/scores?type_id=2',
    );
    expect(scoresUrl('https://lms.example/li/7/')).toBe('https://lms.example/li/7/scores');
    expect(withQuery('https://lms.example/li?type_id=2', { resource_link_id: 'r 1' })).toBe(
      'https://lms.example/li?type_id=2&resource_link_id=r+1',
    );
  });

  it('a released grade is a fully graded score; a withdrawn one has no score', () => {
    const t = '2026-12-06T10:00:00.000Z';
    expect(scoreBody({ userSub: 'u', scoreGiven: 9, scoreMaximum: 12, timestamp: t })).toEqual({
      userId: 'u',
      scoreGiven: 9,
      scoreMaximum: 12,
      timestamp: t,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    const cleared = scoreBody({ userSub: 'u', scoreGiven: null, scoreMaximum: 12, timestamp: t });
    expect(cleared).not.toHaveProperty('scoreGiven');
    expect(cleared).toMatchObject({ gradingProgress: 'NotReady', activityProgress: 'Initialized' });
  });
});

describe('NRPS', () => {
  it('reads active teachers and learners; skips inactive members and other roles', () => {
    const members = readMembership({
      members: [
        {
          user_id: 'a',
          roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
          name: 'A',
        },
        { user_id: 'b', roles: ['Learner'], status: 'Inactive' },
        { user_id: 'c', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'] },
        { user_id: 'd', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'] },
        { roles: ['Learner'] },
      ],
    });
    expect(members.map((m) => [m.person.sub, m.role])).toEqual([
      ['a', 'student'],
      ['c', 'teacher'],
    ]);
    expect(readMembership(null)).toEqual([]);
  });

  it('follows rel="next"', () => {
    const at = 'https://lms/m?p=1';
    expect(nextPage('<https://lms/m?p=2>; rel="next", <https://lms/m?p=9>; rel="last"', at)).toBe(
      'https://lms/m?p=2',
    );
    expect(nextPage('<https://lms/m?p=1>; rel="prev"', at)).toBeNull();
    expect(nextPage('<https://lms/m?p=3>; rel="nextish"', at)).toBeNull();
    expect(nextPage(null, at)).toBeNull();
    // A relative link is on the same site; another site never gets the access token.
    expect(nextPage('</m?p=2>; rel="next"', at)).toBe('https://lms/m?p=2');
    expect(nextPage('<https://elsewhere.example/m?p=2>; rel="next"', at)).toBeNull();
  });
});

describe('Deep Linking response', () => {
  const ret = {
    clientId: 'tool',
    issuer: 'https://lms.example',
    deploymentId: 'd1',
    launchUrl: 'https://cp.example/api/lti/launch',
    data: 'opaque',
    acceptLineItem: true,
  };
  const choice = { assignmentId: 'a1', title: 'Olympic thaw', text: 't', scoreMaximum: 12 };

  it('is one ltiResourceLink naming the assignment, graded out of the rubric’s points', () => {
    const claims = deepLinkingResponse(ret, choice, 'n');
    expect(claims).toMatchObject({
      iss: 'tool',
      aud: 'https://lms.example',
      [CLAIM.messageType]: 'LtiDeepLinkingResponse',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: 'd1',
      [CLAIM.deepLinkingData]: 'opaque',
    });
    expect(claims[CLAIM.contentItems]).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        url: 'https://cp.example/api/lti/launch',
        custom: { counterpoint_assignment: 'a1' },
        lineItem: expect.objectContaining({ scoreMaximum: 12, resourceId: 'a1' }),
      }),
    ]);
  });

  it('leaves out the line item when not graded or not accepted, and data when none came', () => {
    const item = (r = ret, c = choice) =>
      (deepLinkingResponse(r, c, 'n')[CLAIM.contentItems] as Record<string, unknown>[])[0]!;
    expect(item(ret, { ...choice, scoreMaximum: 0 })).not.toHaveProperty('lineItem');
    expect(item({ ...ret, acceptLineItem: false })).not.toHaveProperty('lineItem');
    expect(deepLinkingResponse({ ...ret, data: null }, choice, 'n')).not.toHaveProperty(
      CLAIM.deepLinkingData,
    );
  });
});
