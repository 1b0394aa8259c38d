import 'server-only';
import { accessEnded, type AccessEnded, type AccessReason } from '@/lib/domain/access-ended';
import { mapStanding } from '../access';
import type { Tx } from '../db';
import { pubsub, type BusMessage } from './pubsub';
import type { LiveReader } from './readers';

/**
 * When access ends, it ends everywhere at once: one rule for every cause (a role changed, removal
 * from a map or a class, a move to another team, a password reset or change, signing out
 * everywhere, a demotion, a revoked link). Whoever changes someone's access calls
 * `accessChanged` after the change commits. A person's change travels on one topic of the live
 * pub/sub (so on PostgreSQL it reaches every app server, through LISTEN/NOTIFY); a link's on its
 * map's topic. Every open stream of that person (or link) then checks its reader's access again
 * from the database (`recheckReader`) and, if it is gone or different, ends with the reason,
 * which the page shows; its presence ends with it. Sessions cached in lib/server/session.ts are
 * dropped on the same message.
 */

/** The pub/sub topic of people's access changes (map topics are map ids, never this). */
export const ACCESS_TOPIC = '#access';

/** More maps than this and the message names none: every stream of the person checks. */
const MAX_MAP_IDS = 50;

export type AccessChange =
  | { userId: string; reason: AccessReason; mapIds?: string[] }
  | { linkId: string; mapId: string; reason: 'link' };

/** Tells every app server that these people's (or links') access changed. Call after commit. */
export function accessChanged(...changes: AccessChange[]) {
  const live = pubsub();
  for (const change of changes) {
    if ('linkId' in change) {
      live.publish(change.mapId, { type: 'access', linkId: change.linkId, reason: 'link' });
      continue;
    }
    const mapIds = change.mapIds && change.mapIds.length <= MAX_MAP_IDS ? change.mapIds : null;
    live.publish(ACCESS_TOPIC, {
      type: 'access',
      userId: change.userId,
      reason: change.reason,
      ...(mapIds ? { mapIds } : {}),
    });
  }
}

type AccessMessage = Extract<BusMessage, { type: 'access' }>;

/** Calls `listener` for every access change of anyone (the session cache, the streams). */
export function onAccessChanged(listener: (message: AccessMessage) => void): () => void {
  return pubsub().subscribe(ACCESS_TOPIC, (message) => {
    if (message.type === 'access') listener(message);
  });
}

/** Whether an access message is about this reader of this map. */
export function concerns(message: AccessMessage, reader: LiveReader, mapId: string): boolean {
  if (reader.kind === 'link') return message.linkId === reader.linkId;
  if (message.userId !== reader.userId) return false;
  return !message.mapIds || message.mapIds.includes(mapId);
}

/**
 * A stream's reader checked again, from the database: null when nothing changed for them,
 * otherwise why their stream ends.
 */
export async function recheckReader(
  tx: Tx,
  reader: LiveReader,
  mapId: string,
  reason: AccessReason,
): Promise<AccessEnded | null> {
  if (reader.kind === 'link') {
    const link = await tx.shareLink.findUnique({
      where: { id: reader.linkId },
      select: { revokedAt: true, mapId: true, includeNotes: true, showName: true },
    });
    if (!link || link.revokedAt || link.mapId !== mapId) {
      return accessEnded('link', { signedOut: false, now: null });
    }
    const same =
      link.includeNotes === reader.options.includeNotes &&
      link.showName === reader.options.showName;
    return same ? null : accessEnded('link', { signedOut: false, now: 'viewer' });
  }
  if (reader.session) {
    const session = await tx.session.findUnique({
      where: { token: reader.session },
      select: { userId: true, expiresAt: true },
    });
    if (!session || session.userId !== reader.userId || session.expiresAt <= new Date()) {
      return accessEnded(reason, { signedOut: true });
    }
  }
  const { role: now, archived } = await mapStanding(tx, reader.userId, mapId);
  if (now === null) return accessEnded(reason, { signedOut: false, now });
  // Archived or back: said as such even where the role stays (someone who only views anyway).
  if (reader.archived !== undefined && archived !== reader.archived)
    return accessEnded('archived', { signedOut: false, now, archived });
  if (reader.role && now !== reader.role) return accessEnded(reason, { signedOut: false, now });
  return null;
}
