import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PgPrismaClient } from '../generated/prisma-pg/client';
import { errorText } from './error-text';
import { pgRead } from './pg-direct';
import { Sql } from '@prisma/client/runtime/client';
import { isRead, SafeSqliteFactory, type RawSql } from './sqlite-adapter';

// No 'server-only' here: the seed script builds its client with this too.

/** postgres:// or postgresql://: PostgreSQL; anything else (file:…) is SQLite. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** A whole number from the environment, or the default when unset or not a positive number. */
function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The PostgreSQL settings, from the environment (README: "Deploying for a school or district").
 * - DATABASE_POOL_SIZE (10): connections per app server. Each server also holds one for live
 *   changes, so servers × (pool + 1) must stay under the server's max_connections (100 by
 *   default). Edits are written by one transaction at a time per server (group commit), so most
 *   of the pool serves page loads.
 * - DATABASE_TX_WAIT_MS (10 000): how long a transaction may wait for a pooled connection.
 * - DATABASE_TX_TIMEOUT_MS (30 000): how long one may run before it is rolled back.
 */
export function postgresSettings() {
  return {
    poolSize: envInt('DATABASE_POOL_SIZE', 10),
    maxWait: envInt('DATABASE_TX_WAIT_MS', 10_000),
    timeout: envInt('DATABASE_TX_TIMEOUT_MS', 30_000),
  };
}

/**
 * The app's Prisma client for a database URL. The code is typed by the SQLite client; the
 * PostgreSQL client is generated from the same models (scripts/postgres/schema.mjs), so every
 * model query and every raw statement the app runs is the same on both.
 */
export function createDbClient(url: string): PrismaClient {
  if (!isPostgresUrl(url)) {
    const factory = new SafeSqliteFactory(url);
    const client = directReads(new PrismaClient({ adapter: factory }), (sql) => {
      const reads = factory.connected?.reads;
      return reads ? reads.$queryRaw<unknown[]>(sql) : null;
    });
    sqliteFactories.set(client, factory);
    return client;
  }
  const { poolSize, maxWait, timeout } = postgresSettings();
  // One pool for Prisma and the plain reads (directReads), so the connections are as before.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A database that does not answer is reported, not waited on for ever.
    connectionTimeoutMillis: maxWait,
    idleTimeoutMillis: 60_000,
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PgPrismaClient({
    adapter,
    transactionOptions: { maxWait, timeout },
  }) as unknown as PrismaClient;
  return directReads(client, (sql) => pgRead(pool, sql));
}

const sqliteFactories = new WeakMap<PrismaClient, SafeSqliteFactory>();

/**
 * The client, with its plain-SQL reads (`$queryRaw` of a SELECT, outside a transaction) run
 * straight on the driver by `read`: on SQLite a prepared statement, kept, on the reader
 * connection; on PostgreSQL a query on the pool (lib/server/pg-direct.ts). Prisma compiles every
 * query it is given, plain SQL included, in its WebAssembly query compiler (about half a
 * millisecond of CPU a statement; a page runs a dozen or more). The rows are read by the callers
 * as they read Prisma's (lib/server/ops/sql-rows.ts), and `tests/integration/direct-reads.test.ts`
 * holds a page equal both ways. Everything else, writes and model queries, goes through Prisma
 * as before; `read` answering null (not connected yet, or closed) leaves the read to Prisma too.
 */
function directReads(
  client: PrismaClient,
  read: (sql: Sql) => PromiseLike<unknown[]> | null,
): PrismaClient {
  type QueryRaw = (
    this: unknown,
    query: TemplateStringsArray | Sql,
    ...values: unknown[]
  ) => unknown;
  const throughPrisma = client.$queryRaw as unknown as QueryRaw;
  function queryRaw(this: unknown, query: TemplateStringsArray | Sql, ...values: unknown[]) {
    // A transaction's client inherits this method: its reads stay in the transaction.
    if (this !== client) return throughPrisma.call(this, query, ...values);
    const sql = query instanceof Sql ? query : new Sql(query, values);
    return (isRead(sql.sql) && read(sql)) || throughPrisma.call(client, sql);
  }
  Object.defineProperty(client, '$queryRaw', {
    value: queryRaw,
    writable: true,
    configurable: true,
  });
  return client;
}

/**
 * A PostgreSQL transaction that lost a deadlock or a serialization conflict: nothing of it was
 * written, and run again it normally goes through, so it is, up to CONFLICT_ATTEMPTS times in all.
 */
const isConflict = (error: unknown) =>
  /\b40P01\b|\b40001\b|deadlock detected|could not serialize|\bP2034\b/.test(errorText(error));
const CONFLICT_ATTEMPTS = 3;

/**
 * Runs `work` as one write transaction with plain SQL (standard SQL, the same on both
 * databases): on SQLite straight on the writer connection, without Prisma's query pipeline (see
 * SafeSqliteAdapter.directTransaction); on PostgreSQL in a Prisma transaction, run again if it
 * lost a deadlock.
 */
export async function writeTransaction<T>(
  client: PrismaClient,
  work: (sql: RawSql) => Promise<T>,
): Promise<T> {
  const factory = sqliteFactories.get(client);
  if (!factory) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.$transaction((tx) => work(tx), { maxWait: 30_000, timeout: 30_000 });
      } catch (error) {
        if (attempt >= CONFLICT_ATTEMPTS || !isConflict(error)) throw error;
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80 * attempt));
      }
    }
  }
  if (!factory.connected) await client.$connect();
  return factory.connected!.directTransaction(work);
}
