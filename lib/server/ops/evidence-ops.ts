import 'server-only';
import type { Stance } from '@/lib/domain/argument-tree';
import { checkCrossLink, liveLinks } from '@/lib/domain/cross-links';
import { locateQuote, selectorAt } from '@/lib/domain/quote-anchoring';
import { appError } from '@/lib/error-words';
import { restoreBlocks } from '@/lib/schemas/source';
import { toAnchorView, toLinkView } from '../row-views';
import type { OpOf, SqlContext } from './claim-ops';
import { sqlIn, sqlJson } from './sql-rows';
import { isUniqueViolation } from '../db-errors';
import { cachedArticle } from '../article-cache';

// Quotes and cross-links: plain SQL, like every operation (lib/server/ops/claim-ops.ts).

type AnchorRow = Parameters<typeof toAnchorView>[0];
type LinkRow = Parameters<typeof toLinkView>[0];

/** Whether a claim is live in this map. */
async function isLive(ctx: SqlContext, claimId: string) {
  const [claim] = await ctx.sql.$queryRaw<{ id: string }[]>`SELECT "id" FROM "claim"
    WHERE "id" = ${claimId} AND "mapId" = ${ctx.mapId} AND "deletedAt" IS NULL`;
  return Boolean(claim);
}

/**
 * An article's title and paragraphs' text: read once per process, not for every quote, and
 * read again after its teacher edits it (lib/server/article-cache.ts).
 */
function articleText(ctx: SqlContext, sourceId: string) {
  return cachedArticle(sourceId, async () => {
    const [row] = await ctx.sql.$queryRaw<{ id: string; title: string; blocks: unknown }[]>`
      SELECT "id", "title", "blocks" FROM "source" WHERE "id" = ${sourceId}`;
    if (!row) throw new Error(`Source ${sourceId} of a debate is missing.`);
    return { ...row, blocks: restoreBlocks(sqlJson(row.blocks)).map((b) => b.text) };
  });
}

/**
 * Runs an INSERT; an id used before (in any map) is a refusal, like a claim's, not a failure to
 * retry. SQLite's direct path throws at once, PostgreSQL's when awaited: both are caught here.
 */
async function insertNew(insert: () => PromiseLike<unknown>, what: 'quote' | 'link') {
  try {
    await insert();
  } catch (error) {
    throw isUniqueViolation(error) ? appError('change.idTaken', { what }) : error;
  }
}

/**
 * Attaches a quoted passage to a claim. The passage must be in one of the map's articles; what
 * is stored is the article's own text around it, not what the browser sent.
 */
export async function addAnchor(ctx: SqlContext, op: OpOf<'anchor.add'>) {
  if (!ctx.debate.sourceIds.has(op.sourceId)) throw appError('debate.otherArticle');
  if (!(await isLive(ctx, op.claimId))) throw appError('claim.goneWith', { what: 'quote' });
  const source = await articleText(ctx, op.sourceId);
  const blocks = source.blocks;
  const selector = { exact: op.exact, prefix: op.prefix, suffix: op.suffix };
  const location = locateQuote(blocks, selector, op.block);
  if (!location) throw appError('quote.notInArticle', { title: source.title });
  const anchor: AnchorRow = {
    id: op.anchorId,
    claimId: op.claimId,
    sourceId: source.id,
    ...selectorAt(blocks, location),
    ...location,
  };
  await insertNew(
    () => ctx.sql.$executeRaw`INSERT INTO "anchor"
    ("id", "claimId", "sourceId", "exact", "prefix", "suffix", "block", "start", "end", "createdAt")
    VALUES (${anchor.id}, ${anchor.claimId}, ${anchor.sourceId}, ${anchor.exact},
      ${anchor.prefix}, ${anchor.suffix}, ${anchor.block}, ${anchor.start}, ${anchor.end},
      ${new Date()})`,
    'quote',
  );
  return toAnchorView(anchor);
}

/** Removes a quote; removing one that is already gone is not an error (the result is the same). */
export async function removeAnchor(ctx: SqlContext, op: OpOf<'anchor.remove'>) {
  const [anchor] = await ctx.sql.$queryRaw<AnchorRow[]>`SELECT a."id", a."claimId",
      a."sourceId", a."exact", a."prefix", a."suffix", a."block", a."start", a."end"
    FROM "anchor" a JOIN "claim" c ON c."id" = a."claimId"
    WHERE a."id" = ${op.anchorId} AND c."mapId" = ${ctx.mapId}`;
  ctx.before = anchor
    ? {
        anchor: toAnchorView({
          ...anchor,
          block: Number(anchor.block),
          start: Number(anchor.start),
          end: Number(anchor.end),
        }),
      }
    : null;
  if (anchor) await ctx.sql.$executeRaw`DELETE FROM "anchor" WHERE "id" = ${anchor.id}`;
}

/** Adds a cross-link from a claim to a claim or the thesis on the other side. */
export async function addLink(ctx: SqlContext, op: OpOf<'link.add'>) {
  const target = op.target;
  if ('thesisId' in target && !ctx.debate.thesisIds.has(target.thesisId)) {
    throw appError('debate.otherThesis');
  }
  const ends = [op.fromClaimId, ...('claimId' in target ? [target.claimId] : [])];
  const claims = await ctx.sql.$queryRaw<
    { id: string; thesisId: string; parentId: string | null; stance: string; orderKey: string }[]
  >`SELECT "id", "thesisId", "parentId", "stance", "orderKey" FROM "claim"
    WHERE "mapId" = ${ctx.mapId} AND "deletedAt" IS NULL AND "id" ${sqlIn(ends)}`;
  const nodes = claims.map((c) => ({ ...c, stance: c.stance as Stance, order: c.orderKey }));
  const existing = await ctx.sql.$queryRaw<LinkRow[]>`SELECT "id", "fromClaimId", "toClaimId",
      "toThesisId", "stance" FROM "claim_link"
    WHERE "mapId" = ${ctx.mapId} AND "fromClaimId" = ${op.fromClaimId}`;
  const to = checkCrossLink(
    nodes,
    liveLinks(nodes, existing.map(toLinkView)),
    op.fromClaimId,
    target,
  );
  const link: LinkRow = { id: op.linkId, fromClaimId: op.fromClaimId, ...to, stance: op.stance };
  await insertNew(
    () => ctx.sql.$executeRaw`INSERT INTO "claim_link"
    ("id", "mapId", "fromClaimId", "toClaimId", "toThesisId", "stance", "createdAt")
    VALUES (${link.id}, ${ctx.mapId}, ${link.fromClaimId}, ${link.toClaimId}, ${link.toThesisId},
      ${link.stance}, ${new Date()})`,
    'link',
  );
  return toLinkView(link);
}

/** Removes a cross-link; removing one that is already gone is not an error. */
export async function removeLink(ctx: SqlContext, op: OpOf<'link.remove'>) {
  const [link] = await ctx.sql.$queryRaw<LinkRow[]>`SELECT "id", "fromClaimId", "toClaimId",
      "toThesisId", "stance" FROM "claim_link" WHERE "id" = ${op.linkId} AND "mapId" = ${ctx.mapId}`;
  ctx.before = link ? { link: toLinkView(link) } : null;
  if (link) await ctx.sql.$executeRaw`DELETE FROM "claim_link" WHERE "id" = ${link.id}`;
}
