import 'server-only';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MapDocument } from '@/lib/domain/exchange/document';
import { sizeProblem } from '@/lib/domain/exchange/import-limits';
import { importFailure, walkToTheses } from '@/lib/domain/exchange/imported-map';
import { FORMAT_LABELS, type ImportFormat } from '@/lib/domain/exchange/read-import';
import { AppError } from '@/lib/errors';
import { getFeaturedDebate } from './debates';
import type { Db } from './db';
import { readImportInWorker } from './import-worker';

export { IMPORT_FORMATS, type ImportFormat } from '@/lib/domain/exchange/read-import';

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
  const title = (opts.title?.trim() || doc.title).slice(0, 120);
  return saveInTurns(db, { userId: opts.userId, debateId: debate.id, title, doc });
}

/** Claims written between two turns of the event loop (about 50 ms of Prisma's work). */
const ROWS_PER_TURN = 50;

/**
 * Saves the map in one transaction, fifty claims at a time, letting other requests run between
 * the batches: Prisma spends about a millisecond of this thread on each row, so writing 10,000
 * claims in one go held up every other user for ten seconds or more. Parents go in before their
 * replies.
 */
async function saveInTurns(
  db: Db,
  opts: { userId: string; debateId: string; title: string; doc: MapDocument },
): Promise<{ id: string }> {
  const { claims, anchors, links } = opts.doc;
  const parentOf = new Map(claims.map((c) => [c.id, c.parentId]));
  const ROOT = '\u0000root';
  const level = walkToTheses(
    parentOf.keys(),
    (id) => parentOf.get(id) ?? ROOT,
    (id) => (id === ROOT ? 0 : undefined),
  );
  const ordered = [...claims].sort(
    (a, b) => (level.get(a.id)?.depth ?? 0) - (level.get(b.id)?.depth ?? 0),
  );
  const anchorsOf = new Map<string, typeof anchors>();
  for (const a of anchors) {
    const list = anchorsOf.get(a.claimId);
    if (list) list.push(a);
    else anchorsOf.set(a.claimId, [a]);
  }
  return db.$transaction(
    async (tx) => {
      const map = await tx.argumentMap.create({
        data: { title: opts.title, debateId: opts.debateId, ownerId: opts.userId },
        select: { id: true },
      });
      // The same rows as insertMapContents() writes, in batches it cannot make (a batch's
      // parents may be in an earlier one).
      for (let i = 0; i < ordered.length; i += ROWS_PER_TURN) {
        const part = ordered.slice(i, i + ROWS_PER_TURN);
        await tx.claim.createMany({
          data: part.map((c) => ({
            id: c.id,
            mapId: map.id,
            thesisId: c.thesisId,
            parentId: c.parentId,
            stance: c.stance,
            text: c.text,
            note: c.note,
            strength: c.strength,
            orderKey: c.order,
          })),
        });
        const quotes = part.flatMap((c) => anchorsOf.get(c.id) ?? []);
        if (quotes.length) {
          await tx.anchor.createMany({
            data: quotes.map((a) => ({
              claimId: a.claimId,
              sourceId: a.sourceId,
              exact: a.exact,
              prefix: a.prefix,
              suffix: a.suffix,
              block: a.block,
              start: a.start,
              end: a.end,
            })),
          });
        }
        await nextTurn();
      }
      for (let i = 0; i < links.length; i += ROWS_PER_TURN) {
        const part = links.slice(i, i + ROWS_PER_TURN);
        await tx.claimLink.createMany({ data: part.map((l) => ({ ...l, mapId: map.id })) });
        await nextTurn();
      }
      return map;
    },
    // The batches of a 10,000-claim map can take a while on a busy machine.
    { timeout: 60_000 },
  );
}
