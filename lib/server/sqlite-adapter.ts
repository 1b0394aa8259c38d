import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { errorText } from './error-text';
import { BUSY_BUDGET_MS, matchCompanionModes, Queue, retryBusy } from './sqlite-files';
import { DirectSql, type BetterSqliteClient, type RawSql } from './sqlite-direct';

export type { RawSql } from './sqlite-direct';
export { BUSY_BUDGET_MS };

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
 * - a write that fails for a reason a new connection may not have (the file was read-only when
 *   the writer was opened, a disk error) reopens the writer before the next write, so writes
 *   resume by themselves once the cause is fixed;
 * - `directTransaction` runs plain SQL on the writer connection without Prisma's query pipeline,
 *   in the same queue: every change the editor sends, and votes (writeTransaction in
 *   lib/server/db-client.ts).
 */

/** Journal and sync settings; see the README ("Storage") for why. */
export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON'];
/** The driver's own wait on a lock, per attempt: short, because it blocks the event loop. */
const DRIVER_BUSY_MS = 50;
const plain = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
export const isRead = (sql: string) =>
  /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);

const clientOf = (adapter: SqlDriverAdapter) =>
  (adapter as unknown as { client: BetterSqliteClient }).client;

class SafeTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  readonly provider;
  readonly adapterName;
  #writer: SqlDriverAdapter;
  #release: () => void;
  #failed: (e: unknown) => never;

  constructor(writer: SqlDriverAdapter, release: () => void, failed: (e: unknown) => never) {
    this.#writer = writer;
    this.#release = release;
    this.#failed = failed;
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#writer.queryRaw(query).catch(this.#failed);
  }

  async executeRaw(query: SqlQuery) {
    if (query.sql !== 'COMMIT' && query.sql !== 'ROLLBACK')
      return this.#writer.executeRaw(query).catch(this.#failed);
    try {
      return await retryBusy(() => this.#writer.executeRaw(query));
    } catch (e) {
      // The transaction could not end as asked: roll it back so the connection is clean, and
      // let the next write in.
      abandon(this.#writer);
      this.#release();
      return this.#failed(e);
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
 * Failures after which the writer connection is opened anew before the next write: the
 * connection itself may be what cannot write (opened while the file was read-only, or its file
 * was replaced or its disk went away), and a new one can once the cause is fixed.
 */
const canHeal = (e: unknown) =>
  /SQLITE_(READONLY|IOERR|CANTOPEN)|readonly database|disk I\/O error|unable to open database/i.test(
    errorText(e),
  );

class SafeSqliteAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  #openWriter: () => Promise<SqlDriverAdapter>;
  #writer: SqlDriverAdapter;
  #reader: SqlDriverAdapter;
  #queue = new Queue();
  #direct: DirectSql;
  /** Plain SQL reads on the reader connection, without Prisma's query pipeline (reads below). */
  readonly reads: DirectSql;
  /** The last write failed for a reason that can heal: reopen the writer before the next. */
  #stale = false;

  constructor(
    openWriter: () => Promise<SqlDriverAdapter>,
    writer: SqlDriverAdapter,
    reader: SqlDriverAdapter,
  ) {
    this.#openWriter = openWriter;
    this.#writer = writer;
    this.#reader = reader;
    this.#direct = new DirectSql(clientOf(writer));
    this.reads = new DirectSql(clientOf(reader), { readOnly: true });
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
  }

  /** Rethrows a failed write's error, noting whether a new connection might not fail. */
  #failed = (e: unknown): never => {
    if (canHeal(e)) this.#stale = true;
    throw e;
  };

  /**
   * The writer connection, opened anew first if the last write failed for a reason that can
   * heal. Called holding the queue. If it cannot be opened, the write fails with the reason.
   */
  async #ready(): Promise<SqlDriverAdapter> {
    if (!this.#stale) return this.#writer;
    const writer = await this.#openWriter();
    const old = this.#writer;
    this.#writer = writer;
    this.#direct = new DirectSql(clientOf(writer));
    this.#stale = false;
    await old.dispose().catch(() => {});
    return writer;
  }

  /** Runs one write outside a transaction on the writer connection, in turn. */
  #write<T>(work: (writer: SqlDriverAdapter) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      const writer = await this.#ready().catch(this.#failed);
      return retryBusy(() => work(writer)).catch(this.#failed);
    });
  }

  /**
   * Runs `work` as one transaction on the writer connection (BEGIN IMMEDIATE … COMMIT), in turn
   * with Prisma's writes, with a busy database waited out as for them. Any failure rolls back.
   */
  async directTransaction<T>(work: (sql: RawSql) => Promise<T>): Promise<T> {
    const release = await this.#queue.acquire();
    try {
      const client = clientOf(await this.#ready());
      const run = (sql: string) => Promise.resolve(client.prepare(sql).run());
      abandon(this.#writer);
      await retryBusy(() => run('BEGIN IMMEDIATE'));
      const result = await work(this.#direct);
      await retryBusy(() => run('COMMIT'));
      return result;
    } catch (e) {
      abandon(this.#writer);
      return this.#failed(e);
    } finally {
      release();
    }
  }

  queryRaw(query: SqlQuery) {
    if (isRead(query.sql)) return this.#reader.queryRaw(query);
    return this.#write((writer) => writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#write((writer) => writer.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#write((writer) => writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
      // SQLite transactions are serializable; the upstream adapter refuses others the same way.
      return this.#writer.startTransaction(isolationLevel);
    }
    const release = await this.#queue.acquire();
    try {
      const writer = await this.#ready();
      abandon(writer);
      await retryBusy(() => writer.executeRaw(plain('BEGIN IMMEDIATE')));
    } catch (e) {
      release();
      return this.#failed(e);
    }
    return new SafeTransaction(this.#writer, release, this.#failed);
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
  #url: string;
  /** The adapter Prisma connected last (it connects on its first query). */
  connected: SafeSqliteAdapter | null = null;

  constructor(url: string) {
    this.#url = url;
    this.#inner = new PrismaBetterSQLite3({ url, timeout: DRIVER_BUSY_MS });
    this.adapterName = this.#inner.adapterName;
  }

  /** A writer connection with the pragmas set (closed again if they fail). */
  #openWriter = async () => {
    matchCompanionModes(this.#url);
    const writer = await this.#inner.connect();
    try {
      await writer.executeScript(PRAGMAS.map((p) => `PRAGMA ${p};`).join('\n'));
    } catch (e) {
      await writer.dispose().catch(() => {});
      throw e;
    }
    return writer;
  };

  async connect(): Promise<SqlDriverAdapter> {
    const writer = await this.#openWriter();
    const reader = await this.#inner.connect();
    await reader.executeScript('PRAGMA foreign_keys = ON;');
    this.connected = new SafeSqliteAdapter(this.#openWriter, writer, reader);
    return this.connected;
  }

  connectToShadowDb() {
    return this.#inner.connectToShadowDb();
  }
}
