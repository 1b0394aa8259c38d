import 'server-only';
import { accountOf } from './classroom/access';
import { listClasses } from './classroom/classes';
import type { Tx } from './db';
import { createMap, listMyMaps } from './maps';

/**
 * Where someone lands after signing in or up when no page asked for them: a teacher on their
 * classes; a student in a class on the home page, where their assignments are listed first;
 * anyone else on My maps. `newMap`: straight after sign-up from the debate page, a student with
 * no map yet lands in a new map of it (made once: a second visit finds the map and goes to My maps).
 */
export async function landingFor(
  tx: Tx,
  userId: string,
  opts: { newMap?: boolean } = {},
): Promise<string> {
  const account = await accountOf(tx, userId);
  if (account.kind === 'teacher') return '/classes';
  const classes = await listClasses(tx, userId);
  if (classes.attending.length > 0) return '/';
  if (opts.newMap && (await listMyMaps(tx, { userId })).length === 0) {
    const map = await createMap(tx, { userId, title: 'My debate map' });
    return `/maps/${map.id}`;
  }
  return '/maps';
}
