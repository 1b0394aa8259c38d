import 'server-only';
import type { Role } from '@/lib/domain/capabilities';
import type { Lens } from '@/lib/domain/visibility';
import type { ShareOptions } from '@/lib/domain/views';
import { appError } from '@/lib/error-words';
import { requireActiveLink } from '../share-links';
import { requireMapAccess } from '../access';
import type { Tx } from '../db';
import { getCurrentUser, sessionTokenOf } from '../session';
import { readerLens } from '../visibility';

/** Who is watching a map: a signed-in person who may read it, or whoever holds a view link. */
export type LiveReader =
  | {
      kind: 'user';
      userId: string;
      name: string;
      /** Their role when the stream opened, and their session's token: checked again when access changes. */
      role?: Role;
      /** Whether the map's class was archived when the stream opened. */
      archived?: boolean;
      session?: string | null;
    }
  | { kind: 'link'; linkId: string; options: ShareOptions };

/**
 * The reader of a live stream or catch-up request: `?link=<token>` for a view link (the page at
 * /s/<token>), otherwise the session's user, who must be able to read the map.
 */
export async function requireLiveReader(
  tx: Tx,
  request: Request,
  mapId: string,
): Promise<LiveReader> {
  const token = new URL(request.url).searchParams.get('link');
  if (token) {
    const link = await requireActiveLink(tx, token);
    if (link.mapId !== mapId || link.role !== 'viewer') throw appError('shareLink.dead');
    return {
      kind: 'link',
      linkId: link.id,
      options: { includeNotes: link.includeNotes, showName: link.showName },
    };
  }
  const user = await getCurrentUser(request.headers);
  if (!user) throw appError('session.ended');
  return userReader(tx, user, mapId, await sessionTokenOf(request.headers));
}

/** A signed-in reader of the map, with their standing in it now (they must be able to read it). */
export async function userReader(
  tx: Tx,
  user: { id: string; name: string },
  mapId: string,
  session: string | null,
): Promise<LiveReader> {
  const { role, archived } = await requireMapAccess(tx, user.id, mapId, 'map.read');
  return { kind: 'user', userId: user.id, name: user.name, role, archived, session };
}

/** What this reader may see of the map (lib/domain/visibility.ts). */
export function lensOfLiveReader(tx: Tx, mapId: string, reader: LiveReader): Promise<Lens> {
  return readerLens(tx, mapId, reader.kind === 'link' ? { link: reader.options } : reader);
}
