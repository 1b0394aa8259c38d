import 'server-only';
import { db, type Db } from './db';

/**
 * Runs one data function of lib/server on the app's database client:
 * `await withDb(listMyMaps, { userId })` is `listMyMaps(db, { userId })`.
 *
 * Pages, layouts and route handlers (app/) get their data through this and never import the
 * client, so none of them can build a query of its own (eslint.layers.mjs refuses app/ importing
 * lib/server/db, db-client, Prisma or lib/generated, and an inline function passed here). The
 * data functions take the client or a transaction first, so tests and other lib/server code call
 * them directly.
 */
export function withDb<A extends unknown[], R>(read: (client: Db, ...args: A) => R, ...args: A): R {
  return read(db, ...args);
}
