import { z } from 'zod';
import { ACCOUNT_KINDS } from '@/lib/domain/capabilities';
import { isTimeZone } from '@/lib/format';
import { recordId } from './ids';

// The inputs of the class actions (lib/actions/classes.ts).

export const CLASS_NAME_MAX = 80;
export const STUDENT_NAME_MAX = 80;
/** Names added in one go (a class list pasted from a spreadsheet). */
export const STUDENTS_PER_BATCH = 100;
/** Students one class can hold. */
export const CLASS_SIZE_MAX = 500;

const id = recordId;

export const className = z
  .string()
  .trim()
  .min(1, 'Give the class a name.')
  .max(CLASS_NAME_MAX, `Keep the name under ${CLASS_NAME_MAX} characters.`);

/** An IANA time zone the server knows ("America/Chicago"). */
export const timeZone = z.string().trim().refine(isTimeZone, 'Choose a time zone from the list.');

/** A new class: its name and time zone (none from a page without scripts: set it later). */
export const createClassSchema = z.object({
  name: className,
  timeZone: z
    .union([z.literal(''), timeZone])
    .optional()
    .transform((v) => v || null),
});
export const classRef = z.object({ classId: id });
export const classTimeZoneSchema = z.object({ classId: id, timeZone });
export const archiveClassSchema = z.object({ classId: id, archived: z.boolean() });
export const renameClassSchema = z.object({ classId: id, name: className });
export const studentRef = z.object({ classId: id, studentId: id });

/** One name per line; blank lines are skipped, spaces inside a name are tidied. */
export const studentNames = z
  .string()
  .max(STUDENTS_PER_BATCH * (STUDENT_NAME_MAX + 2), 'That list is too long.')
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().max(STUDENT_NAME_MAX, `Keep each name under ${STUDENT_NAME_MAX} characters.`),
      )
      .min(1, 'Enter at least one name, one per line.')
      .max(STUDENTS_PER_BATCH, `Add at most ${STUDENTS_PER_BATCH} students at a time.`),
  );

export const addStudentsSchema = z.object({ classId: id, names: studentNames });

export const joinCodeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the class code.').max(200, 'That code is not valid.'),
});

export const accountRef = z.object({ userId: id });
export const setAccountKindSchema = z.object({
  userId: id,
  kind: z.enum(ACCOUNT_KINDS, 'Choose student or teacher.'),
});
