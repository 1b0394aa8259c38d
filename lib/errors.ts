import type { ErrorReason } from './error-words';

/** The one error type for expected failures: a user's mistake, a missing right, a stale write. */
export type AppErrorCode =
  | 'INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** Nothing was written for a passing reason (database busy, disk full): try again later. */
  | 'UNAVAILABLE';

/**
 * Refusals with a reason of their own are made by `appError` (lib/error-words.ts), which gives
 * them their words; `new AppError(code, message)` is for messages said in one place only.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The form field the message belongs next to, when there is one. */
  readonly field?: string;
  /** Why, in lib/error-words.ts's terms, when it was made there; and what its words were told. */
  readonly reason?: ErrorReason;
  readonly details?: unknown;

  constructor(
    code: AppErrorCode,
    message: string,
    field?: string,
    why?: { reason: ErrorReason; details?: unknown },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.reason = why?.reason;
    this.details = why?.details;
  }
}

/** The one map from error code to HTTP status, for route handlers. */
export function httpStatus(code: AppErrorCode | 'UNEXPECTED'): number {
  switch (code) {
    case 'INVALID':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'UNEXPECTED':
      return 500;
  }
}

/** The one result shape every server action returns. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | 'UNEXPECTED';
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

/** Resolves to null where the thing is missing or not the caller's to see; other errors pass. */
export async function unlessMissing<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return null;
    throw e;
  }
}
