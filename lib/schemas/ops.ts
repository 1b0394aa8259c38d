import { z } from 'zod';
import { STANCES } from '@/lib/domain/argument-tree';
import { CLAIM_TEXT_MAX, claimText, NOTE_MAX, wellFormed } from './map';
import { recordId } from './ids';

/**
 * The editor's writes as operations: each has an id made by the browser, so a retry after a lost
 * answer is recognised and applied once. `POST /api/maps/:mapId/ops` takes `{ ops: Op[] }` and
 * answers one result per op, in order (see lib/server/ops/apply-ops.ts).
 */

const id = recordId;
const opId = z.uuid('Every change needs a fresh id.');
const stance = z.enum(STANCES, 'Choose pro or con.');

/** Fractional order keys (the fractional-indexing package's alphabet); bounded so rows stay small. */
export const ORDER_KEY_MAX = 200;
export const orderKey = z
  .string()
  .min(2)
  .max(ORDER_KEY_MAX, 'This list needs tidying before more claims fit here: reload the map.')
  .regex(/^[a-zA-Z][0-9a-zA-Z]*$/, 'That position in the list is not valid.');

const strength = z
  .number('Choose a strength from 1 to 5.')
  .int('Choose a strength from 1 to 5.')
  .min(1, 'Choose a strength from 1 to 5.')
  .max(5, 'Choose a strength from 1 to 5.')
  .nullable();

const note = wellFormed(
  z.string().max(NOTE_MAX, `Keep the note under ${NOTE_MAX.toLocaleString('en')} characters.`),
);

export const COMMENT_MAX = 5000;
const commentBody = wellFormed(
  z
    .string()
    .trim()
    .min(1, 'Write something first.')
    .max(COMMENT_MAX, `Keep a comment under ${COMMENT_MAX.toLocaleString('en')} characters.`),
);

export const claimFields = z.object({
  text: claimText.optional(),
  note: note.optional(),
  stance: stance.optional(),
  strength: strength.optional(),
});
export type ClaimFields = z.infer<typeof claimFields>;

/**
 * What the person saw before changing a field: a field changed by someone else since is a
 * conflict. The editor sends the text or note as it was when typing began; an undo sends every
 * field it puts back.
 */
const claimBase = z.object({
  stance: stance.optional(),
  strength: strength.optional(),
  text: z
    .string()
    .max(CLAIM_TEXT_MAX * 2)
    .optional(),
  note: z
    .string()
    .max(NOTE_MAX * 2)
    .optional(),
});

export const opSchema = z.discriminatedUnion('kind', [
  z.object({
    id: opId,
    kind: z.literal('claim.add'),
    claimId: z.uuid('A new claim needs a fresh id.'),
    thesisId: id,
    parentId: id.nullable(),
    stance,
    text: claimText,
    order: orderKey,
    /**
     * Accepts this suggestion (lib/server/ops/suggestion-ops.ts): the claim is the suggestion as
     * written, where it was suggested, and is written as the suggester's.
     */
    suggestionId: id.optional(),
  }),
  z.object({
    id: opId,
    kind: z.literal('claim.update'),
    claimId: id,
    set: claimFields.refine(
      (e) => Object.values(e).some((v) => v !== undefined),
      'There is nothing to save.',
    ),
    base: claimBase.default({}),
  }),
  z.object({
    id: opId,
    kind: z.literal('claim.move'),
    claimId: id,
    thesisId: id,
    parentId: id.nullable(),
    order: orderKey,
    /**
     * Where the claim must be for the move to apply (an undo sends the place its move made): a
     * claim someone else moved since is a conflict, left where they put it.
     */
    base: z.object({ thesisId: id, parentId: id.nullable(), order: orderKey }).optional(),
  }),
  z.object({
    id: opId,
    kind: z.literal('claim.delete'),
    claimId: id,
    /** Every claim of the subtree as this tab saw it: replies added elsewhere are never taken. */
    seen: z.array(id).min(1).max(20_000),
  }),
  z.object({ id: opId, kind: z.literal('claim.restore'), deletionId: id }),
  z.object({
    id: opId,
    kind: z.literal('anchor.add'),
    anchorId: z.uuid(),
    claimId: id,
    sourceId: id,
    exact: wellFormed(
      z
        .string()
        .trim()
        .min(1, 'Paste or select the passage to quote.')
        .max(2000, 'Quote at most 2,000 characters: pick the sentence that matters.'),
    ),
    prefix: wellFormed(z.string().max(200)).default(''),
    suffix: wellFormed(z.string().max(200)).default(''),
    block: z.number().int().min(0).max(100_000).optional(),
  }),
  z.object({ id: opId, kind: z.literal('anchor.remove'), anchorId: id }),
  z.object({
    id: opId,
    kind: z.literal('link.add'),
    linkId: z.uuid(),
    fromClaimId: id,
    target: z.union([z.object({ claimId: id }), z.object({ thesisId: id })]),
    stance,
  }),
  z.object({ id: opId, kind: z.literal('link.remove'), linkId: id }),
  z.object({
    id: opId,
    kind: z.literal('comment.add'),
    commentId: z.uuid('A new comment needs a fresh id.'),
    claimId: id,
    /** The thread's first comment, for a reply; null starts a thread. */
    parentId: id.nullable(),
    body: commentBody,
  }),
  z.object({ id: opId, kind: z.literal('comment.edit'), commentId: id, body: commentBody }),
  z.object({ id: opId, kind: z.literal('comment.delete'), commentId: id }),
  z.object({
    id: opId,
    kind: z.literal('comment.resolve'),
    commentId: id,
    resolved: z.boolean(),
  }),
]);

export type Op = z.infer<typeof opSchema>;
export type OpInput = z.input<typeof opSchema>;
export type OpKind = Op['kind'];
/** An operation before it is given its id. */
export type OpDraft = Op extends infer O ? (O extends Op ? Omit<O, 'id'> : never) : never;

/** At most this many operations in one request; the outbox sends more in later requests. */
export const OPS_PER_REQUEST = 50;

export const opsRequest = z.object({ ops: z.array(z.unknown()).min(1).max(OPS_PER_REQUEST) });

/** What the server answers for one operation. */
export type OpResult =
  | { id: string; ok: true; revision: number; data?: unknown }
  | {
      id: string;
      ok: false;
      code: string;
      message: string;
      /** True when the op was not applied for a passing reason (database busy, disk full): send it again later. */
      retry: boolean;
      /** For a conflicting edit: the field values now saved, so the person can compare. */
      current?: { text?: string; note?: string };
    };

export interface OpsResponse {
  revision: number;
  results: OpResult[];
}
