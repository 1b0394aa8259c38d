import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeJwt, createLocalJWKSet, jwtVerify } from 'jose';
import { CLAIM } from '@/lib/domain/lti/claims';
import { createAssignment } from '@/lib/server/classroom/assignments';
import { saveGrade, setGradeReleased } from '@/lib/server/classroom/grades';
import { deepLinkPicker, deepLinkRequestToken, deepLinkResponse } from '@/lib/server/lti/deep-link';
import { ltiAdminPage } from '@/lib/server/lti/admin';
import { deliverDue } from '@/lib/server/outbox';
import { publicJwks } from '@/lib/server/lti/keys';
import { syncRoster } from '@/lib/server/lti/roster';
import { db, debate, theAdmin } from '../support/factories';
import {
  INSTRUCTOR,
  launcher,
  LEARNER,
  registerTestPlatform,
  startTestPlatform,
  type TestPlatform,
} from '../support/lti-platform';

vi.mock('next/headers', () => import('../support/request-scope'));

/**
 * LTI Advantage against a platform run in the test, which checks the tool's client assertion
 * against the tool's published keys: the roster (NRPS) fills the class, a released grade is
 * queued in the release's transaction and posted to the line item's scores (AGS), withdrawing it
 * clears it, a line item is made when the platform gave only the container, and deep linking
 * answers with a signed ltiResourceLink naming the assignment.
 */

let lms: TestPlatform;
let platformId: string;
let launch: ReturnType<typeof launcher>['launch'];
let teacherId: string;
let classId: string;

const services = () => ({
  [CLAIM.nrps]: { context_memberships_url: `${lms.url}/memberships`, service_versions: ['2.0'] },
  [CLAIM.ags]: {
    lineitems: `${lms.url}/lineitems`,
    scope: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
    ],
  },
});

beforeAll(async () => {
  lms = await startTestPlatform(() => publicJwks(db));
  platformId = await registerTestPlatform(lms);
  ({ launch } = launcher(lms));
  const response = await launch({
    sub: 'svc-teacher',
    name: 'Sam Teacher',
    [CLAIM.roles]: [INSTRUCTOR],
    [CLAIM.context]: { id: 'svc-course', title: 'Debate club' },
    [CLAIM.resourceLink]: { id: 'svc-home' },
    ...services(),
  });
  expect(response.status).toBe(303);
  const context = await db.ltiContext.findUniqueOrThrow({
    where: { platformId_contextId: { platformId, contextId: 'svc-course' } },
    include: { class: true },
  });
  expect(context.membershipsUrl).toBe(`${lms.url}/memberships`);
  expect(context.lineItemsUrl).toBe(`${lms.url}/lineitems`);
  teacherId = context.class.teacherId;
  classId = context.classId;
});
afterAll(() => lms.stop());

async function individualAssignment(title: string) {
  const { debate: d } = await debate();
  return createAssignment(db, {
    userId: teacherId,
    classId,
    debateId: d.id,
    title,
    instructions: '',
    dueAt: null,
    anonymous: false,
    mode: 'individual',
    teamCount: 1,
    sides: 'split',
  });
}

// On PostgreSQL a worker's database serves several test files in turn: deliveries other files
// left (mail, notifications) would come before these scores in deliverDue's oldest-first batch.
beforeEach(async () => {
  await db.outboxMessage.deleteMany({});
});

describe('Names and Role Provisioning', () => {
  it('the teacher’s sync enrols the course’s active learners, once', async () => {
    lms.members.push(
      { user_id: 'nrps-1', roles: [LEARNER], name: 'Nia Roster', status: 'Active' },
      { user_id: 'nrps-2', roles: [LEARNER], name: 'Gone Student', status: 'Inactive' },
      { user_id: 'svc-teacher', roles: [INSTRUCTOR], name: 'Sam Teacher' },
    );
    // (The sync the instructor's launch started in the background may have enrolled her first.)
    const first = await syncRoster(db, { userId: teacherId, classId });
    expect(first.added + first.already).toBe(1);
    const nia = await db.ltiUser.findUniqueOrThrow({
      where: { platformId_sub: { platformId, sub: 'nrps-1' } },
      include: { user: true },
    });
    expect(nia.user.name).toBe('Nia Roster');
    expect(await db.classMember.count({ where: { classId, userId: nia.userId } })).toBe(1);
    expect(await db.ltiUser.count({ where: { platformId, sub: 'nrps-2' } })).toBe(0);
    const again = await syncRoster(db, { userId: teacherId, classId });
    expect(again).toEqual({ added: 0, already: 1, removed: 0 });
    // Only the class's teacher may sync.
    await expect(syncRoster(db, { userId: nia.userId, classId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // The service token was asked for with a client assertion the platform verified.
    expect(lms.tokenRequests.at(-1)?.get('scope')).toContain('contextmembership.readonly');
  });
});

describe('Assignment and Grade Services', () => {
  it('a released grade reaches the line item; withdrawing it clears it', async () => {
    const { id: assignmentId } = await individualAssignment('Graded debate');
    const lineItem = `${lms.url}/lineitems/77/lineitem?type=x`;
    const response = await launch({
      sub: 'ags-1',
      name: 'Ari Graded',
      [CLAIM.roles]: [LEARNER],
      [CLAIM.context]: { id: 'svc-course' },
      [CLAIM.resourceLink]: { id: 'svc-graded' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
      [CLAIM.ags]: { lineitems: `${lms.url}/lineitems`, lineitem: lineItem, scope: [] },
    });
    expect(response.status).toBe(303);
    const userId = (
      await db.ltiUser.findUniqueOrThrow({
        where: { platformId_sub: { platformId, sub: 'ags-1' } },
      })
    ).userId;
    const work = await db.assignmentWork.findFirstOrThrow({
      where: { assignmentId, members: { some: { userId } } },
    });
    const rubric = JSON.parse(
      (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).rubric,
    ) as { id: string; points: number }[];
    const scores = Object.fromEntries(rubric.map((c) => [c.id, c.points - 1]));
    const given = rubric.reduce((n, c) => n + c.points - 1, 0);
    const possible = rubric.reduce((n, c) => n + c.points, 0);

    await db.$transaction((tx) =>
      saveGrade(tx, { userId: teacherId, workId: work.id, scores, feedback: 'Good' }),
    );
    expect(await db.outboxMessage.count({ where: { subjectKey: `lti-score:${work.id}` } })).toBe(0);

    await db.$transaction((tx) =>
      setGradeReleased(tx, { userId: teacherId, workId: work.id, released: true }),
    );
    const queued = await db.outboxMessage.findFirstOrThrow({
      where: { subjectKey: `lti-score:${work.id}` },
    });
    expect(JSON.parse(queued.payload)).toMatchObject({
      platformId,
      lineItemUrl: lineItem,
      userSub: 'ags-1',
      scoreGiven: given,
      scoreMaximum: possible,
    });
    await deliverDue(); // the outbox is off in these tests (vitest.config.mts)
    expect(lms.scores.length).toBe(1);
    expect(lms.scores[0]).toMatchObject({
      url: `${lms.url}/lineitems/77/lineitem/scores?type=x`,
      body: {
        userId: 'ags-1',
        scoreGiven: given,
        scoreMaximum: possible,
        gradingProgress: 'FullyGraded',
        activityProgress: 'Completed',
      },
    });
    expect(lms.scores[0]!.auth).toMatch(/^Bearer token-/);
    const assertion = decodeJwt(lms.tokenRequests.at(-1)!.get('client_assertion')!);
    expect(assertion).toMatchObject({
      iss: lms.clientId,
      sub: lms.clientId,
      aud: `${lms.url}/token`,
    });

    await db.$transaction((tx) =>
      setGradeReleased(tx, { userId: teacherId, workId: work.id, released: false }),
    );
    await deliverDue(); // the outbox is off in these tests (vitest.config.mts)
    expect(lms.scores.length).toBe(2);
    expect(lms.scores[1]!.body).toMatchObject({ userId: 'ags-1', gradingProgress: 'NotReady' });
    expect(lms.scores[1]!.body).not.toHaveProperty('scoreGiven');
    const sent = await db.outboxMessage.findMany({ where: { subjectKey: `lti-score:${work.id}` } });
    expect(sent.every((m) => m.sentAt !== null)).toBe(true);
  });

  it('a release that is rolled back queues nothing', async () => {
    const { id: assignmentId } = await individualAssignment('Rolled back');
    await launch({
      sub: 'ags-2',
      [CLAIM.roles]: [LEARNER],
      [CLAIM.context]: { id: 'svc-course' },
      [CLAIM.resourceLink]: { id: 'svc-rolled' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
      [CLAIM.ags]: { lineitem: `${lms.url}/lineitems/5/lineitem`, scope: [] },
    });
    const work = await db.assignmentWork.findFirstOrThrow({
      where: {
        assignmentId,
        members: { some: { user: { ltiAccounts: { some: { sub: 'ags-2' } } } } },
      },
    });
    const rubric = JSON.parse(
      (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).rubric,
    ) as { id: string }[];
    await db.$transaction((tx) =>
      saveGrade(tx, {
        userId: teacherId,
        workId: work.id,
        scores: { [rubric[0]!.id]: 1 },
        feedback: '',
      }),
    );
    await expect(
      db.$transaction(async (tx) => {
        await setGradeReleased(tx, { userId: teacherId, workId: work.id, released: true });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.outboxMessage.count({ where: { subjectKey: `lti-score:${work.id}` } })).toBe(0);
  });

  it('makes the line item when the platform gave only the container', async () => {
    const { id: assignmentId } = await individualAssignment('No column yet');
    await launch({
      sub: 'ags-3',
      [CLAIM.roles]: [LEARNER],
      [CLAIM.context]: { id: 'svc-course' },
      [CLAIM.resourceLink]: { id: 'svc-nocolumn' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
      ...services(),
    });
    const work = await db.assignmentWork.findFirstOrThrow({
      where: {
        assignmentId,
        members: { some: { user: { ltiAccounts: { some: { sub: 'ags-3' } } } } },
      },
    });
    const rubric = JSON.parse(
      (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).rubric,
    ) as { id: string }[];
    const before = lms.scores.length;
    await db.$transaction(async (tx) => {
      await saveGrade(tx, {
        userId: teacherId,
        workId: work.id,
        scores: { [rubric[0]!.id]: 2 },
        feedback: '',
      });
      await setGradeReleased(tx, { userId: teacherId, workId: work.id, released: true });
    });
    await deliverDue(); // the outbox is off in these tests (vitest.config.mts)
    expect(lms.scores.length).toBe(before + 1);
    expect(lms.lineItemsMade.at(-1)).toMatchObject({
      label: 'No column yet',
      resourceLinkId: 'svc-nocolumn',
      resourceId: assignmentId,
    });
    const link = await db.ltiResourceLink.findUniqueOrThrow({
      where: { platformId_resourceLinkId: { platformId, resourceLinkId: 'svc-nocolumn' } },
    });
    expect(link.lineItemUrl).toMatch(/\/lineitems\/\d+\/lineitem$/);
    expect(lms.scores.at(-1)!.url).toBe(`${link.lineItemUrl}/scores`);
  });
});

describe('a score the LMS does not take', () => {
  it('is retried, and the admin’s LMS page shows what went wrong', async () => {
    const { id: assignmentId } = await individualAssignment('Unreachable column');
    await launch({
      sub: 'ags-4',
      [CLAIM.roles]: [LEARNER],
      [CLAIM.context]: { id: 'svc-course' },
      [CLAIM.resourceLink]: { id: 'svc-unreachable' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
      [CLAIM.ags]: { lineitem: 'http://127.0.0.1:9/lineitems/1', scope: [] },
    });
    const work = await db.assignmentWork.findFirstOrThrow({
      where: {
        assignmentId,
        members: { some: { user: { ltiAccounts: { some: { sub: 'ags-4' } } } } },
      },
    });
    const rubric = JSON.parse(
      (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).rubric,
    ) as { id: string }[];
    await db.$transaction(async (tx) => {
      await saveGrade(tx, {
        userId: teacherId,
        workId: work.id,
        scores: { [rubric[0]!.id]: 1 },
        feedback: '',
      });
      await setGradeReleased(tx, { userId: teacherId, workId: work.id, released: true });
    });
    await deliverDue(); // the outbox is off in these tests (vitest.config.mts)
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { subjectKey: `lti-score:${work.id}` },
    });
    expect(message.lastError).toBeTruthy();
    const page = await ltiAdminPage(db, { userId: (await theAdmin()).id });
    expect(page.undelivered[0]).toMatchObject({ attempts: 1, failed: false });
    expect(page.platforms.some((p) => p.issuer === lms.issuer)).toBe(true);
  });
});

describe('Deep Linking', () => {
  it('answers with a signed ltiResourceLink for a new assignment, graded out of the rubric', async () => {
    const token = await deepLinkRequestToken({
      userId: teacherId,
      platformId,
      deploymentId: lms.deploymentId,
      classId,
      settings: {
        returnUrl: `${lms.url}/deep-link-return`,
        acceptTypes: ['ltiResourceLink'],
        acceptMultiple: false,
        acceptLineItem: true,
        data: 'opaque-data',
        title: '',
      },
    });
    const picker = await deepLinkPicker(db, { userId: teacherId, token });
    expect(picker.debates.length).toBeGreaterThan(0);
    const { debate: d } = await debate();
    const answer = await deepLinkResponse(db, {
      userId: teacherId,
      token,
      choice: { kind: 'new', debateId: d.id, title: 'Linked debate', mode: 'team', teamCount: 3 },
    });
    expect(answer.returnUrl).toBe(`${lms.url}/deep-link-return`);
    const { payload, protectedHeader } = await jwtVerify(
      answer.jwt,
      createLocalJWKSet(await publicJwks(db)),
      { issuer: lms.clientId, audience: lms.issuer },
    );
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload[CLAIM.messageType]).toBe('LtiDeepLinkingResponse');
    expect(payload[CLAIM.deploymentId]).toBe(lms.deploymentId);
    expect(payload[CLAIM.deepLinkingData]).toBe('opaque-data');
    const [item] = payload[CLAIM.contentItems] as {
      custom: Record<string, string>;
      lineItem: { scoreMaximum: number };
    }[];
    const made = await db.assignment.findUniqueOrThrow({
      where: { id: item!.custom.counterpoint_assignment },
      include: { works: true },
    });
    expect(made).toMatchObject({ title: 'Linked debate', classId, mode: 'team' });
    expect(item!.lineItem.scoreMaximum).toBe(12);

    // Someone else cannot use the teacher's request, nor make a link to another class's work.
    await expect(deepLinkPicker(db, { userId: 'someone-else', token })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
