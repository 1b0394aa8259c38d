import 'server-only';
import { ASSIGNMENT_PARAM, type Launch } from '@/lib/domain/lti/claims';
import { LtiRefused } from '@/lib/domain/lti/refusals';
import { classRoleOf, type LtiClassRole } from '@/lib/domain/lti/roles';
import { truncate } from '@/lib/domain/text';
import type { Db, Tx } from '../db';
import { lockNames } from '../locks';
import { addClassMember, lockClass } from '../classroom/classes';
import { provisionNewStudent } from '../classroom/works';
import { accountForLmsPerson } from './accounts';

/**
 * What a verified launch does in Counterpoint, in one transaction: the person's account
 * (lib/server/lti/accounts.ts), the class the course maps to (LtiContext: made by the course's
 * first instructor launch, who becomes its teacher; a learner becomes a student of it), the
 * activity (LtiResourceLink, with the assignment a deep link put in it and its AGS line item),
 * and where the browser goes next.
 */

export interface Provisioned {
  userId: string;
  role: LtiClassRole;
  classId: string;
  /** The LtiContext row (for deep linking and roster sync). */
  contextRowId: string;
  /** Where to send the browser (a path of this app). */
  destination: string;
}

async function classForContext(
  tx: Tx,
  platformId: string,
  launch: Launch,
  userId: string,
  role: LtiClassRole,
) {
  const context = launch.context!;
  await lockNames(tx, [`lti-context:${platformId}:${context.id}`]);
  const services = {
    ...(launch.membershipsUrl ? { membershipsUrl: launch.membershipsUrl } : {}),
    ...(launch.lineItemsUrl ? { lineItemsUrl: launch.lineItemsUrl } : {}),
  };
  const existing = await tx.ltiContext.findUnique({
    where: { platformId_contextId: { platformId, contextId: context.id } },
    select: { id: true, classId: true, class: { select: { teacherId: true } } },
  });
  if (!existing) {
    if (role !== 'teacher') throw new LtiRefused({ reason: 'class-not-ready' });
    const cls = await tx.classroom.create({
      data: { name: truncate(context.title, 100) || 'Course', teacherId: userId, joinCode: null },
      select: { id: true },
    });
    const row = await tx.ltiContext.create({
      data: {
        platformId,
        contextId: context.id,
        classId: cls.id,
        title: context.title,
        ...services,
      },
      select: { id: true },
    });
    return { classId: cls.id, contextRowId: row.id };
  }
  await tx.ltiContext.update({
    where: { id: existing.id },
    data: { title: context.title, ...services },
  });
  if (role === 'teacher') {
    if (existing.class.teacherId !== userId) throw new LtiRefused({ reason: 'other-teacher' });
  } else {
    await joinAsStudent(tx, existing.classId, userId);
  }
  return { classId: existing.classId, contextRowId: existing.id };
}

/** Makes `userId` a student of the class (with their place in its assignments) unless removed. */
export async function joinAsStudent(tx: Tx, classId: string, userId: string): Promise<boolean> {
  await lockClass(tx, classId);
  const member = await tx.classMember.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { userId: true },
  });
  if (member) return false;
  const removed = await tx.classRemoval.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { userId: true },
  });
  if (removed) throw new LtiRefused({ reason: 'removed' });
  const cls = await tx.classroom.findUniqueOrThrow({
    where: { id: classId },
    select: { teacherId: true },
  });
  if (cls.teacherId === userId) return false;
  await addClassMember(tx, classId, userId);
  return true;
}

/** The activity's row, its assignment set from the deep link's custom parameter the first time. */
async function resourceLinkFor(
  tx: Tx,
  platformId: string,
  launch: Launch,
  contextRowId: string,
  classId: string,
) {
  const link = launch.resourceLink!;
  const named = launch.custom[ASSIGNMENT_PARAM];
  const assignment = named
    ? await tx.assignment.findFirst({ where: { id: named, classId }, select: { id: true } })
    : null;
  const existing = await tx.ltiResourceLink.findUnique({
    where: { platformId_resourceLinkId: { platformId, resourceLinkId: link.id } },
  });
  if (!existing) {
    return tx.ltiResourceLink.create({
      data: {
        platformId,
        resourceLinkId: link.id,
        contextId: contextRowId,
        assignmentId: assignment?.id ?? null,
        lineItemUrl: launch.lineItemUrl,
      },
    });
  }
  if (existing.contextId !== contextRowId) {
    // The same id in another course: a resource link id is unique only within a deployment
    // (LTI Core 1.3 §5.3.5). This launch opens what its own custom parameter names in its own
    // class; the other course's link (its assignment, its gradebook column) stays as it is.
    return { assignmentId: assignment?.id ?? null };
  }
  return tx.ltiResourceLink.update({
    where: { id: existing.id },
    data: {
      ...(launch.lineItemUrl ? { lineItemUrl: launch.lineItemUrl } : {}),
      ...(!existing.assignmentId && assignment ? { assignmentId: assignment.id } : {}),
    },
  });
}

/** Where a resource link launch lands: the student's own map of the assignment, or its page. */
async function destinationFor(
  tx: Tx,
  assignmentId: string | null,
  classId: string,
  userId: string,
  role: LtiClassRole,
) {
  if (!assignmentId) return `/classes/${encodeURIComponent(classId)}`;
  if (role === 'student') {
    const find = () =>
      tx.assignmentWork.findFirst({
        where: { assignmentId, members: { some: { userId } } },
        select: { mapId: true },
      });
    let work = await find();
    if (!work) {
      // A student of the class without a place in it (teams were filled by hand before they
      // came): their own map, or a place in the smallest team, as on joining.
      await lockClass(tx, classId);
      await provisionNewStudent(tx, classId, userId);
      work = await find();
    }
    if (work) return `/maps/${encodeURIComponent(work.mapId)}`;
  }
  return `/assignments/${encodeURIComponent(assignmentId)}`;
}

export async function provisionLaunch(
  db: Db,
  platformId: string,
  launch: Launch,
): Promise<Provisioned> {
  const role = classRoleOf(launch.roles);
  if (!role) throw new LtiRefused({ reason: 'role-not-supported', detail: launch.roles.join(' ') });
  if (!launch.context) throw new LtiRefused({ reason: 'no-context' });
  if (launch.messageType === 'LtiDeepLinkingRequest' && role !== 'teacher') {
    throw new LtiRefused({ reason: 'role-not-supported', detail: 'deep linking is for teachers' });
  }
  return db.$transaction(async (tx) => {
    const { userId } = await accountForLmsPerson(tx, platformId, launch.person, role);
    const { classId, contextRowId } = await classForContext(tx, platformId, launch, userId, role);
    if (launch.messageType === 'LtiDeepLinkingRequest') {
      return { userId, role, classId, contextRowId, destination: '' };
    }
    const link = await resourceLinkFor(tx, platformId, launch, contextRowId, classId);
    const destination = await destinationFor(tx, link.assignmentId, classId, userId, role);
    return { userId, role, classId, contextRowId, destination };
  });
}
