import 'server-only';
import {
  workContributions,
  type ContributionInput,
  type PersonContribution,
} from '@/lib/domain/classroom/contributions';
import { groupBy } from '@/lib/domain/group-by';
import type { Tx } from '../db';
import { toTreeNode } from './review-parts';

/**
 * Who did what in each piece of work of an assignment (lib/domain/classroom/contributions.ts says
 * what each number means), for the teacher's dashboard and its CSV (dashboard.ts, which checks
 * 'assignment.review' first and loads the claims, quotes and comments of every work at once).
 * This adds what the operation log says, for all the works' maps in two grouped queries, and the
 * names of anyone who is not a member, in one more when there is someone.
 */

/** What the operation log says about a set of maps: counts per person and kind, and quotes made. */
export interface OperationActivity {
  operations: {
    mapId: string;
    actorId: string;
    kind: string;
    _count: { _all: number };
    _max: { createdAt: Date | null };
  }[];
  quoteAdds: { mapId: string; actorId: string; anchorId: string; at: Date }[];
}

const anchorIdOf = (op: string | null): string | null => {
  try {
    const parsed: unknown = op ? JSON.parse(op) : null;
    const id = (parsed as { anchorId?: unknown } | null)?.anchorId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
};

/** The applied operations of these maps, counted per map, person and kind; and who quoted what. */
export async function operationActivity(tx: Tx, mapIds: string[]): Promise<OperationActivity> {
  const applied = { mapId: { in: mapIds }, revision: { gt: 0 } };
  const [operations, adds] = await Promise.all([
    tx.mapOperation.groupBy({
      by: ['mapId', 'actorId', 'kind'],
      where: applied,
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    tx.mapOperation.findMany({
      where: { ...applied, kind: 'anchor.add' },
      select: { mapId: true, actorId: true, op: true, createdAt: true },
    }),
  ]);
  const quoteAdds = adds.flatMap((a) => {
    const anchorId = anchorIdOf(a.op);
    return anchorId ? [{ mapId: a.mapId, actorId: a.actorId, anchorId, at: a.createdAt }] : [];
  });
  return { operations, quoteAdds };
}

export interface ContributionRows {
  teacherId: string;
  works: { id: string; mapId: string; members: { userId: string; user: { name: string } }[] }[];
  claims: {
    id: string;
    mapId: string;
    thesisId: string;
    parentId: string | null;
    stance: string;
    orderKey: string;
    authorId: string | null;
    text: string;
  }[];
  anchors: { id: string; claimId: string; claim: { mapId: string } }[];
  comments: { mapId: string; claimId: string; authorId: string; createdAt: Date }[];
  activity: OperationActivity;
}

/** Each work's people and what they did, by work id (real names: the teacher's view). */
export async function contributionsByWork(
  tx: Tx,
  rows: ContributionRows,
): Promise<Record<string, PersonContribution[]>> {
  const { works, claims, anchors, comments, activity } = rows;
  const known = new Set(works.flatMap((w) => w.members.map((m) => m.userId)));
  const others = new Set<string>();
  const note = (id: string | null) => {
    if (id && !known.has(id)) others.add(id);
  };
  for (const c of claims) note(c.authorId);
  for (const c of comments) note(c.authorId);
  for (const o of activity.operations) note(o.actorId);
  const names = new Map(
    others.size === 0
      ? []
      : (
          await tx.user.findMany({
            where: { id: { in: [...others] } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name]),
  );

  const claimsBy = groupBy(claims, (c) => c.mapId);
  const anchorsBy = groupBy(anchors, (a) => a.claim.mapId);
  const commentsBy = groupBy(comments, (c) => c.mapId);
  const opsBy = groupBy(activity.operations, (o) => o.mapId);
  const quotesBy = groupBy(activity.quoteAdds, (q) => q.mapId);
  const out: Record<string, PersonContribution[]> = {};
  for (const w of works) {
    const input: ContributionInput = {
      members: w.members.map((m) => ({ userId: m.userId, name: m.user.name })),
      teacherId: rows.teacherId,
      names,
      claims: (claimsBy.get(w.mapId) ?? []).map((c) => ({
        ...toTreeNode(c),
        authorId: c.authorId,
        text: c.text,
      })),
      anchors: anchorsBy.get(w.mapId) ?? [],
      quoteAdds: quotesBy.get(w.mapId) ?? [],
      comments: commentsBy.get(w.mapId) ?? [],
      operations: (opsBy.get(w.mapId) ?? []).flatMap((o) =>
        o._max.createdAt
          ? [
              {
                actorId: o.actorId,
                kind: o.kind,
                count: o._count._all,
                lastAt: o._max.createdAt,
              },
            ]
          : [],
      ),
    };
    out[w.id] = workContributions(input);
  }
  return out;
}
