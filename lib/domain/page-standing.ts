import { accessEnded, seeingChanged, type AccessEnded } from './access-ended';
import type { Role } from './capabilities';
import type { Visibility } from './visibility';

/**
 * What a map page was rendered for: its reader's role (null: a view link), whether the map's
 * class was archived, and what the reader might see. The page sends it when its live stream
 * opens, and the stream compares it with the reader's standing then: a change made between the
 * page's render and its stream's start (a role, an archive, the owner's notes shown or hidden,
 * a link's choices) has no message left to carry it, so it is caught here.
 */
export interface Standing {
  role: Role | null;
  archived: boolean;
  see: Visibility;
}

/** The standing as a short text for the page's address: `role.archived.what-is-seen`. */
export function standingKey({ role, archived, see }: Standing): string {
  const seen = (Object.keys(see) as (keyof Visibility)[])
    .sort()
    .map((k) => (typeof see[k] === 'boolean' ? (see[k] ? '1' : '0') : see[k]))
    .join('-');
  return `${role ?? 'link'}.${archived ? 'a' : 'w'}.${seen}`;
}

/** What a standing key looks like (anything else from a client is ignored). */
export const STANDING_KEY = /^(owner|editor|commenter|viewer|link)\.[aw]\.[a-z0-9-]{1,120}$/;

/**
 * Null when the page's standing (`pageKey`) is the reader's standing now; otherwise what the
 * page tells its reader, in the same words as a change heard while the stream was open.
 */
export function standingChanged(pageKey: string, now: Standing): AccessEnded | null {
  if (pageKey === standingKey(now)) return null;
  if (now.role === null) return accessEnded('link', { signedOut: false, now: 'viewer' });
  const [role, archived] = pageKey.split('.');
  if ((archived === 'a') !== now.archived) {
    return accessEnded('archived', { signedOut: false, now: now.role, archived: now.archived });
  }
  if (role !== now.role) return accessEnded('role', { signedOut: false, now: now.role });
  return seeingChanged('role');
}
