import type { DebateView } from '../views';
import type { MapDocument } from './document';
import { fromAif } from './from-aif';
import { fromArgdown } from './from-argdown';
import { materialize } from './imported-map';

export const IMPORT_FORMATS = ['argdown', 'aif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How each format is named in messages. */
export const FORMAT_LABELS: Record<ImportFormat, string> = { argdown: 'Argdown', aif: 'AIF' };

/**
 * Reads an Argdown or AIF file into a map document on `debate`: within the import limits, every
 * structure and quote checked, ids from `newId`. Throws AppError('INVALID') naming each problem.
 * This is the heavy part of an import, and what the import worker runs.
 */
export function readImport(opts: {
  format: ImportFormat;
  text: string;
  debate: DebateView;
  newId: () => string;
}): MapDocument {
  const imported = opts.format === 'argdown' ? fromArgdown(opts.text) : fromAif(opts.text);
  return materialize(imported, opts.debate, FORMAT_LABELS[opts.format], opts.newId);
}
