import { AppError, type AppErrorCode } from './errors';

/**
 * The words people are shown when a change to a map is refused, in one place. Code that refuses
 * (lib/domain, lib/server) names a reason and its details; this table turns them into the
 * sentence. So one situation reads the same wherever it is found (the editor's own check, the
 * server's, an import), and a wording is changed here, once.
 *
 * Each reason has the error code it travels with (lib/errors.ts: the HTTP status, whether to
 * retry), its words, and the form field they belong next to, when there is one.
 */
const REASONS = {
  // Claims
  'claim.gone': {
    code: 'NOT_FOUND',
    words: 'That claim was deleted, perhaps in another tab: it is in the map’s Trash.',
  },
  'claim.parentGone': {
    code: 'NOT_FOUND',
    words: 'The claim you are answering was deleted, perhaps in another tab.',
  },
  'claim.goneWith': {
    code: 'NOT_FOUND',
    words: (d: { what: 'quote' | 'comment' }) =>
      `That claim was deleted, so the ${d.what} was not kept.`,
  },
  'claim.otherThesis': {
    code: 'INVALID',
    words: 'A reply belongs to the same thesis as the claim it answers.',
  },
  'claim.underItself': {
    code: 'INVALID',
    words: 'A claim cannot be moved under itself or one of its own replies.',
  },
  'claim.stanceChanged': {
    code: 'CONFLICT',
    words:
      'Someone else changed whether this claim is pro or con since, so it was left as they set it.',
  },
  'claim.ratingChanged': {
    code: 'CONFLICT',
    words: 'Someone else changed this claim’s rating since, so it was left as they set it.',
  },
  'claim.textChanged': {
    code: 'CONFLICT',
    words:
      'Someone else changed this claim while you were editing it. Your text is kept: compare the two versions and choose.',
  },
  'claim.movedSince': {
    code: 'CONFLICT',
    words: 'Someone else moved this claim since, so it was left where they put it.',
  },
  'claim.unseenReplies': {
    code: 'CONFLICT',
    words: (d: { count: number }) =>
      d.count === 1
        ? 'Someone added a reply to this claim since you opened the map, so nothing was deleted. Look at the new reply, then delete again if you still want to.'
        : `Someone added ${d.count} replies to this claim since you opened the map, so nothing was deleted. Look at them, then delete again if you still want to.`,
  },
  'restore.done': { code: 'NOT_FOUND', words: 'That was already restored.' },
  'restore.parentDeleted': {
    code: 'CONFLICT',
    words:
      'This cannot be restored on its own: the claim it answered is deleted too. Restore that one first.',
  },

  // Cross-links, quotes, comments, ratings
  'link.targetGone': {
    code: 'NOT_FOUND',
    words: 'The claim you are linking to was deleted, perhaps in another tab.',
  },
  'link.sameSide': {
    code: 'INVALID',
    words: 'Cross-links join the two sides: pick a claim or thesis on the other side.',
  },
  'link.duplicate': { code: 'CONFLICT', words: 'These two are already linked.' },
  'quote.notInArticle': {
    code: 'INVALID',
    field: 'quote',
    words: (d: { title: string }) =>
      `That passage is not in “${d.title}”. Select it in the article, or paste it exactly as written (within one paragraph).`,
  },
  'comment.gone': { code: 'NOT_FOUND', words: 'That comment was deleted.' },
  'comment.parentGone': { code: 'NOT_FOUND', words: 'The comment you answered was deleted.' },
  'comment.otherClaim': {
    code: 'INVALID',
    words: 'A reply belongs on the same claim as the comment it answers.',
  },
  'comment.notAuthor': {
    code: 'FORBIDDEN',
    words: 'Only the person who wrote a comment can change it.',
  },
  'vote.range': { code: 'INVALID', words: 'Choose a rating from 0 to 4.' },

  // Suggestions (lib/server/suggestions.ts)
  'suggestion.gone': { code: 'NOT_FOUND', words: 'That suggestion no longer exists.' },
  'suggestion.decided': {
    code: 'CONFLICT',
    words: 'Someone has already accepted, answered or declined this suggestion.',
  },
  'suggestion.parentGone': {
    code: 'NOT_FOUND',
    words:
      'The claim this suggestion answers was deleted, so it was not added. The suggestion stays open: answer or decline it.',
  },
  'suggestion.asWritten': {
    code: 'INVALID',
    words: 'An accepted suggestion goes into the map as it was written, where it was suggested.',
  },
  'suggestion.needsAccount': {
    code: 'UNAUTHENTICATED',
    words:
      'Suggesting a claim needs an account: sign in, and ask the map’s owner to invite you to the map.',
  },

  // The map, its debate, the change itself
  'map.gone': { code: 'NOT_FOUND', words: 'That map does not exist (it may have been deleted).' },
  'debate.otherThesis': {
    code: 'INVALID',
    words: 'That thesis is not part of this map’s debate.',
  },
  'debate.otherArticle': {
    code: 'INVALID',
    field: 'sourceId',
    words: 'That article is not part of this map’s debate.',
  },
  'change.idTaken': {
    code: 'CONFLICT',
    words: (d: { what: 'claim' | 'quote' | 'link' | 'comment' | 'change' }) =>
      `A ${d.what} with that id already exists.`,
  },
  'change.notSaved': { code: 'UNAVAILABLE', words: 'The server could not save this just now.' },

  // Who is asking
  'session.ended': {
    code: 'UNAUTHENTICATED',
    words: 'Your session has ended. Sign in again to keep working.',
  },
  'shareLink.dead': {
    code: 'NOT_FOUND',
    words: 'This link does not work: it was revoked or never existed.',
  },
} satisfies Record<string, Reason>;

interface Reason {
  code: AppErrorCode;
  words: string | ((details: never) => string);
  field?: string;
}

export type ErrorReason = keyof typeof REASONS;

/** What a reason's words need to know (a count, a title...), or nothing. */
type DetailsOf<R extends ErrorReason> = (typeof REASONS)[R]['words'] extends (d: infer D) => string
  ? [details: D]
  : [];

/** Every reason, for tests and for whoever wants to list them. */
export const errorReasons = Object.keys(REASONS) as ErrorReason[];

/** The code a reason travels with. */
export const errorCodeOf = (reason: ErrorReason): AppErrorCode => REASONS[reason].code;

/** The words shown for a reason. */
export function errorWords<R extends ErrorReason>(reason: R, ...details: DetailsOf<R>): string {
  const words: Reason['words'] = REASONS[reason].words;
  return typeof words === 'string' ? words : (words as (d: unknown) => string)(details[0]);
}

/**
 * The error to throw for a reason: an AppError whose `message` is the words shown (so anything
 * that shows `error.message` shows them), whose `code` is the reason's, and which carries the
 * reason and its details for code that decides by them.
 */
export function appError<R extends ErrorReason>(reason: R, ...details: DetailsOf<R>): AppError {
  const entry: Reason = REASONS[reason];
  return new AppError(entry.code, errorWords(reason, ...details), entry.field, {
    reason,
    details: details[0],
  });
}
