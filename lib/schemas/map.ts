import { z } from 'zod';
import { STANCES } from '@/lib/domain/argument-tree';

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

const stance = z.enum(STANCES, 'Choose pro or con.');
const strength = z
  .number('Choose a strength from 1 to 5.')
  .int('Choose a strength from 1 to 5.')
  .min(1, 'Choose a strength from 1 to 5.')
  .max(5, 'Choose a strength from 1 to 5.')
  .nullable();

const place = z.object({ thesisId: id, parentId: id.nullable() });
const index = z.number().int().min(0).max(100_000).optional();
const version = z.number().int().min(1);

export const mapRef = z.object({ mapId: id });
export const createMapSchema = z.object({ title: mapTitle });
export const renameMapSchema = z.object({ mapId: id, title: mapTitle });

export const addClaimSchema = z.object({
  mapId: id,
  id: z.uuid('A new claim needs a fresh id.'),
  place,
  stance,
  text: claimText,
  index,
});

export const updateClaimSchema = z.object({
  mapId: id,
  claimId: id,
  version,
  edit: z
    .object({
      text: claimText.optional(),
      note: z
        .string()
        .max(NOTE_MAX, `Keep the note under ${NOTE_MAX.toLocaleString('en')} characters.`)
        .optional(),
      stance: stance.optional(),
      strength: strength.optional(),
    })
    .refine((e) => Object.values(e).some((v) => v !== undefined), 'There is nothing to save.'),
});

export const moveClaimSchema = z.object({ mapId: id, claimId: id, version, place, index });
export const deleteClaimSchema = z.object({ mapId: id, claimId: id, version });
export const restoreClaimsSchema = z.object({ mapId: id, deletionId: id });

export const addAnchorSchema = z.object({
  mapId: id,
  claimId: id,
  sourceId: id,
  exact: z
    .string()
    .trim()
    .min(1, 'Paste or select the passage to quote.')
    .max(2000, 'Quote at most 2,000 characters: pick the sentence that matters.'),
  prefix: z.string().max(200).default(''),
  suffix: z.string().max(200).default(''),
  block: z.number().int().min(0).optional(),
});

export const removeAnchorSchema = z.object({ mapId: id, anchorId: id });
export const shareTokenSchema = z.object({ token: z.string().min(16).max(64) });

export const addLinkSchema = z.object({
  mapId: id,
  fromClaimId: id,
  target: z.union([z.object({ claimId: id }), z.object({ thesisId: id })]),
  stance,
});
export const removeLinkSchema = z.object({ mapId: id, linkId: id });

export const importMapSchema = z.object({
  format: z.enum(['argdown', 'aif'], 'Choose Argdown or AIF.'),
  text: z
    .string()
    .trim()
    .min(1, 'Paste the map, or choose a file.')
    .max(8_000_000, 'That file is too large (8 MB at most).'),
  title: z.string().trim().max(TITLE_MAX).optional(),
});
