import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { isRole } from '@/lib/domain/capabilities';
import type { MyMapSummary } from '@/lib/domain/people';
import type { MapView, ShareOptions } from '@/lib/domain/views';
import { mapRole, requireMapAccess } from './access';
import { debateInclude, featuredDebateId, toDebateView } from './debates';
import type { Db, Tx } from './db';
import { lockMap } from './locks';
import { readAuthors } from './map-authors';
import { liveLinks } from '@/lib/domain/cross-links';
import { toAnchorView, toClaimView, toLinkView } from './row-views';
import { insertMapContents, MAP_CONTENTS_TX } from './map-contents';
import { listComments } from './ops/comment-ops';
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

/** A map's whole contents, unredacted: only for the loaders above, after their access check. */
async function readMapView(tx: Tx, mapId: string): Promise<MapView> {
  const map = await tx.argumentMap.findUnique({
    where: { id: mapId },
    select: {
      id: true,
      title: true,
      ownerId: true,
      updatedAt: true,
      revision: true,
      debate: { include: debateInclude },
      owner: { select: { name: true } },
      claims: {
        where: { deletedAt: null },
        orderBy: [{ thesisId: 'asc' }, { orderKey: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          thesisId: true,
          parentId: true,
          stance: true,
          orderKey: true,
          text: true,
          note: true,
          strength: true,
          version: true,
          authorId: true,
        },
      },
      links: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!map) throw new AppError('NOT_FOUND', MISSING_MAP);
  const claims = map.claims.map(toClaimView);
  // The quotes by a join on the map, not by an IN list of every claim's id (10,000 of them in a
  // big map), then in the claims' order, each claim's in the order they were made.
  const place = new Map(claims.map((c, i) => [c.id, i]));
  const [anchorRows, authors] = await Promise.all([
    tx.anchor.findMany({
      where: { claim: { mapId, deletedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    readAuthors(tx, mapId, map.ownerId, map.claims),
  ]);
  const anchors = anchorRows.sort(
    (a, b) => (place.get(a.claimId) ?? 0) - (place.get(b.claimId) ?? 0),
  );
  return {
    id: map.id,
    title: map.title,
    ownerName: map.owner.name,
    updatedAt: map.updatedAt.toISOString(),
    revision: map.revision,
    debate: toDebateView(map.debate),
    claims,
    anchors: anchors.map(toAnchorView),
    links: liveLinks(claims, map.links.map(toLinkView)),
    comments: await listComments(tx, map.id),
    authors,
  };
}

/**
 * The map for anyone who may read it (owner or member), as they may see it, with their role in it
 * and the id they go by in it (a student in an anonymous assignment has a pseudonymous one).
 */
export async function getMapForMember(tx: Tx, opts: { userId: string; mapId: string }) {
  const { role, ownerId } = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.read');
  const lens = await readerLens(tx, opts.mapId, { userId: opts.userId });
  const map = seeMap(await readMapView(tx, opts.mapId), ownerId, lens);
  return { map, role, selfId: lens.person(opts.userId, '').id };
}
