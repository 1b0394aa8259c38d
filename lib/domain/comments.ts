import type { Op } from '../schemas/ops';
import type { ApplyEnv, MapState } from './apply-op';
import type { CommentView } from './views';

/** Comment threads on claims: how comment operations change a tab's state, and how threads read. */

type CommentOp = Extract<Op, { kind: `comment.${string}` }>;

export const isCommentOp = (op: Op): op is CommentOp => op.kind.startsWith('comment.');

export function applyCommentOp(state: MapState, op: CommentOp, env: ApplyEnv): MapState {
  const now = env.now?.() ?? new Date().toISOString();
  const comments = state.comments;
  switch (op.kind) {
    case 'comment.add': {
      if (comments.some((c) => c.id === op.commentId) || !env.me) return state;
      const parent = op.parentId ? comments.find((c) => c.id === op.parentId) : undefined;
      if (op.parentId && !parent) return state;
      const comment: CommentView = {
        id: op.commentId,
        claimId: op.claimId,
        parentId: parent ? (parent.parentId ?? parent.id) : null,
        authorId: env.me.id,
        authorName: env.me.name,
        body: op.body,
        createdAt: now,
        editedAt: null,
        resolvedAt: null,
      };
      return { ...state, comments: [...comments, comment] };
    }
    case 'comment.edit':
      return {
        ...state,
        comments: comments.map((c) =>
          c.id === op.commentId ? { ...c, body: op.body, editedAt: now } : c,
        ),
      };
    case 'comment.delete':
      return {
        ...state,
        comments: comments.filter((c) => c.id !== op.commentId && c.parentId !== op.commentId),
      };
    case 'comment.resolve': {
      const target = comments.find((c) => c.id === op.commentId);
      const rootId = target?.parentId ?? op.commentId;
      return {
        ...state,
        comments: comments.map((c) =>
          c.id === rootId ? { ...c, resolvedAt: op.resolved ? now : null } : c,
        ),
      };
    }
  }
}

export interface CommentThread {
  root: CommentView;
  replies: CommentView[];
  resolved: boolean;
}

/** A claim's threads, oldest first, each with its replies in order. */
export function threadsOf(comments: readonly CommentView[], claimId: string): CommentThread[] {
  const mine = comments.filter((c) => c.claimId === claimId);
  return mine
    .filter((c) => c.parentId === null)
    .map((root) => ({
      root,
      replies: mine.filter((c) => c.parentId === root.id),
      resolved: root.resolvedAt !== null,
    }));
}

/** How many comments each claim has in open (unresolved) threads, for the badge on the claim. */
export function openCommentCounts(comments: readonly CommentView[]): Map<string, number> {
  const resolved = new Set(comments.filter((c) => c.resolvedAt !== null).map((c) => c.id));
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (resolved.has(c.parentId ?? c.id)) continue;
    counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  }
  return counts;
}
