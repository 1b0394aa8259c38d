import 'server-only';
import crypto from 'node:crypto';
import { isRole } from '@/lib/domain/capabilities';
import { lensFor, type Lens, type ShowPerson } from '@/lib/domain/visibility';
import type { ShareOptions } from '@/lib/domain/views';
import { appError } from '@/lib/error-words';
import { displayNamesFor } from './classroom/anonymous';
import { sessionSecret } from './config';
import type { RawSql, Tx } from './db';

/**
 * Applies lib/domain/visibility.ts: the reader's Lens for a map, read from the database (their
 * role, whether a viewer was shown notes, whether they are a student in an anonymous assignment).
 * Every exit that sends a map's contents asks for it here and passes what it sends through it.
 */

/** Who is asking: a signed-in person (whose access the caller has checked), or a view link. */
export type Who = { userId: string } | { link: ShareOptions };

let key: Buffer | null = null;
/** Computed ids, by map and person: a page of a class map asks for each author's on every row. */
const known = new Map<string, string>();
const KNOWN_MAX = 20_000;

/**
 * The id a person has in one map for readers who see pseudonyms: the same in every payload about
 * that map, unrelated to their account id or to their id in any other map, and not computable
 * without the server's secret.
 */
export function pseudonymousId(mapId: string, userId: string): string {
  if (!userId) return '';
  const input = `${mapId}\n${userId}`;
  const seen = known.get(input);
  if (seen) return seen;
  key ??= crypto.createHash('sha256').update(`pseudonyms\n${sessionSecret()}`).digest();
  const id = `anon-${crypto.createHmac('sha256', key).update(input).digest('base64url').slice(0, 22)}`;
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(input, id);
  return id;
}

async function memberOf(tx: RawSql, mapId: string, userId: string) {
  const [row] = await tx.$queryRaw<
    { ownerId: string; role: string | null; includeNotes: boolean | number | null }[]
  >`SELECT m."ownerId", mm."role", mm."includeNotes" FROM "argument_map" m
    LEFT JOIN "map_member" mm ON mm."mapId" = m."id" AND mm."userId" = ${userId}
    WHERE m."id" = ${mapId}`;
  if (!row) return null;
  if (row.ownerId === userId) return { role: 'owner' as const, notes: true };
  return isRole(row.role) ? { role: row.role, notes: Boolean(row.includeNotes) } : null;
}

/** The lens through which `who` sees map `mapId`. */
export async function readerLens(tx: Tx, mapId: string, who: Who): Promise<Lens> {
  if ('link' in who) {
    return lensFor({ kind: 'link', notes: who.link.includeNotes, ownerName: who.link.showName });
  }
  const member = await memberOf(tx, mapId, who.userId);
  if (!member) throw appError('map.gone');
  const names = await displayNamesFor(tx, mapId, who.userId);
  const pseudonym: ShowPerson = (userId, name) => ({
    id: pseudonymousId(mapId, userId),
    name: userId ? names(userId, name) : name,
  });
  return lensFor({ kind: 'member', ...member, anonymous: names.anonymous }, pseudonym);
}
