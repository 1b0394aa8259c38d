import { z } from 'zod';

// One schema per server input; the editor uses the same limits to warn before sending.

export const CLAIM_TEXT_MAX = 1000;
export const NOTE_MAX = 5000;
export const TITLE_MAX = 120;

const id = z.string().min(1).max(64);

export const claimText = z
  .string()
  .trim()
  .min(1, 'Write the claim first: it cannot be empty.')
  .max(CLAIM_TEXT_MAX, `Keep a claim under ${CLAIM_TEXT_MAX.toLocaleString('en')} characters.`);

export const mapTitle = z
  .string()
  .trim()
  .min(1, 'Give the map a title.')
  .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`);

export const mapRef = z.object({ mapId: id });
export const createMapSchema = z.object({ title: mapTitle });
export const renameMapSchema = z.object({ mapId: id, title: mapTitle });

export const shareTokenSchema = z.object({ token: z.string().min(16).max(64) });

export const importMapSchema = z.object({
  format: z.enum(['argdown', 'aif'], 'Choose Argdown or AIF.'),
  text: z
    .string()
    .trim()
    .min(1, 'Paste the map, or choose a file.')
    .max(8_000_000, 'That file is too large (8 MB at most).'),
  title: z.string().trim().max(TITLE_MAX).optional(),
});
