import 'server-only';
import { AppError } from '@/lib/errors';
import { errorText } from './error-text';

/**
 * Storage failures that are no one's mistake and pass once the cause is fixed (another program
 * holding the database, a full disk, a read-only file): the write is refused as UNAVAILABLE, so
 * the editor keeps the change and sends it again later. Prisma wraps driver errors differently
 * by path, so the whole chain of causes is searched.
 */
const CAUSES: [RegExp, string][] = [
  [
    /SQLITE_FULL|database or disk is full/i,
    'The server’s disk is full, so this change could not be saved yet.',
  ],
  [
    /SQLITE_READONLY|readonly database|read-only|\b25006\b/i,
    'The server cannot write to its database right now (it is read-only).',
  ],
  [
    /SQLITE_BUSY|database is locked|SocketTimeout/i,
    'The database is busy with another program, so this change could not be saved yet.',
  ],
  [/SQLITE_IOERR|disk I\/O error/i, 'The server could not write to its disk.'],
  [
    /SQLITE_CANTOPEN|unable to open database file/i,
    'The server cannot open its database file right now, so this change could not be saved yet.',
  ],
  // PostgreSQL (SQLSTATE codes, Prisma codes) and its connection. The first happens under load:
  // a deadlock, or a transaction that could not get a connection in time.
  [
    /\b40P01\b|\b40001\b|deadlock detected|could not serialize|\bP2028\b|\bP2034\b/,
    'The database was busy with other changes, so this change could not be saved yet.',
  ],
  [
    /\b57014\b|\b55P03\b|statement timeout|lock timeout/i,
    'The database took too long to answer, so this change could not be saved yet.',
  ],
  [
    /\b53300\b|too many (clients|connections)|timeout exceeded when trying to connect/i,
    'The database has too many connections open right now, so this change could not be saved yet.',
  ],
  [
    /\b53100\b|could not extend file/i,
    'The database server’s disk is full, so this change could not be saved yet.',
  ],
  [
    /\b57P0[1-3]\b|\bP1001\b|\bP1017\b|ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection/i,
    'The server cannot reach its database right now, so this change could not be saved yet.',
  ],
];

/** Whether a write failed on a unique constraint (a reused id), on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  return /UniqueConstraintViolation|UNIQUE constraint|unique constraint|\bP2002\b|\b23505\b/.test(
    errorText(error),
  );
}

/** An UNAVAILABLE AppError for a passing storage failure, or null for anything else. */
export function unavailableError(error: unknown): AppError | null {
  if (error instanceof AppError) return error.code === 'UNAVAILABLE' ? error : null;
  const text = errorText(error);
  const hit = CAUSES.find(([re]) => re.test(text));
  // The cause is kept: the SQLite adapter looks at it to decide whether to reopen its writer.
  return hit ? Object.assign(new AppError('UNAVAILABLE', hit[1]), { cause: error }) : null;
}
