import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { Sql } from '@prisma/client/runtime/client';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * Prisma's better-sqlite3 adapter, made to fail safe. Upstream (6.19) keeps its transaction lock
 * until a COMMIT or ROLLBACK succeeds, so one failed COMMIT (a lock held too long by another
 * process, a full disk) wedged every later write until a restart; and statements outside a
 * transaction ran on the same connection, inside whatever transaction was open, so an
 * acknowledged write could vanish with another request's rollback (prisma/prisma#29933).
 *
 * Here:
 * - one writer connection, used by one transaction (or one single write) at a time, behind a
 *   queue; a failed COMMIT rolls back and releases the queue, so the next write starts clean;
 * - transactions start with BEGIN IMMEDIATE: they take the write lock at once (or fail before
 *   doing anything) instead of failing at COMMIT;
 * - plain reads go to a second connection, so they never wait on a transaction and never see
 *   one's uncommitted rows (WAL lets readers and the writer work at once);
 * - "database is busy" is waited out asynchronously (the driver is synchronous: a long
 *   busy_timeout would freeze the whole server), up to BUSY_BUDGET_MS, then reported;
 * - `directTransaction` runs plain SQL on the writer connection without Prisma's query pipeline
 *   (the editor's commonest changes, see lib/server/ops/apply-ops.ts), in the same queue.
 */

/** Journal and sync settings; see the README ("Storage") for why. */
export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON'];
/** The driver's own wait on a lock, per attempt: short, because it blocks the event loop. */
const DRIVER_BUSY_MS = 50;
/** How long a write keeps retrying a busy database before it is reported as unavailable. */
export const BUSY_BUDGET_MS = 4000;

const isBusy = (e: unknown): boolean => {
  const err = e as { cause?: { originalCode?: string; kind?: string }; code?: string } | null;
  return (
    err?.code === 'SQLITE_BUSY' ||
    err?.cause?.originalCode === 'SQLITE_BUSY' ||
    err?.cause?.kind === 'SocketTimeout'
  );
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  const until = Date.now() + BUSY_BUDGET_MS;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    try {
      return await work();
    } catch (e) {
      if (!isBusy(e) || Date.now() + wait > until) throw e;
      await sleep(wait);
    }
  }
}

/** A FIFO lock: `acquire()` resolves with the function that releases it (safe to call twice). */
class Queue {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const plain = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);

interface Statement {
  reader: boolean;
  run(...args: unknown[]): { changes: number };
  all(...args: unknown[]): unknown[];
}
interface BetterSqliteClient {
  inTransaction: boolean;
  prepare(sql: string): Statement;
}
const clientOf = (adapter: SqlDriverAdapter) =>
  (adapter as unknown as { client: BetterSqliteClient }).client;

class SafeTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  readonly provider;
  readonly adapterName;
  #writer: SqlDriverAdapter;
  #release: () => void;

  constructor(writer: SqlDriverAdapter, release: () => void) {
    this.#writer = writer;
    this.#release = release;
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#writer.queryRaw(query);
  }

  async executeRaw(query: SqlQuery) {
    if (query.sql !== 'COMMIT' && query.sql !== 'ROLLBACK') return this.#writer.executeRaw(query);
    try {
      return await retryBusy(() => this.#writer.executeRaw(query));
    } catch (e) {
      // The transaction could not end as asked: roll it back so the connection is clean, and
      // let the next write in.
      abandon(this.#writer);
      this.#release();
      throw e;
    }
  }

  async commit() {
    this.#release();
  }

  async rollback() {
    abandon(this.#writer);
    this.#release();
  }
}

/** Ends whatever transaction is open on the writer connection, ignoring a failure to do so. */
function abandon(writer: SqlDriverAdapter) {
  const client = clientOf(writer);
  try {
    if (client.inTransaction) client.prepare('ROLLBACK').run();
  } catch {
    // SQLite rolls a failed transaction back itself in the cases where ROLLBACK fails.
  }
}

/**
 * The raw-SQL half of a Prisma client or transaction: what the hot write path needs, so it runs
 * the same on a Prisma transaction (PostgreSQL, and changes that also use model queries) and on
 * DirectSql below.
 */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<number>;
}

/** A value as Prisma's adapter writes it (dates as ISO 8601 text, booleans as 0 or 1). */
const toSqlite = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().replace('Z', '+00:00')
    : typeof value === 'boolean'
      ? Number(value)
      : (value ?? null);

/**
 * RawSql straight on the writer connection: a prepared statement per SQL text, kept, and no
 * query planning. A statement costs tens of microseconds here instead of about half a
 * millisecond through Prisma. Rows come back as SQLite has them (dates as text, numbers as
 * numbers); callers read them with that in mind.
 */
class DirectSql implements RawSql {
  #client: BetterSqliteClient;
  #statements = new Map<string, Statement>();

  constructor(client: BetterSqliteClient) {
    this.#client = client;
  }

  #statement(query: TemplateStringsArray | Sql, values: unknown[]) {
    const sql = query instanceof Sql ? query : new Sql(query, values);
    let statement = this.#statements.get(sql.sql);
    if (!statement) {
      if (this.#statements.size >= 500) this.#statements.clear();
      statement = this.#client.prepare(sql.sql);
      this.#statements.set(sql.sql, statement);
    }
    return { statement, args: sql.values.map(toSqlite) };
  }

  $queryRaw<T = unknown>(query: TemplateStringsArray | Sql, ...values: unknown[]) {
    const { statement, args } = this.#statement(query, values);
    if (!statement.reader) {
      statement.run(...args);
      return Promise.resolve([] as T);
    }
    return Promise.resolve(statement.all(...args) as T);
  }

  $executeRaw(query: TemplateStringsArray | Sql, ...values: unknown[]) {
    const { statement, args } = this.#statement(query, values);
    return Promise.resolve(
      statement.reader ? statement.all(...args).length : statement.run(...args).changes,
    );
  }
}

class SafeSqliteAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  #writer: SqlDriverAdapter;
  #reader: SqlDriverAdapter;
  #queue = new Queue();
  #direct: DirectSql;

  constructor(writer: SqlDriverAdapter, reader: SqlDriverAdapter) {
    this.#writer = writer;
    this.#reader = reader;
    this.#direct = new DirectSql(clientOf(writer));
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
  }

  /**
   * Runs `work` as one transaction on the writer connection (BEGIN IMMEDIATE … COMMIT), in turn
   * with Prisma's writes, with a busy database waited out as for them. Any failure rolls back.
   */
  async directTransaction<T>(work: (sql: RawSql) => Promise<T>): Promise<T> {
    const release = await this.#queue.acquire();
    const client = clientOf(this.#writer);
    const run = (sql: string) => Promise.resolve(client.prepare(sql).run());
    try {
      abandon(this.#writer);
      await retryBusy(() => run('BEGIN IMMEDIATE'));
      const result = await work(this.#direct);
      await retryBusy(() => run('COMMIT'));
      return result;
    } catch (e) {
      abandon(this.#writer);
      throw e;
    } finally {
      release();
    }
  }

  queryRaw(query: SqlQuery) {
    if (isRead(query.sql)) return this.#reader.queryRaw(query);
    return this.#queue.run(() => retryBusy(() => this.#writer.queryRaw(query)));
  }

  executeRaw(query: SqlQuery) {
    return this.#queue.run(() => retryBusy(() => this.#writer.executeRaw(query)));
  }

  executeScript(script: string) {
    return this.#queue.run(() => this.#writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
      // SQLite transactions are serializable; the upstream adapter refuses others the same way.
      return this.#writer.startTransaction(isolationLevel);
    }
    const release = await this.#queue.acquire();
    try {
      abandon(this.#writer);
      await retryBusy(() => this.#writer.executeRaw(plain('BEGIN IMMEDIATE')));
    } catch (e) {
      release();
      throw e;
    }
    return new SafeTransaction(this.#writer, release);
  }

  getConnectionInfo() {
    return this.#writer.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose() {
    await Promise.all([this.#writer.dispose(), this.#reader.dispose()]);
  }
}

/** The driver adapter factory for the app's Prisma client: see the comment at the top. */
export class SafeSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName;
  #inner: PrismaBetterSQLite3;
  /** The adapter Prisma connected last (it connects on its first query). */
  connected: SafeSqliteAdapter | null = null;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: DRIVER_BUSY_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const writer = await this.#inner.connect();
    await writer.executeScript(PRAGMAS.map((p) => `PRAGMA ${p};`).join('\n'));
    const reader = await this.#inner.connect();
    await reader.executeScript('PRAGMA foreign_keys = ON;');
    this.connected = new SafeSqliteAdapter(writer, reader);
    return this.connected;
  }

  connectToShadowDb() {
    return this.#inner.connectToShadowDb();
  }
}
