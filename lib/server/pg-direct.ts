import pg from 'pg';
import type { Sql } from '@prisma/client/runtime/client';

// Plain-SQL reads straight on the PostgreSQL pool Prisma's adapter uses, without Prisma's query
// compiler (lib/server/db-client.ts directReads). Values go in as Prisma's adapter writes them
// and rows come back in the forms the callers already read (lib/server/ops/sql-rows.ts).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date as Prisma's adapter writes one: UTC, no zone (DateTime columns are `timestamp(3)`). */
function toPg(value: unknown): unknown {
  if (!(value instanceof Date)) return value ?? null;
  const ms = value.getUTCMilliseconds();
  return (
    `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
    `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '')
  );
}

const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;
/** `timestamp` as the UTC it holds (pg would read it as local time), counts and averages as numbers. */
const parsers: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: (text) => new Date(`${text.replace(' ', 'T')}Z`),
  [INT8]: Number,
  [NUMERIC]: Number,
};
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    format !== 'binary' && parsers[oid]
      ? parsers[oid]
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** One read on the pool, or null when the pool has been closed (Prisma then takes it). */
export function pgRead(pool: pg.Pool, sql: Sql): Promise<unknown[]> | null {
  if ((pool as unknown as { ending?: boolean }).ending) return null;
  return pool
    .query({ text: sql.text, values: sql.values.map(toPg), types })
    .then((result) => result.rows);
}
