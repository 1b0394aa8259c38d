import 'server-only';
import crypto from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { DeepLinkingSettings } from '@/lib/domain/lti/claims';
import { deepLinkingResponse } from '@/lib/domain/lti/deep-linking';
import { parseRubric, scoreTotal } from '@/lib/domain/classroom/rubric';
import type { Mode } from '@/lib/domain/classroom/teams';
import { AppError } from '@/lib/errors';
import { sessionSecret } from '../config';
import type { Db, Tx } from '../db';
import { requireAssignmentAccess, requireClassAccess } from '../classroom/access';
import { createAssignment } from '../classroom/assignments';
import { listDebatesFor } from '../classroom/debates';
import { signingKey } from './keys';
import { toolUrls } from './urls';

/**
 * Deep linking, the tool's side: an instructor's LtiDeepLinkingRequest launch signs them in and
 * opens the picker (app/lti/deep-link) with the request's settings in a short-lived token signed
 * with the server's secret (nothing to store; it names the teacher, so nobody else can use it).
 * The picker posts the choice to app/api/lti/deep-link, which makes the assignment if a debate
 * was chosen and answers with the signed LtiDeepLinkingResponse, posted to the LMS by the page.
 */

const REQUEST_TTL_S = 60 * 60;
const requestKey = () =>
  crypto.createHmac('sha256', sessionSecret()).update('lti-deep-link').digest();

export interface DeepLinkRequest {
  userId: string;
  platformId: string;
  deploymentId: string;
  classId: string;
  settings: DeepLinkingSettings;
}

export async function deepLinkRequestToken(request: DeepLinkRequest): Promise<string> {
  return new SignJWT({ dl: request })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${REQUEST_TTL_S}s`)
    .sign(requestKey());
}

const EXPIRED =
  'This page came from your LMS more than an hour ago. Start again from the LMS (add an activity, then Counterpoint).';

/** The request a token carries, if it is valid and for `userId`. */
export async function readDeepLinkRequest(token: string, userId: string): Promise<DeepLinkRequest> {
  try {
    const { payload } = await jwtVerify(token, requestKey(), { algorithms: ['HS256'] });
    const request = payload.dl as DeepLinkRequest;
    if (request.userId !== userId) throw new Error('another person');
    return request;
  } catch {
    throw new AppError('FORBIDDEN', EXPIRED);
  }
}

export interface DeepLinkPicker {
  className: string;
  classId: string;
  title: string;
  assignments: { id: string; title: string; mode: string }[];
  debates: { id: string; motion: string }[];
  studentCount: number;
}

/** What the picker shows: the class's assignments and the debates the teacher may set. */
export async function deepLinkPicker(
  tx: Tx,
  opts: { userId: string; token: string },
): Promise<DeepLinkPicker> {
  const request = await readDeepLinkRequest(opts.token, opts.userId);
  const types = request.settings.acceptTypes;
  if (types.length > 0 && !types.includes('ltiResourceLink')) {
    throw new AppError(
      'INVALID',
      'This place in your LMS does not take activities (LTI resource links), which is what Counterpoint adds. Add Counterpoint as an activity or an external tool instead.',
    );
  }
  const { class: cls } = await requireClassAccess(
    tx,
    opts.userId,
    request.classId,
    'assignment.manage',
  );
  const [assignments, debates, studentCount] = await Promise.all([
    tx.assignment.findMany({
      where: { classId: cls.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, title: true, mode: true },
    }),
    listDebatesFor(tx, opts.userId),
    tx.classMember.count({ where: { classId: cls.id } }),
  ]);
  return {
    className: cls.name,
    classId: cls.id,
    title: request.settings.title,
    assignments,
    debates: debates.map((d) => ({ id: d.id, motion: d.motion })),
    studentCount,
  };
}

export type DeepLinkChoiceInput =
  | { kind: 'existing'; assignmentId: string }
  | { kind: 'new'; debateId: string; title: string; mode: Mode; teamCount: number };

/**
 * The chosen (or newly made) assignment as a signed LtiDeepLinkingResponse, and where to post
 * it. Access is the class's teacher's ('assignment.manage'), checked by the functions called.
 */
export async function deepLinkResponse(
  db: Db,
  opts: { userId: string; token: string; choice: DeepLinkChoiceInput },
): Promise<{ returnUrl: string; jwt: string; title: string }> {
  const request = await readDeepLinkRequest(opts.token, opts.userId);
  let assignmentId: string;
  if (opts.choice.kind === 'new') {
    const students = await db.classMember.count({ where: { classId: request.classId } });
    ({ id: assignmentId } = await createAssignment(db, {
      userId: opts.userId,
      classId: request.classId,
      debateId: opts.choice.debateId,
      title: opts.choice.title,
      instructions: '',
      dueAt: null,
      anonymous: false,
      mode: opts.choice.mode,
      teamCount: opts.choice.teamCount,
      // Students arrive from the LMS one by one: with none yet, the teams wait for them.
      teamFill: students === 0 ? 'empty' : 'random',
      sides: 'split',
    }));
  } else {
    assignmentId = opts.choice.assignmentId;
  }
  const { assignment } = await requireAssignmentAccess(
    db,
    opts.userId,
    assignmentId,
    'assignment.manage',
  );
  if (assignment.classId !== request.classId) {
    throw new AppError('INVALID', 'Choose an assignment of this course’s class.');
  }
  const platform = await db.ltiPlatform.findUniqueOrThrow({ where: { id: request.platformId } });
  const { possible } = scoreTotal(parseRubric(assignment.rubric), {});
  const claims = deepLinkingResponse(
    {
      clientId: platform.clientId,
      issuer: platform.issuer,
      deploymentId: request.deploymentId,
      launchUrl: toolUrls().launch,
      data: request.settings.data,
      acceptLineItem: request.settings.acceptLineItem,
    },
    {
      assignmentId: assignment.id,
      title: assignment.title,
      text: 'A debate preparation assignment in Counterpoint.',
      scoreMaximum: possible,
    },
    crypto.randomBytes(16).toString('base64url'),
  );
  const { kid, key } = await signingKey(db);
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
  return { returnUrl: request.settings.returnUrl, jwt, title: assignment.title };
}
