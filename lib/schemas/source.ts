import { z } from 'zod';
import { BLOCK_TYPES, type Block } from '@/lib/domain/views';

export const blockSchema = z.object({ type: z.enum(BLOCK_TYPES), text: z.string() });

/** Restores stored article blocks, dropping any entry that is not a well-formed block. */
export function restoreBlocks(value: unknown): Block[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = blockSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A debate as the seed files describe it (prisma/seed/debates/*.json). */
export const debateSeedSchema = z.object({
  slug: z.string().min(1),
  motion: z.string().min(1),
  summary: z.string().nullable().optional(),
  theses: z
    .array(
      z.object({
        label: z.string().min(1),
        text: z.string().min(1),
        source: z.object({
          slug: z.string().min(1),
          title: z.string().min(1),
          standfirst: z.string().nullable().optional(),
          authors: z.string().min(1),
          authorsNote: z.string().nullable().optional(),
          publisher: z.string().min(1),
          publishedOn: z.iso.datetime().nullable().optional(),
          dateNote: z.string().nullable().optional(),
          url: z.url(),
          licence: z.string().nullable().optional(),
          licenceUrl: z.url().nullable().optional(),
          blocks: z.array(blockSchema).min(1),
        }),
      }),
    )
    .length(2),
});
export type DebateSeed = z.infer<typeof debateSeedSchema>;
