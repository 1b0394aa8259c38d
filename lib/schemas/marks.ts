import { z } from 'zod';
import { MARK_EXPLANATION_MAX, MARK_KINDS } from '@/lib/domain/marks';
import { recordId } from './ids';

// The inputs of the marks-for-review actions (lib/actions/marks.ts).

export const addMarkInput = z.object({
  mapId: recordId,
  claimId: recordId,
  kind: z.enum(MARK_KINDS, 'Choose what the claim needs.'),
  explanation: z
    .string()
    .max(MARK_EXPLANATION_MAX, `An explanation is at most ${MARK_EXPLANATION_MAX} characters.`)
    .transform((s) => s.trim())
    .default(''),
});

export const resolveMarkInput = z.object({ markId: recordId });
