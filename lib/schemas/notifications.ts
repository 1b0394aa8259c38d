import { z } from 'zod';
import { BELL_LIST_MAX } from '@/lib/domain/notifications';
import { recordId } from './ids';

// The input of "mark read" (lib/actions/notifications.ts): the notifications opened, or all.

export const markReadInput = z.union(
  [
    z.object({ ids: z.array(recordId).min(1).max(BELL_LIST_MAX) }),
    z.object({ all: z.literal(true) }),
  ],
  'Say which notifications to mark read.',
);
