import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { redactForLink, type ShareLinkView, type ShareOptions } from '@/lib/domain/views';
import { requireOwnedMap } from './access';
import type { Db, Tx } from './db';
import { copyMap, loadMapView } from './maps';
import { truncate } from '@/lib/domain/text';
import { TITLE_MAX } from '@/lib/schemas/map';

/** 192 random bits, URL-safe: unguessable. */
const newToken = () => crypto.randomBytes(24).toString('base64url');

const LINK = { token: true, includeNotes: true, showName: true } as const;

/**
 * The map's active read-only link, created on first call (sharing twice gives the same link),
 * with what it shows set as given: notes and the owner's name are off unless chosen.
 */
export async function getOrCreateShareLink(
  db: Db,
  opts: { userId: string; mapId: string; options?: Partial<ShareOptions> },
): Promise<ShareLinkView> {
  return db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    const active = await tx.shareLink.findFirst({
      where: { mapId: opts.mapId, revokedAt: null },
      select: { id: true },
    });
    if (active) {
      return tx.shareLink.update({
        where: { id: active.id },
        data: { ...opts.options },
        select: LINK,
      });
    }
    return tx.shareLink.create({
      data: { mapId: opts.mapId, token: newToken(), createdById: opts.userId, ...opts.options },
      select: LINK,
    });
  });
}

/** The map's active link, if any, without creating one. */
export async function findActiveShareLink(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<ShareLinkView | null> {
  await requireOwnedMap(tx, opts.userId, opts.mapId);
  return tx.shareLink.findFirst({ where: { mapId: opts.mapId, revokedAt: null }, select: LINK });
}

/** Revokes the map's link: it stops working at once, and a later share makes a new token. */
export async function revokeShareLink(db: Db, opts: { userId: string; mapId: string }) {
  await db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    await tx.shareLink.updateMany({
      where: { mapId: opts.mapId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  });
}

async function requireActiveLink(tx: Tx, token: string) {
  const link = await tx.shareLink.findUnique({
    where: { token },
    select: { mapId: true, revokedAt: true, includeNotes: true, showName: true },
  });
  if (!link || link.revokedAt) {
    throw new AppError('NOT_FOUND', 'This link does not work: it was revoked or never existed.');
  }
  return link;
}

/**
 * The read-only view behind a share link (anyone with an active link may read it), showing notes
 * and the owner's name only where the owner chose to. Exports through the link use this too.
 */
export async function getSharedMap(tx: Tx, opts: { token: string }) {
  const link = await requireActiveLink(tx, opts.token);
  return redactForLink(await loadMapView(tx, link.mapId), link);
}

/** Copies a shared map into the signed-in user's maps. */
export async function copySharedMap(db: Db, opts: { userId: string; token: string }) {
  const link = await requireActiveLink(db, opts.token);
  const { title } = await db.argumentMap.findUniqueOrThrow({
    where: { id: link.mapId },
    select: { title: true },
  });
  return copyMap(db, {
    sourceMapId: link.mapId,
    ownerId: opts.userId,
    title: truncate(`Copy of ${title}`, TITLE_MAX),
  });
}
