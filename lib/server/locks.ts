import 'server-only';
import { provider, type Tx } from './db';

/**
 * Making read-then-write transactions correct on both databases.
 *
 * SQLite runs every write transaction alone (BEGIN IMMEDIATE takes the one write lock before the
 * first statement, lib/server/sqlite-adapter.ts), so what a transaction reads cannot change under
 * it. PostgreSQL runs them side by side (READ COMMITTED: each statement sees what was committed
 * when it started), so a transaction that reads and then writes on what it read must first lock
 * what it depends on. These helpers do that on PostgreSQL and nothing on SQLite. Locks are held
 * until the transaction ends.
 */

/**
 * Locks a map's row: 'update' for changes to the map's people or links (one at a time per map),
 * 'share' for reading the map's whole contents consistently (a copy): it waits for the map's
 * writers in flight and holds new ones back until the transaction ends. Edits lock the row by
 * bumping its revision (lib/server/ops/apply-ops.ts).
 */
export async function lockMap(tx: Tx, mapId: string, mode: 'update' | 'share' = 'update') {
  if (provider() !== 'postgresql') return;
  if (mode === 'share')
    await tx.$executeRaw`SELECT 1 FROM "argument_map" WHERE "id" = ${mapId} FOR SHARE`;
  else await tx.$executeRaw`SELECT 1 FROM "argument_map" WHERE "id" = ${mapId} FOR UPDATE`;
}

/**
 * Serialises transactions on names that may have no row yet (a sign-in counter about to be
 * created), with PostgreSQL's transaction-scoped advisory locks. Taken in sorted order, so two
 * transactions locking overlapping names never wait on each other in a cycle.
 */
export async function lockNames(tx: Tx, names: string[]) {
  if (provider() !== 'postgresql') return;
  for (const name of [...new Set(names)].sort())
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
}
