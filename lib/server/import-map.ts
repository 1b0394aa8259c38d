import 'server-only';
import crypto from 'node:crypto';
import { fromAif } from '@/lib/domain/exchange/from-aif';
import { fromArgdown } from '@/lib/domain/exchange/from-argdown';
import { materialize } from '@/lib/domain/exchange/imported-map';
import { AppError } from '@/lib/errors';
import { getFeaturedDebate } from './debates';
import type { Db } from './db';

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

  return db.$transaction(async (tx) => {
    const map = await tx.argumentMap.create({
      data: { title, debateId: debate.id, ownerId: opts.userId },
      select: { id: true },
    });
    // Parents before children, so every foreign key is satisfied as rows go in.
    const depth = new Map<string, number>();
    const byId = new Map(doc.claims.map((c) => [c.id, c]));
    const depthOf = (id: string): number => {
      if (!depth.has(id)) {
        const parent = byId.get(id)!.parentId;
        depth.set(id, parent ? depthOf(parent) + 1 : 0);
      }
      return depth.get(id)!;
    };
    const ordered = [...doc.claims].sort((a, b) => depthOf(a.id) - depthOf(b.id));
    await tx.claim.createMany({
      data: ordered.map((c) => ({
        id: c.id,
        mapId: map.id,
        thesisId: c.thesisId,
        parentId: c.parentId,
        stance: c.stance,
        text: c.text,
        note: c.note,
        strength: c.strength,
        position: c.position,
      })),
    });
    await tx.anchor.createMany({
      data: doc.anchors.map((a) => ({
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
    await tx.claimLink.createMany({ data: doc.links.map((l) => ({ ...l, mapId: map.id })) });
    return map;
  });
}
