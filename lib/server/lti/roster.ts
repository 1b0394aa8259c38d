import 'server-only';
import { LtiRefused } from '@/lib/domain/lti/refusals';
import {
  nextPage,
  NRPS_MEDIA_TYPE,
  readMembership,
  type RosterMember,
} from '@/lib/domain/lti/nrps';
import { AppError } from '@/lib/errors';
import type { Db } from '../db';
import { requireClassAccess } from '../classroom/access';
import { accountForLmsPerson } from './accounts';
import { joinAsStudent } from './provision';
import { NRPS_SCOPE, serviceToken } from './service-token';

/**
 * "Sync roster from the LMS" (Names and Role Provisioning Services 2.0): the course's active
 * learners become students of its class, each with the account their LMS id is linked to (made
 * if none). Nobody is removed by a sync (a learner who left the course keeps their work until the
 * teacher removes them), and a student the teacher removed is not added back.
 */

const MAX_PAGES = 50;

async function fetchMembers(platformId: string, url: string): Promise<RosterMember[]> {
  const token = await serviceToken(platformId, [NRPS_SCOPE]);
  const members: RosterMember[] = [];
  let next: string | null = url;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const response: Response = await fetch(next, {
      headers: { Authorization: `Bearer ${token}`, Accept: NRPS_MEDIA_TYPE },
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`The LMS refused the roster (${response.status}).`);
    members.push(...readMembership(await response.json()));
    next = nextPage(response.headers.get('link'), next);
  }
  return members;
}

export interface RosterSync {
  added: number;
  already: number;
  /** Students the teacher removed, left out. */
  removed: number;
}

async function syncContext(db: Db, contextRowId: string): Promise<RosterSync> {
  const context = await db.ltiContext.findUniqueOrThrow({ where: { id: contextRowId } });
  if (!context.membershipsUrl) {
    throw new AppError(
      'CONFLICT',
      'The LMS has not offered this course’s roster (Names and Role Provisioning) to Counterpoint. Check that the service is enabled for the tool in the LMS, then open Counterpoint from the course once.',
    );
  }
  let members: RosterMember[];
  try {
    members = await fetchMembers(context.platformId, context.membershipsUrl);
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `Could not read the roster from the LMS: ${error instanceof Error ? error.message : error}`,
    );
  }
  const result: RosterSync = { added: 0, already: 0, removed: 0 };
  for (const member of members.filter((m) => m.role === 'student')) {
    try {
      const joined = await db.$transaction(async (tx) => {
        const { userId } = await accountForLmsPerson(
          tx,
          context.platformId,
          member.person,
          'student',
        );
        return joinAsStudent(tx, context.classId, userId);
      });
      if (joined) result.added++;
      else result.already++;
    } catch (error) {
      if (error instanceof LtiRefused && error.refusal.reason === 'removed') result.removed++;
      else throw error;
    }
  }
  return result;
}

/** The teacher's sync of one class (every LMS course linked to it). */
export async function syncRoster(
  db: Db,
  opts: { userId: string; classId: string },
): Promise<RosterSync> {
  await requireClassAccess(db, opts.userId, opts.classId, 'class.manage');
  const contexts = await db.ltiContext.findMany({
    where: { classId: opts.classId },
    select: { id: true },
  });
  if (contexts.length === 0) {
    throw new AppError('NOT_FOUND', 'This class is not linked to an LMS course.');
  }
  const total: RosterSync = { added: 0, already: 0, removed: 0 };
  for (const { id } of contexts) {
    const one = await syncContext(db, id);
    total.added += one.added;
    total.already += one.already;
    total.removed += one.removed;
  }
  return total;
}

/** Whether the class is linked to an LMS course whose roster can be read (for its teacher). */
export async function lmsRosterAvailable(
  db: Db,
  opts: { userId: string; classId: string },
): Promise<boolean> {
  await requireClassAccess(db, opts.userId, opts.classId, 'assignment.review');
  const n = await db.ltiContext.count({
    where: { classId: opts.classId, membershipsUrl: { not: null } },
  });
  return n > 0;
}

/** After an instructor's launch: the roster is read without holding up their page. */
export function syncRosterInBackground(db: Db, opts: { contextRowId: string }) {
  void syncContext(db, opts.contextRowId).catch((error) => {
    console.warn(`LTI roster sync failed: ${error instanceof Error ? error.message : error}`);
  });
}
