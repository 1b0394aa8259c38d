import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLAIM } from '@/lib/domain/lti/claims';
import { continueResponse, launchResponse, loginResponse } from '@/lib/server/lti/routes';
import { createAssignment } from '@/lib/server/classroom/assignments';
import { db, debate } from '../support/factories';
import {
  INSTRUCTOR,
  launcher,
  MENTOR,
  registerTestPlatform,
  startTestPlatform,
  type TestPlatform,
} from '../support/lti-platform';

vi.mock('next/headers', () => import('../support/request-scope'));

/**
 * LTI 1.3 launches against a platform run in the test: login initiation, then the id_token
 * posted to the launch. Good launches sign in, map roles and the course to a class; forged,
 * replayed, expired, wrong-deployment and wrong-audience launches are refused with a page
 * (4xx) and change nothing.
 */

const TOOL = 'http://localhost:3000';
let lms: TestPlatform;
let login: ReturnType<typeof launcher>['login'];
let post: ReturnType<typeof launcher>['post'];
let launch: ReturnType<typeof launcher>['launch'];
let cookieHeader: ReturnType<typeof launcher>['cookieHeader'];

beforeAll(async () => {
  lms = await startTestPlatform();
  await registerTestPlatform(lms);
  ({ login, post, launch, cookieHeader } = launcher(lms, TOOL));
});
afterAll(() => lms.stop());

const courseClass = (contextId: string) =>
  db.ltiContext.findUnique({
    where: { platformId_contextId: { platformId: platformId(), contextId } },
  });
let cachedPlatformId = '';
const platformId = () => cachedPlatformId;
beforeAll(async () => {
  cachedPlatformId = (await db.ltiPlatform.findFirstOrThrow({ where: { issuer: lms.issuer } })).id;
});

async function expectRefused(response: Response, status: number, reason: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('set-cookie')).toBeNull();
  const html = await response.text();
  expect(html).toContain(reason);
  expect(html).toContain('What to do');
}

describe('LTI launch', () => {
  it('an instructor’s first launch makes the class; a learner joins it and lands in their map', async () => {
    const teacher = await launch({
      sub: 'teacher-1',
      name: 'Tess Teacher',
      email: 'tess@school.example',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-a', title: 'Civics 9A' },
      [CLAIM.resourceLink]: { id: 'link-a0' },
    });
    expect(teacher.status).toBe(303);
    expect(teacher.headers.get('set-cookie')).toMatch(/better-auth\.session_token=/);
    const context = await courseClass('course-a');
    expect(context).not.toBeNull();
    const cls = await db.classroom.findUniqueOrThrow({
      where: { id: context!.classId },
      include: { teacher: true },
    });
    expect(cls.name).toBe('Civics 9A');
    expect(cls.teacher).toMatchObject({
      name: 'Tess Teacher',
      accountKind: 'teacher',
      email: 'tess@school.example',
    });
    expect(teacher.headers.get('location')).toBe(`${TOOL}/classes/${cls.id}`);

    // The teacher sets an assignment; a resource link that names it opens it.
    const { debate: d } = await debate();
    const { id: assignmentId } = await createAssignment(db, {
      userId: cls.teacherId,
      classId: cls.id,
      debateId: d.id,
      title: 'Olympic thaw',
      instructions: '',
      dueAt: null,
      anonymous: false,
      mode: 'individual',
      teamCount: 1,
      sides: 'split',
    });
    const learner = await launch({
      sub: 'learner-a1',
      name: 'Lee Learner',
      [CLAIM.context]: { id: 'course-a', title: 'Civics 9A' },
      [CLAIM.resourceLink]: { id: 'link-a1' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
    });
    expect(learner.status).toBe(303);
    const linked = await db.ltiUser.findUniqueOrThrow({
      where: { platformId_sub: { platformId: platformId(), sub: 'learner-a1' } },
      include: { user: true },
    });
    expect(linked.user.accountKind).toBe('student');
    expect(linked.user.email).toMatch(/@lms\.invalid$/);
    expect(
      await db.classMember.findUnique({
        where: { classId_userId: { classId: cls.id, userId: linked.userId } },
      }),
    ).not.toBeNull();
    const work = await db.assignmentWork.findFirstOrThrow({
      where: { assignmentId, members: { some: { userId: linked.userId } } },
    });
    expect(learner.headers.get('location')).toBe(`${TOOL}/maps/${work.mapId}`);
    const link = await db.ltiResourceLink.findUniqueOrThrow({
      where: { platformId_resourceLinkId: { platformId: platformId(), resourceLinkId: 'link-a1' } },
    });
    expect(link.assignmentId).toBe(assignmentId);

    // Launching again: the same account, no second membership.
    const again = await launch({
      sub: 'learner-a1',
      [CLAIM.context]: { id: 'course-a', title: 'Civics 9A' },
      [CLAIM.resourceLink]: { id: 'link-a1' },
    });
    expect(again.headers.get('location')).toBe(`${TOOL}/maps/${work.mapId}`);
    expect(await db.ltiUser.count({ where: { sub: 'learner-a1' } })).toBe(1);

    // Teams filled by hand, made after the learner joined: their launch gives them a team.
    const { id: teamsId } = await createAssignment(db, {
      userId: cls.teacherId,
      classId: cls.id,
      debateId: d.id,
      title: 'Teams by hand',
      instructions: '',
      dueAt: null,
      anonymous: false,
      mode: 'team',
      teamCount: 2,
      teamFill: 'empty',
      sides: 'split',
    });
    const teamLaunch = await launch({
      sub: 'learner-a1',
      [CLAIM.context]: { id: 'course-a', title: 'Civics 9A' },
      [CLAIM.resourceLink]: { id: 'link-a2' },
      [CLAIM.custom]: { counterpoint_assignment: teamsId },
    });
    const team = await db.assignmentWork.findFirstOrThrow({
      where: { assignmentId: teamsId, members: { some: { userId: linked.userId } } },
    });
    expect(team.name).toBe('Team 1');
    expect(teamLaunch.headers.get('location')).toBe(`${TOOL}/maps/${team.mapId}`);
  });

  it('a resource link id repeated in another course opens nothing of the first course', async () => {
    // Resource link ids are unique per deployment only: another course may carry the same one.
    await launch({
      sub: 'teacher-x',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-x', title: 'Course X' },
      [CLAIM.resourceLink]: { id: 'link-x0' },
    });
    const x = await db.classroom.findUniqueOrThrow({
      where: { id: (await courseClass('course-x'))!.classId },
    });
    const { debate: d } = await debate();
    const { id: assignmentId } = await createAssignment(db, {
      userId: x.teacherId,
      classId: x.id,
      debateId: d.id,
      title: 'Course X work',
      instructions: '',
      dueAt: null,
      anonymous: false,
      mode: 'individual',
      teamCount: 1,
      sides: 'split',
    });
    const columnX = `${lms.url}/lineitems/x/lineitem`;
    await launch({
      sub: 'learner-x',
      [CLAIM.context]: { id: 'course-x', title: 'Course X' },
      [CLAIM.resourceLink]: { id: 'shared-link' },
      [CLAIM.custom]: { counterpoint_assignment: assignmentId },
      [CLAIM.ags]: { lineitem: columnX, scope: [] },
    });
    await launch({
      sub: 'teacher-y',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-y', title: 'Course Y' },
      [CLAIM.resourceLink]: { id: 'link-y0' },
    });
    const y = (await courseClass('course-y'))!;
    const learnerY = await launch({
      sub: 'learner-y',
      [CLAIM.context]: { id: 'course-y', title: 'Course Y' },
      [CLAIM.resourceLink]: { id: 'shared-link' },
      [CLAIM.ags]: { lineitem: `${lms.url}/lineitems/y/lineitem`, scope: [] },
    });
    expect(learnerY.headers.get('location')).toBe(`${TOOL}/classes/${y.classId}`);
    const link = await db.ltiResourceLink.findUniqueOrThrow({
      where: {
        platformId_resourceLinkId: { platformId: platformId(), resourceLinkId: 'shared-link' },
      },
    });
    // Course X's grades still go to course X's column.
    expect(link).toMatchObject({ assignmentId, lineItemUrl: columnX });
  });

  it('a learner before any instructor, another instructor, and a mentor are told why', async () => {
    await expectRefused(
      await launch({ sub: 'early', [CLAIM.context]: { id: 'course-new', title: 'New' } }),
      409,
      'has not set up this class yet',
    );
    await launch({
      sub: 'owner-b',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-b' },
    });
    await expectRefused(
      await launch({
        sub: 'coteacher-b',
        [CLAIM.roles]: [INSTRUCTOR],
        [CLAIM.context]: { id: 'course-b' },
      }),
      403,
      'belongs to another teacher',
    );
    await expectRefused(
      await launch({
        sub: 'parent-b',
        [CLAIM.roles]: [MENTOR],
        [CLAIM.context]: { id: 'course-b' },
      }),
      403,
      'role in this course has no place',
    );
  });

  it('a launch inside the LMS’s frame opens in its own tab through a one-time link', async () => {
    await launch({
      sub: 'owner-f',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-f' },
    });
    const { state, nonce } = await login();
    const token = await lms.idToken(
      { sub: 'learner-f', [CLAIM.context]: { id: 'course-f' } },
      { nonce },
    );
    const framed = await launchResponse(
      db,
      new Request(`${TOOL}/api/lti/launch`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-dest': 'iframe',
          cookie: cookieHeader(),
        },
        body: new URLSearchParams({ id_token: token, state }),
      }),
    );
    expect(framed.status).toBe(200);
    expect(framed.headers.get('set-cookie')).toBeNull();
    expect(framed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await framed.text();
    const href = /href="([^"]+\/api\/lti\/continue[^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const opened = await continueResponse(db, new Request(href));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('set-cookie')).toMatch(/better-auth\.session_token=/);
    expect(opened.headers.get('location')).toMatch(/\/classes\//);
    await expectRefused(await continueResponse(db, new Request(href)), 403, 'already used');
    await expectRefused(
      await continueResponse(db, new Request(`${TOOL}/api/lti/continue?token=forged`)),
      401,
      'took too long',
    );
  });

  it('refuses a forged launch (signed with another key)', async () => {
    await expectRefused(
      await launch({ sub: 'forger' }, { forged: true }),
      403,
      'could not be verified',
    );
    expect(await db.ltiUser.count({ where: { sub: 'forger' } })).toBe(0);
  });

  it('login initiation sends the browser to the platform with a fresh state and nonce', async () => {
    const { response, to, state, nonce } = await login();
    expect(response.status).toBe(302);
    expect(to.origin + to.pathname).toBe(`${lms.url}/auth`);
    expect(to.searchParams.get('redirect_uri')).toBe(`${TOOL}/api/lti/launch`);
    expect(to.searchParams.get('response_mode')).toBe('form_post');
    expect(to.searchParams.get('client_id')).toBe(lms.clientId);
    expect(state.length).toBeGreaterThan(30);
    expect(nonce).not.toBe(state);
    const elsewhere = await loginResponse(
      db,
      new Request(
        `${TOOL}/api/lti/login?iss=${encodeURIComponent(lms.issuer)}&login_hint=x&target_link_uri=https://evil.example/`,
      ),
    );
    await expectRefused(elsewhere, 400, 'incomplete login');
    const unknown = await loginResponse(
      db,
      new Request(
        `${TOOL}/api/lti/login?iss=https://unknown.example&login_hint=x&target_link_uri=${TOOL}/api/lti/launch`,
      ),
    );
    await expectRefused(unknown, 403, 'not registered with Counterpoint');
  });

  it('refuses a launch posted by another browser than the one that started the login', async () => {
    const { response, state, nonce } = await login();
    expect(response.headers.get('set-cookie')).toMatch(
      /^cp-lti-[\w-]+=1; Path=\/api\/lti\/; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned$/,
    );
    const token = await lms.idToken({ sub: 'csrf-victim' }, { nonce });
    await expectRefused(
      await post(token, state, { fromElsewhere: true }),
      400,
      'did not start here',
    );
    expect(await db.ltiUser.count({ where: { sub: 'csrf-victim' } })).toBe(0);
  });

  it('refuses a replayed launch: the same state twice, or an old token with a new state', async () => {
    await launch({
      sub: 'owner-r',
      [CLAIM.roles]: [INSTRUCTOR],
      [CLAIM.context]: { id: 'course-r' },
    });
    const { state, nonce } = await login();
    const token = await lms.idToken(
      { sub: 'learner-r', [CLAIM.context]: { id: 'course-r' } },
      { nonce },
    );
    expect((await post(token, state)).status).toBe(303);
    await expectRefused(await post(token, state), 403, 'already used');
    const fresh = await login();
    await expectRefused(await post(token, fresh.state), 403, 'already used');
    await expectRefused(await post(token, 'made-up-state'), 400, 'did not start here');
  });

  it('refuses an expired launch', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(
      await launch({ sub: 'late' }, { iat: now - 3600, exp: now - 1800 }),
      401,
      'has expired',
    );
  });

  it('refuses a launch from an unknown deployment', async () => {
    await expectRefused(
      await launch({ sub: 'elsewhere', [CLAIM.deploymentId]: 'deployment-unknown' }),
      403,
      'deployment of Counterpoint is not registered',
    );
  });

  it('refuses a launch meant for another client (audience, azp)', async () => {
    await expectRefused(
      await launch({ sub: 'x', aud: 'another-tool' }),
      403,
      'meant for another tool',
    );
    await expectRefused(
      await launch({ sub: 'x', aud: [lms.clientId, 'another-tool'], azp: 'another-tool' }),
      403,
      'meant for another tool',
    );
  });

  it('refuses a launch without a token, or with a broken one, with a page', async () => {
    await expectRefused(await post('', 'x'), 400, 'not an LMS launch');
    await expectRefused(await post('not.a.jwt', 'x'), 400, 'incomplete launch');
    const get = await launchResponse(db, new Request(`${TOOL}/api/lti/launch`));
    await expectRefused(get, 400, 'not an LMS launch');
  });
});
