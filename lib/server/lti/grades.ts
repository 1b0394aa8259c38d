import 'server-only';
import { parseRubric, parseScores, scoreTotal } from '@/lib/domain/classroom/rubric';
import type { Tx } from '../db';
import { enqueue } from '../outbox';

/**
 * A work's grade released, changed while released, or withdrawn: for every LMS activity (resource
 * link) of its assignment, an 'lti-score' delivery (lib/server/lti/score-delivery.ts) for each
 * of the work's students who came from that LMS, written in the caller's transaction (so it is
 * sent exactly when the release is committed). A release with no scores (feedback only) sends
 * nothing; a withdrawal clears the LMS's result.
 */
export async function ltiGradeChanged(
  tx: Tx,
  opts: { workId: string; released: boolean; now?: Date },
): Promise<number> {
  const work = await tx.assignmentWork.findUniqueOrThrow({
    where: { id: opts.workId },
    select: {
      assignmentId: true,
      assignment: { select: { title: true, rubric: true } },
      members: { select: { userId: true } },
      grade: { select: { scores: true } },
    },
  });
  const links = await tx.ltiResourceLink.findMany({
    where: { assignmentId: work.assignmentId },
    select: {
      id: true,
      platformId: true,
      resourceLinkId: true,
      lineItemUrl: true,
      context: { select: { lineItemsUrl: true } },
    },
  });
  if (links.length === 0 || work.members.length === 0) return 0;
  const rubric = parseRubric(work.assignment.rubric);
  const scores = parseScores(work.grade?.scores);
  const scored = rubric.some((c) => typeof scores[c.id] === 'number');
  const { earned, possible } = scoreTotal(rubric, scores);
  if (opts.released && (!scored || possible <= 0)) return 0;
  const people = await tx.ltiUser.findMany({
    where: {
      userId: { in: work.members.map((m) => m.userId) },
      platformId: { in: links.map((l) => l.platformId) },
    },
    select: { platformId: true, sub: true },
  });
  const timestamp = (opts.now ?? new Date()).toISOString();
  let count = 0;
  for (const link of links) {
    if (!link.lineItemUrl && !link.context.lineItemsUrl) continue;
    for (const person of people.filter((p) => p.platformId === link.platformId)) {
      await enqueue(
        tx,
        'lti-score',
        {
          platformId: link.platformId,
          lineItemUrl: link.lineItemUrl ?? '',
          ...(link.lineItemUrl
            ? {}
            : {
                createLineItem: {
                  resourceLinkRowId: link.id,
                  resourceLinkId: link.resourceLinkId,
                  lineItemsUrl: link.context.lineItemsUrl!,
                  label: work.assignment.title,
                  resourceId: work.assignmentId,
                },
              }),
          userSub: person.sub,
          scoreGiven: opts.released ? earned : null,
          scoreMaximum: possible,
          timestamp,
        },
        { subjectKey: `lti-score:${opts.workId}` },
      );
      count++;
    }
  }
  return count;
}
