import 'server-only';
import crypto from 'node:crypto';
import { fromAif } from '@/lib/domain/exchange/from-aif';
import { fromArgdown } from '@/lib/domain/exchange/from-argdown';
import { materialize } from '@/lib/domain/exchange/imported-map';
import { AppError } from '@/lib/errors';
import { getFeaturedDebate } from './debates';
import type { Db } from './db';
import { createMapFromDocument } from './map-documents';

export const IMPORT_FORMATS = ['argdown', 'aif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Creates a map from Argdown or AIF text. Everything is checked first (syntax, structure, every
 * quote found in its article); a file with any problem creates nothing and says what and where.
 */
export async function importMap(
  db: Db,
  opts: { userId: string; format: ImportFormat; text: string; title?: string },
): Promise<{ id: string }> {
  const debate = await getFeaturedDebate(db);
  if (!debate) throw new AppError('NOT_FOUND', 'There is no debate to import into yet.');
  const imported = opts.format === 'argdown' ? fromArgdown(opts.text) : fromAif(opts.text);
  if (imported.claims.length > 10_000)
    throw new AppError('INVALID', 'A map can hold at most 10,000 claims.', 'file');
  const doc = materialize(imported, debate, opts.format === 'argdown' ? 'Argdown' : 'AIF', () =>
    crypto.randomUUID(),
  );
  const title = (opts.title?.trim() || doc.title).slice(0, 120);

  return createMapFromDocument(db, { userId: opts.userId, debateId: debate.id, title, doc });
}
