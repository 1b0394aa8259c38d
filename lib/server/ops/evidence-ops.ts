import 'server-only';
import type { Stance } from '@/lib/domain/argument-tree';
import { checkCrossLink, liveLinks } from '@/lib/domain/cross-links';
import { locateQuote, selectorAt } from '@/lib/domain/quote-anchoring';
import { AppError } from '@/lib/errors';
import type { Op } from '@/lib/schemas/ops';
import { restoreBlocks } from '@/lib/schemas/source';
import { toAnchorView, toLinkView } from '../mappers';
import type { OpContext } from './claim-ops';
import { isUniqueViolation } from '../db-errors';

type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

/** An id used before (in any map) is a refusal, like a claim's, not a failure to retry. */
const refuseReused =
  (message: string) =>
  (error: unknown): never => {
    throw isUniqueViolation(error) ? new AppError('CONFLICT', message) : error;
  };

/**
 * Attaches a quoted passage to a claim. The passage must be in one of the map's articles; what
 * is stored is the article's own text around it, not what the browser sent.
 */
export async function addAnchor(ctx: OpContext, op: OpOf<'anchor.add'>) {
  if (!ctx.debate.sourceIds.has(op.sourceId)) {
    throw new AppError('INVALID', 'That article is not part of this map’s debate.', 'sourceId');
  }
  const claim = await ctx.tx.claim.findFirst({
    where: { id: op.claimId, mapId: ctx.mapId, deletedAt: null },
    select: { id: true },
  });
  if (!claim) throw new AppError('NOT_FOUND', 'That claim was deleted, so the quote was not kept.');
  const source = await ctx.tx.source.findUniqueOrThrow({ where: { id: op.sourceId } });
  const blocks = restoreBlocks(source.blocks).map((b) => b.text);
  const selector = { exact: op.exact, prefix: op.prefix, suffix: op.suffix };
  const location = locateQuote(blocks, selector, op.block);
  if (!location) {
    throw new AppError(
      'INVALID',
      `That passage is not in “${source.title}”. Select it in the article, or paste it exactly as written (within one paragraph).`,
      'quote',
    );
  }
  const anchor = await ctx.tx.anchor
    .create({
      data: {
        id: op.anchorId,
        claimId: claim.id,
        sourceId: source.id,
        ...selectorAt(blocks, location),
        ...location,
      },
    })
    .catch(refuseReused('A quote with that id already exists.'));
  return toAnchorView(anchor);
}

/** Removes a quote; removing one that is already gone is not an error (the result is the same). */
export async function removeAnchor(ctx: OpContext, op: OpOf<'anchor.remove'>) {
  const anchor = await ctx.tx.anchor.findFirst({
    where: { id: op.anchorId, claim: { mapId: ctx.mapId } },
  });
  ctx.before = anchor ? { anchor: toAnchorView(anchor) } : null;
  if (anchor) await ctx.tx.anchor.delete({ where: { id: anchor.id } });
}

/** Adds a cross-link from a claim to a claim or the thesis on the other side. */
export async function addLink(ctx: OpContext, op: OpOf<'link.add'>) {
  const target = op.target;
  if ('thesisId' in target && !ctx.debate.thesisIds.has(target.thesisId)) {
    throw new AppError('INVALID', 'That thesis is not part of this map’s debate.');
  }
  const ends = [op.fromClaimId, ...('claimId' in target ? [target.claimId] : [])];
  const claims = await ctx.tx.claim.findMany({
    where: { mapId: ctx.mapId, deletedAt: null, id: { in: ends } },
    select: { id: true, thesisId: true, parentId: true, stance: true, orderKey: true },
  });
  const nodes = claims.map((c) => ({ ...c, stance: c.stance as Stance, order: c.orderKey }));
  const existing = (
    await ctx.tx.claimLink.findMany({ where: { mapId: ctx.mapId, fromClaimId: op.fromClaimId } })
  ).map(toLinkView);
  const to = checkCrossLink(nodes, liveLinks(nodes, existing), op.fromClaimId, target);
  const row = await ctx.tx.claimLink
    .create({
      data: {
        id: op.linkId,
        mapId: ctx.mapId,
        fromClaimId: op.fromClaimId,
        ...to,
        stance: op.stance,
      },
    })
    .catch(refuseReused('A link with that id already exists.'));
  return toLinkView(row);
}

/** Removes a cross-link; removing one that is already gone is not an error. */
export async function removeLink(ctx: OpContext, op: OpOf<'link.remove'>) {
  const link = await ctx.tx.claimLink.findFirst({ where: { id: op.linkId, mapId: ctx.mapId } });
  ctx.before = link ? { link: toLinkView(link) } : null;
  if (link) await ctx.tx.claimLink.delete({ where: { id: link.id } });
}
