import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { isRole } from '@/lib/domain/capabilities';
import type { MyMapSummary } from '@/lib/domain/people';
import type { MapView, ShareOptions } from '@/lib/domain/views';
import { mapRole, requireMapAccess } from './access';
import { debateView, featuredDebateId } from './debates';
import type { Db, Tx } from './db';
import { lockMap } from './locks';
import { liveLinks } from '@/lib/domain/cross-links';
import { toAnchorView, toClaimView, toLinkView } from './row-views';
import { mapSnapshot } from './map-snapshot';
import { sqlDate, sqlIn } from './ops/sql-rows';
import { insertMapContents, MAP_CONTENTS_TX } from './map-contents';
import { truncate } from '@/lib/domain/text';
import { TITLE_MAX } from '@/lib/schemas/map';
import { seeMap } from '@/lib/domain/visibility';
import { readerLens } from './visibility';

/**
 * "My maps": the user's own maps and the maps shared with them (role: their role in it), most
 * recently changed first; not the maps of assignments, which are listed with their assignment.
 * `shared` says whether an own map has members or an active link.
 */
export async function listMyMaps(tx: Tx, opts: { userId: string }): Promise<MyMapSummary[]> {
  const maps = await tx.argumentMap.findMany({
    where: {
      OR: [{ ownerId: opts.userId }, { members: { some: { userId: opts.userId } } }],
      // An assignment's maps live with the assignment (home page, class and assignment pages).
      work: null,
    },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      title: true,
      updatedAt: true,
      ownerId: true,
      owner: { select: { name: true } },
      _count: { select: { claims: { where: { deletedAt: null } }, members: true } },
      shareLinks: { where: { revokedAt: null }, select: { id: true }, take: 1 },
      members: { where: { userId: opts.userId }, select: { role: true } },
    },
  });
  return maps.flatMap((m): MyMapSummary[] => {
    const role = m.ownerId === opts.userId ? 'owner' : m.members[0]?.role;
    if (!isRole(role)) return [];
    return [
      {
        id: m.id,
        title: m.title,
        updatedAt: m.updatedAt.toISOString(),
        claimCount: m._count.claims,
        shared: role === 'owner' && (m.shareLinks.length > 0 || m._count.members > 0),
        role,
        ownerName: m.owner.name,
      },
    ];
  });
}

/** Starts an empty map on a debate (the featured one when none is named). */
export async function createMap(
  tx: Tx,
  opts: { userId: string; title: string; debateId?: string },
): Promise<{ id: string }> {
  const debateId = opts.debateId
    ? (await tx.debate.findUnique({ where: { id: opts.debateId }, select: { id: true } }))?.id
    : await featuredDebateId(tx);
  if (!debateId)
    throw new AppError('NOT_FOUND', 'There is no debate to map yet. Run the seed first.');
  return tx.argumentMap.create({
    data: { title: opts.title, debateId, ownerId: opts.userId },
    select: { id: true },
  });
}

export async function renameMap(tx: Tx, opts: { userId: string; mapId: string; title: string }) {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'map.rename');
  await tx.argumentMap.update({ where: { id: opts.mapId }, data: { title: opts.title } });
}

export async function deleteMap(tx: Tx, opts: { userId: string; mapId: string }) {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'map.delete');
  await tx.argumentMap.delete({ where: { id: opts.mapId } });
}

/**
 * Copies a map's live claims and quotes into a new map owned by `ownerId`, remembering where it
 * came from. Used by "Duplicate" (own map) and "Make a copy" (a shared map). The comments on
 * those claims come along (new ids, same authors, dates and resolved state) for someone who can
 * read them in the original, the owner or a member; a copy made through a view link, which
 * shows no comments, brings none.
 */
export async function copyMap(
  db: Db,
  opts: {
    sourceMapId: string;
    ownerId: string;
    title: string;
    /** A copy through a view link that hides notes leaves them out. */
    withoutNotes?: boolean;
  },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    // A consistent copy: no edit of the source may land between the reads below.
    await lockMap(tx, opts.sourceMapId, 'share');
    const source = await tx.argumentMap.findUnique({
      where: { id: opts.sourceMapId },
      select: {
        debateId: true,
        claims: { where: { deletedAt: null }, include: { anchors: true } },
        links: true,
      },
    });
    if (!source) throw new AppError('NOT_FOUND', 'That map does not exist any more.');
    const copy = await tx.argumentMap.create({
      data: {
        title: opts.title,
        debateId: source.debateId,
        ownerId: opts.ownerId,
        forkedFromId: opts.sourceMapId,
      },
      select: { id: true },
    });
    const newId = new Map(source.claims.map((c) => [c.id, crypto.randomUUID()]));
    const idOf = (id: string) => newId.get(id)!;
    const claims = source.claims
      .map(toClaimView)
      .map((c) => (opts.withoutNotes ? { ...c, note: '' } : c));
    // Comments are the class's conversation under the original map's access: only its owner's
    // own copy (Duplicate) keeps them; a copy made by anyone else would carry other people's words
    // into a map they no longer control.
    const ownCopy = (await mapRole(tx, opts.ownerId, opts.sourceMapId)) === 'owner';
    const comments = ownCopy
      ? await tx.comment.findMany({
          where: { mapId: opts.sourceMapId, deletedAt: null, claim: { deletedAt: null } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      : [];
    const newCommentId = new Map(comments.map((c) => [c.id, crypto.randomUUID()]));
    await insertMapContents(
      tx,
      copy.id,
      {
        claims: claims.map((c) => ({
          ...c,
          id: idOf(c.id),
          parentId: c.parentId ? idOf(c.parentId) : null,
        })),
        anchors: source.claims.flatMap((c) =>
          c.anchors.map((a) => ({ ...toAnchorView(a), claimId: idOf(c.id) })),
        ),
        links: liveLinks(claims, source.links.map(toLinkView)).map((l) => ({
          ...l,
          id: crypto.randomUUID(),
          fromClaimId: idOf(l.fromClaimId),
          toClaimId: l.toClaimId ? idOf(l.toClaimId) : null,
        })),
        // A reply whose thread was not copied (it cannot be: deleting a thread takes its replies)
        // would hang off nothing, so it is left out.
        comments: comments
          .filter((c) => !c.parentId || newCommentId.has(c.parentId))
          .map((c) => ({
            id: newCommentId.get(c.id)!,
            claimId: idOf(c.claimId),
            parentId: c.parentId ? newCommentId.get(c.parentId)! : null,
            authorId: c.authorId,
            body: c.body,
            createdAt: c.createdAt,
            editedAt: c.editedAt,
            resolvedAt: c.resolvedAt,
            resolvedById: c.resolvedById,
          })),
        authors: ownCopy ? new Map(source.claims.map((c) => [idOf(c.id), c.authorId])) : undefined,
      },
      opts.ownerId,
    );
    return copy;
  }, MAP_CONTENTS_TX);
}

/** Copies a map the user may read ("Duplicate", "Make a copy"): with notes only if they see them. */
export async function duplicateMap(db: Db, opts: { userId: string; mapId: string }) {
  const map = await requireMapAccess(db, opts.userId, opts.mapId, 'map.read');
  const { title } = await db.argumentMap.findUniqueOrThrow({
    where: { id: map.id },
    select: { title: true },
  });
  const lens = await readerLens(db, map.id, { userId: opts.userId });
  return copyMap(db, {
    sourceMapId: map.id,
    ownerId: opts.userId,
    title: truncate(`Copy of ${title}`, TITLE_MAX),
    withoutNotes: !lens.see.notes,
  });
}

/**
 * Who reads a map: a signed-in person, or whoever holds a view link (its row, as
 * lib/server/share-links.ts finds it by its token).
 */
export type MapReader = { userId: string } | { link: ViewLink };

export interface ViewLink extends ShareOptions {
  mapId: string;
  role: string;
  revokedAt: Date | null;
}

const MISSING_MAP = 'That map does not exist (it may have been deleted).';

/**
 * Everything the editor, the brief, an export, the shared view or the grading page shows of a
 * map, as `reader` may see it (lib/domain/visibility.ts). Access is checked here: a person with
 * no role in the map, or a link that is not an active view link to it, is told the map does not
 * exist.
 */
export async function loadMapView(tx: Tx, reader: MapReader, mapId: string): Promise<MapView> {
  if ('userId' in reader) return (await getMapForMember(tx, { userId: reader.userId, mapId })).map;
  const { link } = reader;
  if (link.mapId !== mapId || link.revokedAt || link.role !== 'viewer') {
    throw new AppError('NOT_FOUND', MISSING_MAP);
  }
  const lens = await readerLens(tx, mapId, { link });
  return seeMap(await readMapView(tx, mapId), '', lens);
}

/**
 * A map's whole contents, unredacted: only for the loaders above, after their access check. The
 * debate and the contents at the map's revision are shared by every reader (kept in this process:
 * lib/server/shared-parts.ts, map-snapshot.ts); the title, owner and everyone's names are read
 * now, one small query each.
 */
async function readMapView(tx: Tx, mapId: string): Promise<MapView> {
  // Plain SQL, one statement each: these run for every page of a map (Prisma's query planning
  // cost more than the reading).
  const [map] = await tx.$queryRaw<
    {
      id: string;
      title: string;
      ownerId: string;
      ownerName: string;
      updatedAt: unknown;
      revision: unknown;
      debateId: string;
    }[]
  >`SELECT m."id", m."title", m."ownerId", u."name" AS "ownerName", m."updatedAt", m."revision",
      m."debateId"
    FROM "argument_map" m JOIN "user" u ON u."id" = m."ownerId" WHERE m."id" = ${mapId}`;
  if (!map) throw new AppError('NOT_FOUND', MISSING_MAP);
  const [debate, snapshot, members] = await Promise.all([
    debateView(tx, map.debateId),
    mapSnapshot(tx, mapId, Number(map.revision)),
    tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT u."id", u."name" FROM "map_member" mm JOIN "user" u ON u."id" = mm."userId"
      WHERE mm."mapId" = ${mapId}`,
  ]);
  if (!debate) throw new AppError('NOT_FOUND', MISSING_MAP);
  // The names of the owner, the members and every author (MapAuthors.names), and of whoever
  // wrote a comment (each comment's authorName); those not read above in one more statement.
  const nameOf = new Map([
    [map.ownerId, map.ownerName],
    ...members.map((m) => [m.id, m.name] as const),
  ]);
  const people = new Set(nameOf.keys());
  for (const id of Object.values(snapshot.byClaim)) people.add(id);
  const missing = [...new Set([...people, ...snapshot.comments.map((c) => c.authorId)])].filter(
    (id) => !nameOf.has(id),
  );
  if (missing.length) {
    const users = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "user" WHERE "id" ${sqlIn(missing)}`;
    for (const u of users) nameOf.set(u.id, u.name);
  }
  const names: Record<string, string> = {};
  for (const id of people) {
    const name = nameOf.get(id);
    if (name !== undefined) names[id] = name;
  }
  return {
    id: map.id,
    title: map.title,
    ownerName: map.ownerName,
    updatedAt: sqlDate(map.updatedAt)!.toISOString(),
    revision: snapshot.revision,
    debate,
    claims: snapshot.claims,
    anchors: snapshot.anchors,
    links: snapshot.links,
    comments: snapshot.comments.map((c) => ({ ...c, authorName: nameOf.get(c.authorId) ?? '' })),
    authors: { byClaim: snapshot.byClaim, names },
  };
}

/**
 * The map for anyone who may read it (owner or member), as they may see it, with their role in it
 * and the id they go by in it (a student in an anonymous assignment has a pseudonymous one).
 */
export async function getMapForMember(tx: Tx, opts: { userId: string; mapId: string }) {
  const { role, ownerId, archived } = await requireMapAccess(
    tx,
    opts.userId,
    opts.mapId,
    'map.read',
  );
  const lens = await readerLens(tx, opts.mapId, { userId: opts.userId });
  const map = seeMap(await readMapView(tx, opts.mapId), ownerId, lens);
  return { map, role, archived, selfId: lens.person(opts.userId, '').id, lens };
}
