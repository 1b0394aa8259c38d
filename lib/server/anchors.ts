import 'server-only';
import { locateQuote, selectorAt, type TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import type { AnchorView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import { restoreBlocks } from '@/lib/schemas/source';
import { requireOwnedMap, touchMap } from './access';
import type { Db } from './db';
import { toAnchorView } from './mappers';

/**
 * Attaches a quoted passage to a claim as its evidence. The passage must be in one of the map's
 * articles; what is stored is the article's own text around it, not what the browser sent.
 */
export async function addAnchor(
  db: Db,
  opts: {
    userId: string;
    mapId: string;
    claimId: string;
    sourceId: string;
    selector: TextQuoteSelector;
    blockHint?: number;
  },
): Promise<AnchorView> {
  return db.$transaction(async (tx) => {
    const map = await requireOwnedMap(tx, opts.userId, opts.mapId);
    if (!map.debate.theses.some((t) => t.sourceId === opts.sourceId)) {
      throw new AppError('INVALID', 'That article is not part of this map’s debate.', 'sourceId');
    }
    const claim = await tx.claim.findFirst({
      where: { id: opts.claimId, mapId: opts.mapId, deletedAt: null },
      select: { id: true },
    });
    if (!claim)
      throw new AppError('NOT_FOUND', 'That claim no longer exists. Reload to see the map.');
    const source = await tx.source.findUniqueOrThrow({ where: { id: opts.sourceId } });
    const blocks = restoreBlocks(source.blocks).map((b) => b.text);
    const location = locateQuote(blocks, opts.selector, opts.blockHint);
    if (!location) {
      throw new AppError(
        'INVALID',
        `That passage is not in “${source.title}”. Select it in the article, or paste it exactly as written (within one paragraph).`,
        'quote',
      );
    }
    const canonical = selectorAt(blocks, location);
    const anchor = await tx.anchor.create({
      data: { claimId: claim.id, sourceId: source.id, ...canonical, ...location },
    });
    await touchMap(tx, opts.mapId);
    return toAnchorView(anchor);
  });
}

export async function removeAnchor(
  db: Db,
  opts: { userId: string; mapId: string; anchorId: string },
) {
  await db.$transaction(async (tx) => {
    await requireOwnedMap(tx, opts.userId, opts.mapId);
    const { count } = await tx.anchor.deleteMany({
      where: { id: opts.anchorId, claim: { mapId: opts.mapId } },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'That quote was already removed.');
    await touchMap(tx, opts.mapId);
  });
}
