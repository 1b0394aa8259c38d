import 'server-only';
import { sizeProblem } from '@/lib/domain/exchange/import-limits';
import { importFailure } from '@/lib/domain/exchange/imported-map';
import { FORMAT_LABELS, type ImportFormat } from '@/lib/domain/exchange/read-import';
import { AppError } from '@/lib/errors';
import { getFeaturedDebate } from './debates';
import type { Db } from './db';
import { readImportInWorker } from './read-import-in-worker';
import { createMapFromDocument } from './map-contents';
import { clip } from '@/lib/domain/text';

/**
 * Creates a map from Argdown or AIF text. Everything is checked first (size, syntax, structure,
 * the editor's rules, every quote found in its article) in a worker thread with a time and a
 * memory limit; a file with any problem creates nothing and says what and where.
 */
export async function importMap(
  db: Db,
  opts: { userId: string; format: ImportFormat; text: string; title?: string },
): Promise<{ id: string }> {
  // Too big is refused here, without starting a worker.
  const tooBig = sizeProblem(opts.text);
  if (tooBig) throw importFailure(FORMAT_LABELS[opts.format], [tooBig]);
  const debate = await getFeaturedDebate(db);
  if (!debate) throw new AppError('NOT_FOUND', 'There is no debate to import into yet.');
  const doc = await readImportInWorker({ format: opts.format, text: opts.text, debate });
  const title = clip(opts.title?.trim() || doc.title, 120).trim();
  return createMapFromDocument(db, { userId: opts.userId, debateId: debate.id, title, doc });
}
