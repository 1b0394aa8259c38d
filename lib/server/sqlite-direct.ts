import { Sql } from '@prisma/client/runtime/client';

/**
 * The raw-SQL half of a Prisma client or transaction: what the write path needs, so it runs the
 * same on a Prisma transaction (PostgreSQL) and on DirectSql below (SQLite).
 */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<number>;
}

export interface Statement {
  reader: boolean;
  /** The statement does not write (better-sqlite3's own test). */
  readonly: boolean;
  run(...args: unknown[]): { changes: number };
  all(...args: unknown[]): unknown[];
}

/** The part of a better-sqlite3 connection the adapter uses. */
export interface BetterSqliteClient {
  inTransaction: boolean;
  prepare(sql: string): Statement;
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
export class DirectSql implements RawSql {
  #client: BetterSqliteClient;
  #statements = new Map<string, Statement>();
  #readOnly: boolean;

  /** `readOnly`: a statement that would write is refused (the reader connection's). */
  constructor(client: BetterSqliteClient, { readOnly = false } = {}) {
    this.#client = client;
    this.#readOnly = readOnly;
  }

  #statement(query: TemplateStringsArray | Sql, values: unknown[]) {
    const sql = query instanceof Sql ? query : new Sql(query, values);
    let statement = this.#statements.get(sql.sql);
    if (!statement) {
      if (this.#statements.size >= 500) this.#statements.clear();
      statement = this.#client.prepare(sql.sql);
      if (this.#readOnly && !statement.readonly)
        throw new Error('A write on the reader connection.');
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
