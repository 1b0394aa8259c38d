import 'server-only';
import {
  MARK_KIND_INFO,
  isMarkKind,
  mayResolveMark,
  type MarkKind,
  type MarkView,
} from '@/lib/domain/marks';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/domain/capabilities';
import type { Lens } from '@/lib/domain/visibility';
import { isRecordId } from '@/lib/schemas/ids';
import { mapRole, requireMapAccess } from './access';
import type { Db, Tx } from './db';
import { pubsub } from './live/pubsub';
import { notify } from './notifications';
import { sqlDate } from './ops/sql-rows';
import { readerLens } from './visibility';

/**
 * Marks for review (lib/domain/marks.ts). The map's owner and editors ('claim.mark') mark a live
 * claim with a kind and an optional explanation; the claim's author is notified; the mark is open
 * until its author, whoever made it or the map's owner resolves it. Who sees marks is the reader's
 * lens (lib/domain/visibility.ts `marks`): every read here goes through it. After each change the
 * map's live topic says "marks changed" and open tabs that may see them load them again.
 */

/**
 * The open marks on a map's live claims, as this person may see them; null for a reader who may
 * not see marks at all (a commenter, a viewer).
 */
export async function listMarks(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<MarkView[] | null> {
  const { role } = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.read');
  const lens = await readerLens(tx, opts.mapId, { userId: opts.userId });
  return openMarks(tx, { ...opts, role }, lens);
}

/**
 * The same, for a caller that has checked the reader's access and read their lens already (the
 * map's page, lib/server/map-page.ts): one statement.
 */
export async function openMarks(
  tx: Tx,
  opts: { userId: string; mapId: string; role: Role },
  lens: Lens,
): Promise<MarkView[] | null> {
  if (!lens.see.marks) return null;
  const rows = await tx.$queryRaw<
    {
      id: string;
      claimId: string;
      kind: string;
      explanation: string;
      markedById: string;
      markedByName: string;
      createdAt: unknown;
      authorId: string | null;
    }[]
  >`SELECT cm."id", cm."claimId", cm."kind", cm."explanation", cm."markedById",
      u."name" AS "markedByName", cm."createdAt", c."authorId"
    FROM "claim_mark" cm
    JOIN "claim" c ON c."id" = cm."claimId"
    JOIN "user" u ON u."id" = cm."markedById"
    WHERE cm."mapId" = ${opts.mapId} AND cm."resolvedAt" IS NULL AND c."deletedAt" IS NULL
    ORDER BY cm."createdAt" ASC, cm."id" ASC`;
  return rows.flatMap((m): MarkView[] =>
    isMarkKind(m.kind)
      ? [
          {
            id: m.id,
            claimId: m.claimId,
            kind: m.kind,
            explanation: m.explanation,
            byName: lens.person(m.markedById, m.markedByName).name,
            createdAt: sqlDate(m.createdAt)!.toISOString(),
            canResolve: mayResolveMark({
              userId: opts.userId,
              role: opts.role,
              claimAuthorId: m.authorId,
              markedById: m.markedById,
            }),
            forMe: m.authorId === opts.userId,
          },
        ]
      : [],
  );
}

/** Tells the map's open tabs that its marks changed (after the change is committed). */
const marksChanged = (mapId: string) => pubsub().publish(mapId, { type: 'marks' });

/**
 * Marks a live claim for review, as someone with 'claim.mark' in its map. One open mark of each
 * kind per claim; nobody marks their own claim. The claim's author is notified when they may see
 * marks. Returns the map's open marks as the marker sees them.
 */
export async function addMark(
  db: Db,
  opts: { userId: string; mapId: string; claimId: string; kind: MarkKind; explanation: string },
): Promise<MarkView[]> {
  await db.$transaction(async (tx) => {
    await requireMapAccess(tx, opts.userId, opts.mapId, 'claim.mark');
    const claim = await tx.claim.findFirst({
      where: { id: opts.claimId, mapId: opts.mapId, deletedAt: null },
      select: { id: true, authorId: true },
    });
    if (!claim) throw appError('claim.gone');
    if (claim.authorId === opts.userId) {
      throw new AppError(
        'INVALID',
        'You wrote this claim: change it yourself rather than marking it for review.',
      );
    }
    const same = await tx.claimMark.findFirst({
      where: { claimId: claim.id, kind: opts.kind, resolvedAt: null },
      select: { id: true },
    });
    if (same) {
      throw new AppError(
        'CONFLICT',
        `This claim is already marked “${MARK_KIND_INFO[opts.kind].label}”.`,
        'kind',
      );
    }
    const mark = await tx.claimMark.create({
      data: {
        mapId: opts.mapId,
        claimId: claim.id,
        kind: opts.kind,
        explanation: opts.explanation,
        markedById: opts.userId,
      },
      select: { id: true },
    });
    // The author hears of it only where they may see it (not as a commenter or a viewer).
    const author = claim.authorId;
    const sees =
      author !== null &&
      (await readerLens(tx, opts.mapId, { userId: author }).then(
        (lens) => lens.see.marks,
        () => false,
      ));
    if (sees) {
      await notify(tx, {
        userId: author,
        kind: 'mark',
        actorId: opts.userId,
        mapId: opts.mapId,
        claimId: claim.id,
        data: { markKind: opts.kind, markId: mark.id },
      });
    }
  });
  marksChanged(opts.mapId);
  return (await listMarks(db, { userId: opts.userId, mapId: opts.mapId })) ?? [];
}

/**
 * Resolves an open mark: its claim's author (having acted on it), whoever made it, or the map's
 * owner. Resolving one already resolved changes nothing. Returns the map's open marks.
 */
export async function resolveMark(
  db: Db,
  opts: { userId: string; markId: string },
): Promise<{ mapId: string; marks: MarkView[] }> {
  const gone = () =>
    new AppError('NOT_FOUND', 'That mark is gone: its claim may have been deleted.');
  if (!isRecordId(opts.markId)) throw gone();
  const { mapId, changed } = await db.$transaction(async (tx) => {
    const mark = await tx.claimMark.findUnique({
      where: { id: opts.markId },
      select: {
        mapId: true,
        markedById: true,
        resolvedAt: true,
        claim: { select: { authorId: true, deletedAt: true } },
      },
    });
    const role = mark ? await mapRole(tx, opts.userId, mark.mapId) : null;
    // Someone who cannot open the map is not told the mark exists.
    if (!mark || !role) throw gone();
    if (mark.claim.deletedAt) throw appError('claim.gone');
    const allowed = mayResolveMark({
      userId: opts.userId,
      role,
      claimAuthorId: mark.claim.authorId,
      markedById: mark.markedById,
    });
    if (!allowed) {
      throw new AppError(
        'FORBIDDEN',
        'Only the claim’s author, whoever marked it, or the map’s owner can clear this mark.',
      );
    }
    if (mark.resolvedAt) return { mapId: mark.mapId, changed: false };
    await tx.claimMark.update({
      where: { id: opts.markId },
      data: { resolvedAt: new Date(), resolvedById: opts.userId },
    });
    return { mapId: mark.mapId, changed: true };
  });
  if (changed) marksChanged(mapId);
  return { mapId, marks: (await listMarks(db, { userId: opts.userId, mapId })) ?? [] };
}

/** Open marks on live claims, per map (the teacher's dashboard). */
export async function openMarkCounts(tx: Tx, mapIds: string[]): Promise<Map<string, number>> {
  if (mapIds.length === 0) return new Map();
  const groups = await tx.claimMark.groupBy({
    by: ['mapId'],
    where: { mapId: { in: mapIds }, resolvedAt: null, claim: { deletedAt: null } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.mapId, g._count._all]));
}
