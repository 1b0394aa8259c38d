import 'server-only';
import { articleTextOf } from '@/lib/domain/classroom/article-text';
import { countImpact, reanchor, type AnchorPlace, type EditImpact } from '@/lib/domain/reanchor';
import { AppError } from '@/lib/errors';
import type { DebateFormValues, NewDebate } from '@/lib/schemas/debates';
import { restoreBlocks } from '@/lib/schemas/source';
import { articlesChanged } from '../article-cache';
import type { Db, Tx } from '../db';
import { pubsub } from '../live/pubsub';
import { requireTeacher } from './access';
import { requireDebateRead } from './debates';

/**
 * Editing a teacher's debate after it was made: its motion, theses and both articles. The maps
 * on it keep their quotes: every quote is found again in the new text and takes its new place;
 * one that can no longer be found stays, flagged (lib/domain/reanchor.ts). Only the teacher who
 * created the debate may edit it; the seeded examples are no one's to edit.
 */

/** The debate, if `userId` created it and is a teacher; refused (with why) otherwise. */
async function requireOwnDebate(tx: Tx, userId: string, debateId: string) {
  const { debate, mine } = await requireDebateRead(tx, userId, debateId);
  if (debate.createdById === null)
    throw new AppError(
      'FORBIDDEN',
      'The example debates cannot be edited. Make a debate of your own from any two articles.',
    );
  if (!mine) throw new AppError('FORBIDDEN', 'Only the teacher who created a debate can edit it.');
  await requireTeacher(tx, userId);
  return debate;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

/** The debate as the edit form starts with it, for the teacher who created it. */
export async function debateForEditing(
  tx: Tx,
  opts: { userId: string; debateId: string },
): Promise<{ id: string; values: DebateFormValues; maps: number }> {
  const debate = await requireOwnDebate(tx, opts.userId, opts.debateId);
  const row = await tx.debate.findUniqueOrThrow({
    where: { id: debate.id },
    include: {
      theses: { orderBy: { position: 'asc' }, include: { source: true } },
      _count: { select: { maps: true } },
    },
  });
  const [one, two] = row.theses;
  if (!one || !two) throw new AppError('NOT_FOUND', 'This debate is missing a side.');
  const side = (t: typeof one, n: '1' | '2') => ({
    [`label${n}`]: t.label,
    [`thesis${n}`]: t.text,
    [`title${n}`]: t.source.title,
    [`authors${n}`]: t.source.authors,
    [`publisher${n}`]: t.source.publisher,
    [`date${n}`]: day(t.source.publishedOn),
    [`url${n}`]: t.source.url,
    [`licence${n}`]: t.source.licence ?? '',
    [`text${n}`]: articleTextOf(restoreBlocks(t.source.blocks)),
  });
  return {
    id: row.id,
    values: {
      motion: row.motion,
      summary: row.summary ?? '',
      ...side(one, '1'),
      ...side(two, '2'),
    } as DebateFormValues,
    maps: row._count.maps,
  };
}

const samePlace = (a: AnchorPlace, b: AnchorPlace) =>
  a.exact === b.exact &&
  a.prefix === b.prefix &&
  a.suffix === b.suffix &&
  a.block === b.block &&
  a.start === b.start &&
  a.end === b.end;

/**
 * What the edit does to every quote of every map of the debate: the impact on the quotes of live
 * claims (what the teacher is told), and the new place of every quote that changes (quotes in
 * the Trash too, so a restored claim comes back with its quote where it now is).
 */
async function plan(tx: Tx, debateId: string, next: NewDebate) {
  const theses = await tx.thesis.findMany({
    where: { debateId },
    orderBy: { position: 'asc' },
    include: { source: { select: { id: true, blocks: true } } },
  });
  if (theses.length !== 2) throw new AppError('NOT_FOUND', 'This debate is missing a side.');
  const quotes: Parameters<typeof countImpact>[0][number][] = [];
  const updates: { id: string; place: AnchorPlace }[] = [];
  for (const [i, thesis] of theses.entries()) {
    const oldBlocks = restoreBlocks(thesis.source.blocks);
    const newBlocks = next.sides[i]!.source.blocks.map((b) => b.text);
    const anchors = await tx.anchor.findMany({
      where: { sourceId: thesis.source.id },
      select: {
        id: true,
        exact: true,
        prefix: true,
        suffix: true,
        block: true,
        start: true,
        end: true,
        claim: { select: { mapId: true, deletedAt: true } },
      },
    });
    for (const { id, claim, ...anchor } of anchors) {
      const { outcome, place } = reanchor(anchor, oldBlocks, newBlocks);
      if (!samePlace(anchor, place)) updates.push({ id, place });
      if (!claim.deletedAt) quotes.push({ mapId: claim.mapId, exact: anchor.exact, outcome });
    }
  }
  return { theses, impact: countImpact(quotes), updates };
}

interface EditOpts {
  userId: string;
  debateId: string;
  debate: NewDebate;
}

/** What saving this edit would do to the maps' quotes, without saving it. */
export async function previewDebateEdit(db: Db, opts: EditOpts): Promise<EditImpact> {
  // Only reads, so outside a transaction: on SQLite a transaction takes the one writer's turn,
  // and planning a debate's quotes must not hold up everyone's saves while a teacher previews.
  await requireOwnDebate(db, opts.userId, opts.debateId);
  return (await plan(db, opts.debateId, opts.debate)).impact;
}

/**
 * Saves the edit and re-anchors every quote, in one transaction; then every app server reads
 * the articles again, and every open map of the debate is told (its page offers to reload).
 * Returns what it did to the quotes.
 */
export async function updateDebate(db: Db, opts: EditOpts): Promise<EditImpact> {
  const { debateId, debate } = opts;
  const done = await db.$transaction(
    async (tx) => {
      await requireOwnDebate(tx, opts.userId, debateId);
      const { theses, impact, updates } = await plan(tx, debateId, debate);
      await tx.debate.update({
        where: { id: debateId },
        data: { motion: debate.motion, summary: debate.summary },
      });
      for (const [i, thesis] of theses.entries()) {
        const side = debate.sides[i]!;
        const s = side.source;
        await tx.thesis.update({
          where: { id: thesis.id },
          data: { label: side.label, text: side.thesis },
        });
        await tx.source.update({
          where: { id: thesis.source.id },
          data: {
            title: s.title,
            authors: s.authors,
            publisher: s.publisher,
            publishedOn: s.publishedOn,
            url: s.url,
            licence: s.licence,
            licenceUrl: s.licenceUrl,
            blocks: s.blocks.map((b) => ({ type: b.type, text: b.text })),
          },
        });
      }
      for (const { id, place } of updates) {
        const { exact, prefix, suffix, block, start, end } = place;
        await tx.anchor.update({
          where: { id },
          data: { exact, prefix, suffix, block, start, end },
        });
      }
      const maps = await tx.argumentMap.findMany({ where: { debateId }, select: { id: true } });
      return { impact, sourceIds: theses.map((t) => t.source.id), mapIds: maps.map((m) => m.id) };
    },
    // A class's worth of maps can hold a thousand quotes to move.
    { timeout: 30_000 },
  );
  articlesChanged(done.sourceIds);
  const live = pubsub();
  for (const mapId of done.mapIds) live.publish(mapId, { type: 'debate-edited' });
  return done.impact;
}
