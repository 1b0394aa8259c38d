import { z } from 'zod';
import { STANCES } from '@/lib/domain/argument-tree';
import { SUGGESTION_ANSWER_MAX } from '@/lib/domain/suggestions';
import { claimText, wellFormed } from './map';
import { recordId } from './ids';

// The inputs of the suggestion actions (lib/actions/suggestions.ts). A suggestion's text is a
// claim's text: the same schema, so what may be suggested is what may be added.

const id = recordId;

export const suggestSchema = z.object({
  mapId: id,
  thesisId: id,
  /** The claim it answers; null: the thesis itself. */
  parentId: id.nullable(),
  stance: z.enum(STANCES, 'Choose pro or con.'),
  text: claimText,
});

export const suggestionAnswer = wellFormed(
  z
    .string()
    .trim()
    .min(1, 'Write the answer first.')
    .max(
      SUGGESTION_ANSWER_MAX,
      `Keep the answer under ${SUGGESTION_ANSWER_MAX.toLocaleString('en')} characters.`,
    ),
);

/** Answer (with a reply) or decline; accepting is an operation (a claim.add with suggestionId). */
export const decideSchema = z.discriminatedUnion('decision', [
  z.object({
    mapId: id,
    suggestionId: id,
    decision: z.literal('answer'),
    answer: suggestionAnswer,
  }),
  z.object({ mapId: id, suggestionId: id, decision: z.literal('decline') }),
]);
