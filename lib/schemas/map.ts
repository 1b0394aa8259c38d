import { z } from 'zod';
// Only the limits: the import's parsers never reach the browser through this file.
import { IMPORT_LIMITS, utf8Length } from '@/lib/domain/exchange/import-limits';
import { isWellFormed } from '@/lib/domain/text';
import { linkToken, recordId } from './ids';

// One schema per server input; the editor uses the same limits to warn before sending.

export const CLAIM_TEXT_MAX = 1000;
export const NOTE_MAX = 5000;
export const TITLE_MAX = 120;

const id = recordId;

/** Refused: a lone surrogate, half of an emoji (no keyboard types one; scripts and bad copies do). */
export const BROKEN_TEXT =
  'This text has a broken character in it (half of an emoji or symbol). Delete it and type it again.';
/** Any text a person sends: well-formed, or refused with BROKEN_TEXT. */
export const wellFormed = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine(isWellFormed, BROKEN_TEXT);

export const claimText = wellFormed(
  z
    .string()
    .trim()
    .min(1, 'Write the claim first: it cannot be empty.')
    .max(CLAIM_TEXT_MAX, `Keep a claim under ${CLAIM_TEXT_MAX.toLocaleString('en')} characters.`),
);

export const mapTitle = wellFormed(
  z
    .string()
    .trim()
    .min(1, 'Give the map a title.')
    .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
);

export const mapRef = z.object({ mapId: id });
export const createMapSchema = z.object({ title: mapTitle });
export const renameMapSchema = z.object({ mapId: id, title: mapTitle });

export const shareTokenSchema = z.object({ token: linkToken(16, 64) });

const IMPORT_TOO_LARGE = `That file is too large: an import can be at most ${IMPORT_LIMITS.bytes / 1_000_000} MB.`;

export const importMapSchema = z.object({
  format: z.enum(['argdown', 'aif'], 'Choose Argdown or AIF.'),
  text: z
    .string()
    .max(IMPORT_LIMITS.bytes, IMPORT_TOO_LARGE) // cheap first: a byte is at most one code unit
    .refine((text) => utf8Length(text) <= IMPORT_LIMITS.bytes, IMPORT_TOO_LARGE)
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, 'Paste the map, or choose a file.'),
  title: z.string().trim().max(TITLE_MAX).optional(),
});
