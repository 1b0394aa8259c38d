import type { Op } from '../schemas/ops';
import type { OpBefore } from './undo';

/**
 * Comment events in a map's History: who added, edited, deleted, resolved or reopened a comment,
 * and on which claim. Comments are the class's conversation, so History keeps their words out
 * wherever they should not be: an entry shows a comment's words only when they are its words now
 * (so never an earlier draft an edit replaced, and nothing of a comment deleted now).
 */

type CommentOp = Extract<Op, { kind: `comment.${string}` }>;

/** What History needs of a comment as it is now (lib/server/history.ts reads it). */
export interface CommentFacts {
  claimId: string;
  /** The thread's first comment for a reply; null for a thread's first comment. */
  parentId: string | null;
  deleted: boolean;
  /** Its words now: an entry shows words only when they are these (never an earlier draft). */
  body: string;
}

/** Which claim a comment entry is about, and whether the comment is a reply. */
export interface CommentPlace {
  claimId: string;
  reply: boolean;
}

export const isCommentOp = (op: Op): op is CommentOp => op.kind.startsWith('comment.');

/**
 * A comment entry as History sends it: its place (which claim, reply or not), with its words only
 * when they are the comment's words now (not an earlier draft, not a comment deleted or unknown).
 */
export function commentEntry<E extends { op: Op; before: OpBefore; comment?: CommentPlace }>(
  entry: E,
  facts: CommentFacts | undefined,
): E {
  const op = entry.op;
  if (!isCommentOp(op)) return entry;
  const place: CommentPlace | undefined = facts
    ? { claimId: facts.claimId, reply: facts.parentId !== null }
    : op.kind === 'comment.add'
      ? { claimId: op.claimId, reply: op.parentId !== null }
      : undefined;
  const current = facts && !facts.deleted ? facts.body : null;
  const shown = 'body' in op && op.body !== current ? { ...op, body: '' } : op;
  return { ...entry, op: shown, before: null, ...(place ? { comment: place } : {}) };
}

/** For the group summary: what a comment entry did, and to which comment. */
export function commentAction(op: CommentOp): {
  noun: 'comment' | 'thread';
  verb: string;
  subject: string;
} {
  switch (op.kind) {
    case 'comment.add':
      return { noun: 'comment', verb: 'added', subject: op.commentId };
    case 'comment.edit':
      return { noun: 'comment', verb: 'edited', subject: op.commentId };
    case 'comment.delete':
      return { noun: 'comment', verb: 'deleted', subject: op.commentId };
    case 'comment.resolve':
      return {
        noun: 'thread',
        verb: op.resolved ? 'resolved' : 'reopened',
        subject: op.commentId,
      };
  }
}

/**
 * One line for a comment entry: "Commented on “claim”: “words”", "Replied to a comment on …",
 * "Edited a comment on …", "Deleted a comment on …", "Resolved a thread on …", "Reopened …".
 * `claim` names a claim by id; `quote` quotes a text shortly.
 */
export function describeComment(
  op: CommentOp,
  place: CommentPlace | undefined,
  claim: (id: string) => string,
  quote: (text: string) => string,
): string {
  const on = place ? claim(place.claimId) : 'a claim';
  const words = 'body' in op && op.body ? `: ${quote(op.body)}` : '';
  switch (op.kind) {
    case 'comment.add':
      return `${place?.reply ? 'Replied to a comment on' : 'Commented on'} ${on}${words}`;
    case 'comment.edit':
      return `Edited a comment on ${on}${words}`;
    case 'comment.delete':
      return `Deleted a comment on ${on}`;
    case 'comment.resolve':
      return `${op.resolved ? 'Resolved' : 'Reopened'} a thread on ${on}`;
  }
}
