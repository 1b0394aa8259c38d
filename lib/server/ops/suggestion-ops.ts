import 'server-only';
import { can } from '@/lib/domain/capabilities';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { mapRole } from '../access';
import { pubsub } from '../live/pubsub';
import { notify } from '../notifications';
import { addClaim, type OpOf, type SqlContext } from './claim-ops';

/**
 * Accepting a suggestion is an ordinary claim.add that names it (`suggestionId`): so the new claim
 * is live for everyone, in History and undoable like any other, and the acceptance is in the same
 * transaction as the claim. The claim is the suggestion as written, where it was suggested, and
 * it is written as the suggester's (ctx.authorId). If the claim it answers is gone, nothing is
 * added and the suggestion stays open.
 */
export async function acceptSuggestion(
  ctx: SqlContext,
  op: OpOf<'claim.add'> & { suggestionId: string },
) {
  const role = await mapRole(ctx.sql, ctx.userId, ctx.mapId);
  if (!can(role, 'suggestion.review'))
    throw new AppError('FORBIDDEN', 'Only the map’s editors and owner can accept suggestions.');
  // Taken in one statement: of two editors accepting at once, one gets it.
  const [taken] = await ctx.sql.$queryRaw<
    { authorId: string; thesisId: string; parentId: string | null; stance: string; text: string }[]
  >`UPDATE "suggestion" SET "status" = 'accepted', "claimId" = ${op.claimId},
      "decidedById" = ${ctx.userId}, "decidedAt" = ${new Date()}
    WHERE "id" = ${op.suggestionId} AND "mapId" = ${ctx.mapId} AND "status" = 'open'
    RETURNING "authorId", "thesisId", "parentId", "stance", "text"`;
  if (!taken) {
    const [known] = await ctx.sql.$queryRaw<{ status: string }[]>`
      SELECT "status" FROM "suggestion" WHERE "id" = ${op.suggestionId} AND "mapId" = ${ctx.mapId}`;
    throw appError(known ? 'suggestion.decided' : 'suggestion.gone');
  }
  const asWritten =
    taken.thesisId === op.thesisId &&
    taken.parentId === op.parentId &&
    taken.stance === op.stance &&
    taken.text === op.text;
  if (!asWritten) throw appError('suggestion.asWritten');
  ctx.authorId = taken.authorId;
  try {
    await addClaim(ctx, op);
  } catch (error) {
    if (error instanceof AppError && error.reason === 'claim.parentGone')
      throw appError('suggestion.parentGone');
    throw error;
  }
  const { mapId, userId } = ctx;
  const suggester = taken.authorId;
  (ctx.afterCommit ??= []).push(async (db) => {
    await notify(db, {
      userId: suggester,
      kind: 'suggestion-accepted',
      actorId: userId,
      mapId,
      claimId: op.claimId,
      data: { suggestionId: op.suggestionId },
    });
    suggestionsChanged(mapId, suggester);
  });
}

/**
 * Tells the map's open pages that its suggestions changed (one by `authorId` was made or
 * decided): its reviewers and that suggester load their list again. Carries no content; each
 * page asks for what it may see (lib/server/suggestions.ts).
 */
export function suggestionsChanged(mapId: string, authorId: string) {
  pubsub().publish(mapId, { type: 'suggestions', authorId });
}
