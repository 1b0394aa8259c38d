import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// Rows read with raw SQL come back as each database has them: on SQLite straight from its driver
// (dates as ISO text, JSON as text), on PostgreSQL through Prisma (dates as Date, JSON parsed,
// counts as bigint). These read them the same way on both.

/** A stored date (ISO text, milliseconds or a Date) as a Date; null stays null. */
export function sqlDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === 'string' ? value : Number(value));
}

/** A stored JSON value, parsed if it came back as text. */
export const sqlJson = (value: unknown): unknown =>
  typeof value === 'string' ? JSON.parse(value) : value;

/** A stored number (number, bigint or numeric text) as a number; null stays null. */
export const sqlNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** `IN (…)` of a list that is never empty ("IN ()" is not SQL): an empty list matches nothing. */
export const sqlIn = (values: readonly string[]) =>
  values.length ? Prisma.sql`IN (${Prisma.join(values)})` : Prisma.sql`IN (NULL)`;
