import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { AppError, type ActionResult } from '@/lib/errors';
import { unavailableError } from '@/lib/server/db-errors';
import { hasIllFormedText, ILL_FORMED_INPUT } from '@/lib/schemas/ids';

/**
 * The one path every server action takes: parse the input with its schema, run the server
 * function, and turn expected failures into a typed result: a user's mistake or a passing storage
 * failure gets its own message. Unexpected errors are logged and reported without detail, and
 * without claiming to know whether anything was written.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  // A lone surrogate anywhere (an id, a token, a title) would fail in the database instead.
  if (hasIllFormedText(input)) return { ok: false, code: 'INVALID', message: ILL_FORMED_INPUT };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors = flat.fieldErrors as Record<string, string[]>;
    const message =
      flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? 'Check what you entered.';
    return { ok: false, code: 'INVALID', message, fieldErrors };
  }
  try {
    return { ok: true, data: await fn(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    const known = error instanceof AppError ? error : unavailableError(error);
    if (known) {
      return {
        ok: false,
        code: known.code,
        message: known.message,
        fieldErrors: known.field ? { [known.field]: [known.message] } : undefined,
      };
    }
    console.error(error);
    return {
      ok: false,
      code: 'UNEXPECTED',
      message:
        'Something went wrong on our side, so this may not have been saved. Reload the page to check, then try again.',
    };
  }
}

/** FormData to a plain object, for schemas shared with object inputs. */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value === 'string') out[key] = value;
  });
  return out;
}
