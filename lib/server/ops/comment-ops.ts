import 'server-only';
import type { CommentView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import type { Op } from '@/lib/schemas/ops';
import type { Tx } from '../db';
import type { OpContext } from './claim-ops';

type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

const GONE = 'That comment was deleted.';

/** A comment row as the editor shows it. */
export function toCommentView(c: {
  id: string;
  claimId: string;
  parentId: string | null;
  authorId: string;
  author: { name: string };
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  resolvedAt: Date | null;
}): CommentView {
  return {
    id: c.id,
    claimId: c.claimId,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName: c.author.name,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
  };
}

/** The comments on a map's live claims, oldest first. */
export async function listComments(tx: Tx, mapId: string): Promise<CommentView[]> {
  const rows = await tx.comment.findMany({
    where: { mapId, deletedAt: null, claim: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { author: { select: { name: true } } },
  });
  return rows.map(toCommentView);
}

async function liveComment(ctx: OpContext, id: string) {
  const comment = await ctx.tx.comment.findFirst({
    where: { id, mapId: ctx.mapId },
    select: {
      id: true,
      claimId: true,
      authorId: true,
      parentId: true,
      body: true,
      deletedAt: true,
      resolvedAt: true,
    },
  });
  if (!comment || comment.deletedAt) throw new AppError('NOT_FOUND', GONE);
  return comment;
}

/** Only the author changes their words; the map's owner may also remove a comment. */
async function requireAuthor(ctx: OpContext, authorId: string, allowOwner: boolean) {
  if (authorId === ctx.userId) return;
  if (allowOwner) {
    const map = await ctx.tx.argumentMap.findUnique({
      where: { id: ctx.mapId },
      select: { ownerId: true },
    });
    if (map?.ownerId === ctx.userId) return;
  }
  throw new AppError('FORBIDDEN', 'Only the person who wrote a comment can change it.');
}

/** Starts a thread on a live claim, or answers one (replies always hang off the thread's first comment). */
export async function addComment(ctx: OpContext, op: OpOf<'comment.add'>) {
  const claim = await ctx.tx.claim.findFirst({
    where: { id: op.claimId, mapId: ctx.mapId, deletedAt: null },
    select: { id: true },
  });
  if (!claim)
    throw new AppError('NOT_FOUND', 'That claim was deleted, so the comment was not kept.');
  let parentId: string | null = null;
  if (op.parentId) {
    const parent = await liveComment(ctx, op.parentId).catch(() => {
      throw new AppError('NOT_FOUND', 'The comment you answered was deleted.');
    });
    if (parent.claimId !== claim.id) {
      throw new AppError('INVALID', 'A reply belongs on the same claim as the comment it answers.');
    }
    parentId = parent.parentId ?? parent.id;
  }
  const taken = await ctx.tx.comment.findUnique({
    where: { id: op.commentId },
    select: { id: true },
  });
  if (taken) throw new AppError('CONFLICT', 'A comment with that id already exists.');
  const row = await ctx.tx.comment.create({
    data: {
      id: op.commentId,
      mapId: ctx.mapId,
      claimId: claim.id,
      parentId,
      authorId: ctx.userId,
      body: op.body,
    },
    include: { author: { select: { name: true } } },
  });
  return toCommentView(row);
}

export async function editComment(ctx: OpContext, op: OpOf<'comment.edit'>) {
  const comment = await liveComment(ctx, op.commentId);
  await requireAuthor(ctx, comment.authorId, false);
  ctx.before = { body: comment.body };
  const row = await ctx.tx.comment.update({
    where: { id: comment.id },
    data: { body: op.body, editedAt: new Date() },
    include: { author: { select: { name: true } } },
  });
  return toCommentView(row);
}

/** Deletes a comment; deleting a thread's first comment deletes its replies too. */
export async function deleteComment(ctx: OpContext, op: OpOf<'comment.delete'>) {
  const comment = await liveComment(ctx, op.commentId);
  await requireAuthor(ctx, comment.authorId, true);
  await ctx.tx.comment.updateMany({
    where: {
      mapId: ctx.mapId,
      OR: [{ id: comment.id }, ...(comment.parentId ? [] : [{ parentId: comment.id }])],
    },
    data: { deletedAt: new Date() },
  });
}

/** Resolves or reopens a thread (anyone who may comment may do either). */
export async function resolveComment(ctx: OpContext, op: OpOf<'comment.resolve'>) {
  const comment = await liveComment(ctx, op.commentId);
  const rootId = comment.parentId ?? comment.id;
  const now = new Date();
  await ctx.tx.comment.update({
    where: { id: rootId },
    data: op.resolved
      ? { resolvedAt: now, resolvedById: ctx.userId }
      : { resolvedAt: null, resolvedById: null },
  });
  return { rootId, resolvedAt: op.resolved ? now.toISOString() : null };
}
