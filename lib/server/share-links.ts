import 'server-only';
import crypto from 'node:crypto';
import type { MemberRole, Role } from '@/lib/domain/capabilities';
import { standingKey } from '@/lib/domain/page-standing';
import { atLeast, isMemberRole, type JoinLinkView, type RoleLinkView } from '@/lib/domain/people';
import { truncate } from '@/lib/domain/text';
import type { ShareLinkView, ShareOptions } from '@/lib/domain/views';
import { visibility } from '@/lib/domain/visibility';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { isLinkToken } from '@/lib/schemas/ids';
import { TITLE_MAX } from '@/lib/schemas/map';
import { archivedError } from '@/lib/domain/classroom/archive';
import { mapStanding, requireMapAccess } from './access';
import type { Db, Tx } from './db';
import { sqlDate } from './ops/sql-rows';
import { lockMap } from './locks';
import { accessChanged } from './live/access';
import { notify } from './notifications';
import { copyMap, loadMapView } from './maps';

/**
 * Links to a map, one active link per role. A viewer link shows the map read-only to anyone who
 * holds it (/s/<token>), signed in or not. A commenter or editor link shows nothing by itself:
 * the signed-in person who opens it joins the map with that role, and revoking the link removes
 * everyone who joined through it.
 */

/** 192 random bits, URL-safe: unguessable. */
const newToken = () => crypto.randomBytes(24).toString('base64url');

const LINK = { token: true, includeNotes: true, showName: true } as const;

/**
 * The map's active link for `role` (viewer when not given), created on first call: sharing twice
 * gives the same link. For a viewer link, what it shows is set as given (notes and the owner's
 * name are off unless chosen); a change closes the live streams of pages open on it, so they
 * reload showing only what the link shows now.
 */
export async function getOrCreateShareLink(
  db: Db,
  opts: { userId: string; mapId: string; role?: MemberRole; options?: Partial<ShareOptions> },
): Promise<ShareLinkView> {
  const role = opts.role ?? 'viewer';
  // Members see what their role shows; these choices are only for the anonymous page.
  const options = role === 'viewer' ? (opts.options ?? {}) : {};
  const { link, changed } = await db.$transaction(async (tx) => {
    // One active link per role: two people sharing at once must not both create one.
    await lockMap(tx, opts.mapId);
    await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
    const active = await tx.shareLink.findFirst({
      where: { mapId: opts.mapId, role, revokedAt: null },
      select: { id: true, includeNotes: true, showName: true },
    });
    if (active) {
      const changes = (Object.keys(options) as (keyof ShareOptions)[]).some(
        (key) => options[key] !== undefined && options[key] !== active[key],
      );
      const link = await tx.shareLink.update({
        where: { id: active.id },
        data: options,
        select: LINK,
      });
      return { link, changed: changes ? active.id : null };
    }
    const link = await tx.shareLink.create({
      data: { mapId: opts.mapId, role, token: newToken(), createdById: opts.userId, ...options },
      select: LINK,
    });
    return { link, changed: null };
  });
  if (changed) accessChanged({ linkId: changed, mapId: opts.mapId, reason: 'link' });
  return link;
}

/** The map's active viewer link, if any, without creating one. */
export async function findActiveShareLink(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<ShareLinkView | null> {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
  return viewerLinkOf(tx, opts.mapId);
}

/** The same, for a caller that has checked 'map.share' already (the map's page). */
export function viewerLinkOf(tx: Tx, mapId: string): Promise<ShareLinkView | null> {
  return tx.shareLink.findFirst({
    where: { mapId, role: 'viewer', revokedAt: null },
    select: LINK,
  });
}

/** The map's active links, one per role at most, with how many people joined through each. */
export async function listShareLinks(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<RoleLinkView[]> {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
  const rows = await tx.shareLink.findMany({
    where: { mapId: opts.mapId, revokedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { ...LINK, role: true, _count: { select: { members: true } } },
  });
  return rows.flatMap(({ _count, role, ...link }): RoleLinkView[] =>
    isMemberRole(role) ? [{ ...link, role, joined: _count.members }] : [],
  );
}

/**
 * Revokes the map's link for `role` (viewer when not given): it stops working at once, a later
 * share makes a new token, and the people who joined through it lose their access. Pages open on
 * the link, and those people's pages, are told at once.
 */
export async function revokeShareLink(
  db: Db,
  opts: { userId: string; mapId: string; role?: MemberRole },
): Promise<{ removed: number }> {
  const role = opts.role ?? 'viewer';
  const { linkIds, userIds } = await db.$transaction(async (tx) => {
    await lockMap(tx, opts.mapId);
    await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
    const links = await tx.shareLink.findMany({
      where: { mapId: opts.mapId, role, revokedAt: null },
      select: { id: true },
    });
    const linkIds = links.map((l) => l.id);
    if (linkIds.length === 0) return { linkIds, userIds: [] };
    const joined = { mapId: opts.mapId, viaLinkId: { in: linkIds } };
    const members = await tx.mapMember.findMany({ where: joined, select: { userId: true } });
    await tx.mapMember.deleteMany({ where: joined });
    await tx.shareLink.updateMany({
      where: { id: { in: linkIds } },
      data: { revokedAt: new Date() },
    });
    return { linkIds, userIds: members.map((m) => m.userId) };
  });
  accessChanged(
    ...linkIds.map((linkId) => ({ linkId, mapId: opts.mapId, reason: 'link' as const })),
    ...userIds.map((userId) => ({ userId, reason: 'removed' as const, mapIds: [opts.mapId] })),
  );
  return { removed: userIds.length };
}

/** The active (not revoked) share link with this token, or the dead-link refusal. */
export async function requireActiveLink(tx: Tx, token: string) {
  const link = await readLink(tx, token);
  if (!link || link.revokedAt) throw appError('shareLink.dead');
  return link;
}

/**
 * A link by its token with its map's title and owner's name, in one plain statement (every open
 * of a shared page reads it); null for a malformed or unknown token.
 */
async function readLink(tx: Tx, token: string) {
  if (!isLinkToken(token)) return null;
  const [row] = await tx.$queryRaw<
    {
      id: string;
      mapId: string;
      role: string;
      revokedAt: unknown;
      includeNotes: unknown;
      showName: unknown;
      title: string;
      ownerName: string;
      revision: unknown;
    }[]
  >`SELECT l."id", l."mapId", l."role", l."revokedAt", l."includeNotes", l."showName",
      m."title", u."name" AS "ownerName", m."revision"
    FROM "share_link" l
    JOIN "argument_map" m ON m."id" = l."mapId"
    JOIN "user" u ON u."id" = m."ownerId"
    WHERE l."token" = ${token}`;
  if (!row) return null;
  // SQLite answers booleans as 0 or 1, PostgreSQL as booleans.
  return {
    ...row,
    revokedAt: sqlDate(row.revokedAt),
    includeNotes: Boolean(row.includeNotes),
    showName: Boolean(row.showName),
    revision: Number(row.revision),
  };
}

/**
 * Everything a view link's page shows that can change without the debate changing, in the one
 * statement above: the map's revision (raised by every change to its contents), its title, the
 * link's choices and, where the link shows it, the owner's name. Null unless the link is an
 * active viewer link. lib/server/kept-page.ts keys whole pages by it.
 */
export async function viewLinkState(tx: Tx, token: string) {
  const link = await readLink(tx, token);
  if (!link || link.revokedAt || link.role !== 'viewer') return null;
  return {
    mapId: link.mapId,
    revision: link.revision,
    title: link.title,
    includeNotes: link.includeNotes,
    showName: link.showName,
    ownerName: link.showName ? link.ownerName : null,
  };
}

/** What a view link's page is rendered for (lib/domain/page-standing.ts): the link's choices. */
export function linkStanding(link: { includeNotes: boolean; showName: boolean }): string {
  const see = visibility({ kind: 'link', notes: link.includeNotes, ownerName: link.showName });
  return standingKey({ role: null, archived: false, see });
}

/** An active viewer link: only those show the map to whoever holds them. */
async function requireViewLink(tx: Tx, token: string) {
  const link = await requireActiveLink(tx, token);
  if (link.role !== 'viewer') {
    throw new AppError(
      'NOT_FOUND',
      'This link adds people to the map rather than showing it: open it and sign in to join.',
    );
  }
  return link;
}

/**
 * The read-only view behind a viewer link (anyone with an active one may read it), showing notes
 * and the owner's name only where the owner chose to. Exports through the link use this too.
 */
export async function getSharedMap(tx: Tx, opts: { token: string }) {
  const link = await requireViewLink(tx, opts.token);
  return loadMapView(tx, { link }, link.mapId);
}

/** The page at /s/<token>: the map, and what it is rendered for (compared by its live stream). */
export async function getSharedMapPage(tx: Tx, opts: { token: string }) {
  const link = await requireViewLink(tx, opts.token);
  const map = await loadMapView(tx, { link }, link.mapId);
  return { map, seen: linkStanding(link) };
}

/** Copies a map shared by a viewer link into the signed-in user's maps. */
export async function copySharedMap(db: Db, opts: { userId: string; token: string }) {
  const link = await requireViewLink(db, opts.token);
  const { title } = await db.argumentMap.findUniqueOrThrow({
    where: { id: link.mapId },
    select: { title: true },
  });
  return copyMap(db, {
    sourceMapId: link.mapId,
    ownerId: opts.userId,
    title: truncate(`Copy of ${title}`, TITLE_MAX),
    withoutNotes: !link.includeNotes,
  });
}

/**
 * What an active commenter or editor link invites to (the map's title and owner's name, shown to
 * whoever holds the link so they know what they are joining); null for a viewer link, or a
 * revoked or unknown one.
 */
export async function findJoinLink(tx: Tx, opts: { token: string }): Promise<JoinLinkView | null> {
  const link = await readLink(tx, opts.token);
  if (!link || link.revokedAt || (link.role !== 'commenter' && link.role !== 'editor')) {
    return null;
  }
  return { mapId: link.mapId, role: link.role, title: link.title, ownerName: link.ownerName };
}

type Joined = { mapId: string; role: Role; raised: boolean };

/**
 * Makes the signed-in user a member through an active commenter or editor link. A role is never
 * lowered and the owner stays owner: someone who may already do as much keeps what they have.
 * Someone raised by the link is tied to it from then on (revoking it removes them).
 */
export async function joinViaLink(
  db: Db,
  opts: { userId: string; token: string },
): Promise<{ mapId: string; role: Role }> {
  const { raised, ...joined } = await db.$transaction(async (tx): Promise<Joined> => {
    // Read again once the map is locked: a revoke that committed meanwhile is seen.
    await lockMap(tx, (await requireActiveLink(tx, opts.token)).mapId);
    const link = await requireActiveLink(tx, opts.token);
    const role = link.role;
    if (role !== 'commenter' && role !== 'editor') {
      throw new AppError(
        'INVALID',
        'This is a read-only link: open it to read the map. It does not add you to the map.',
      );
    }
    const { role: current, archived } = await mapStanding(tx, opts.userId, link.mapId);
    // A map of an archived class takes no one in: it is read-only.
    if (archived) throw archivedError();
    if (current && atLeast(current, role)) {
      return { mapId: link.mapId, role: current, raised: false };
    }
    const key = { mapId_userId: { mapId: link.mapId, userId: opts.userId } };
    await tx.mapMember.upsert({
      where: key,
      create: { mapId: link.mapId, userId: opts.userId, role, viaLinkId: link.id },
      update: { role, viaLinkId: link.id },
    });
    // Someone new in the map: its owner hears of it (the bell).
    const map = await tx.argumentMap.findUnique({
      where: { id: link.mapId },
      select: { ownerId: true },
    });
    if (current === null && map) {
      await notify(tx, {
        userId: map.ownerId,
        kind: 'joined-map',
        actorId: opts.userId,
        mapId: link.mapId,
        data: { role },
      });
    }
    return { mapId: link.mapId, role, raised: current !== null };
  });
  if (raised) accessChanged({ userId: opts.userId, reason: 'role', mapIds: [joined.mapId] });
  return joined;
}
