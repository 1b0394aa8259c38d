import 'server-only';
import type { CommentView } from '@/lib/domain/views';
import { appError } from '@/lib/error-words';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RawSql, Tx } from '../db';
import { ringBells } from '../live/bell';
import { notifyInSql } from '../notifications';
import type { OpOf, SqlContext } from './claim-ops';
import { sqlDate } from './sql-rows';

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

/**
 * The comments of a map that match `where` (on the comment, `c`), oldest first, as views: plain
 * SQL, like every operation (lib/server/ops/claim-ops.ts).
 */
export async function commentsWhere(
  sql: RawSql,
  mapId: string,
  where: Prisma.Sql,
): Promise<CommentView[]> {
  const rows = await sql.$queryRaw<
    {
      id: string;
      claimId: string;
      parentId: string | null;
      authorId: string;
      authorName: string;
      body: string;
      createdAt: unknown;
      editedAt: unknown;
      resolvedAt: unknown;
    }[]
  >`SELECT c."id", c."claimId", c."parentId", c."authorId", u."name" AS "authorName", c."body",
      c."createdAt", c."editedAt", c."resolvedAt"
    FROM "comment" c JOIN "user" u ON u."id" = c."authorId"
    WHERE c."mapId" = ${mapId} AND ${where} ORDER BY c."createdAt", c."id"`;
  return rows.map((r) =>
    toCommentView({
      ...r,
      author: { name: r.authorName },
      createdAt: sqlDate(r.createdAt)!,
      editedAt: sqlDate(r.editedAt),
      resolvedAt: sqlDate(r.resolvedAt),
    }),
  );
}

/** One comment of the map as a view (after a change to it). */
async function commentView(ctx: SqlContext, id: string) {
  const [view] = await commentsWhere(ctx.sql, ctx.mapId, Prisma.sql`c."id" = ${id}`);
  return view!;
}

async function liveComment(ctx: SqlContext, id: string) {
  const [comment] = await ctx.sql.$queryRaw<
    {
      id: string;
      claimId: string;
      authorId: string;
      parentId: string | null;
      body: string;
      deletedAt: unknown;
    }[]
  >`SELECT "id", "claimId", "authorId", "parentId", "body", "deletedAt" FROM "comment"
    WHERE "id" = ${id} AND "mapId" = ${ctx.mapId}`;
  if (!comment || comment.deletedAt) throw appError('comment.gone');
  return comment;
}

/** Only the author changes their words; the map's owner may also remove a comment. */
async function requireAuthor(ctx: SqlContext, authorId: string, allowOwner: boolean) {
  if (authorId === ctx.userId) return;
  if (allowOwner) {
    const [map] = await ctx.sql.$queryRaw<{ ownerId: string }[]>`
      SELECT "ownerId" FROM "argument_map" WHERE "id" = ${ctx.mapId}`;
    if (map?.ownerId === ctx.userId) return;
  }
  throw appError('comment.notAuthor');
}

/** Starts a thread on a live claim, or answers one (replies always hang off the thread's first comment). */
export async function addComment(ctx: SqlContext, op: OpOf<'comment.add'>) {
  const [claim] = await ctx.sql.$queryRaw<{ id: string }[]>`SELECT "id" FROM "claim"
    WHERE "id" = ${op.claimId} AND "mapId" = ${ctx.mapId} AND "deletedAt" IS NULL`;
  if (!claim) throw appError('claim.goneWith', { what: 'comment' });
  let parentId: string | null = null;
  if (op.parentId) {
    const parent = await liveComment(ctx, op.parentId).catch(() => {
      throw appError('comment.parentGone');
    });
    if (parent.claimId !== claim.id) throw appError('comment.otherClaim');
    parentId = parent.parentId ?? parent.id;
  }
  const [taken] = await ctx.sql.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "comment" WHERE "id" = ${op.commentId}`;
  if (taken) throw appError('change.idTaken', { what: 'comment' });
  // Comments are listed oldest first: two written in one millisecond (a reply straight after its
  // thread) still get distinct times in the order they were written.
  const [last] = await ctx.sql.$queryRaw<{ at: unknown }[]>`
    SELECT MAX("createdAt") AS "at" FROM "comment" WHERE "mapId" = ${ctx.mapId}`;
  const after = sqlDate(last?.at ?? null);
  const now = new Date();
  const createdAt = after && after >= now ? new Date(after.getTime() + 1) : now;
  await ctx.sql.$executeRaw`INSERT INTO "comment"
    ("id", "mapId", "claimId", "parentId", "authorId", "body", "createdAt")
    VALUES (${op.commentId}, ${ctx.mapId}, ${claim.id}, ${parentId}, ${ctx.userId}, ${op.body},
      ${createdAt})`;
  if (parentId) await notifyThread(ctx, claim.id, parentId, op.commentId);
  return commentView(ctx, op.commentId);
}

/** A reply tells everyone else who wrote in its thread (the bell), in the same transaction. */
async function notifyThread(ctx: SqlContext, claimId: string, rootId: string, commentId: string) {
  const writers = await ctx.sql.$queryRaw<{ authorId: string }[]>`
    SELECT DISTINCT "authorId" FROM "comment" WHERE "mapId" = ${ctx.mapId}
      AND ("id" = ${rootId} OR "parentId" = ${rootId}) AND "deletedAt" IS NULL`;
  const notified = await notifyInSql(
    ctx.sql,
    writers.map((w) => ({
      userId: w.authorId,
      kind: 'comment-reply' as const,
      actorId: ctx.userId,
      mapId: ctx.mapId,
      claimId,
      data: { commentId },
    })),
  );
  // Their bells ring once the reply is committed (apply-ops runs this only then).
  if (notified.length > 0) (ctx.afterCommit ??= []).push(async () => ringBells(notified));
}

export async function editComment(ctx: SqlContext, op: OpOf<'comment.edit'>) {
  const comment = await liveComment(ctx, op.commentId);
  await requireAuthor(ctx, comment.authorId, false);
  ctx.before = { body: comment.body };
  await ctx.sql.$executeRaw`UPDATE "comment" SET "body" = ${op.body}, "editedAt" = ${new Date()}
    WHERE "id" = ${comment.id}`;
  return commentView(ctx, comment.id);
}

/** Deletes a comment; deleting a thread's first comment deletes its replies too. */
export async function deleteComment(ctx: SqlContext, op: OpOf<'comment.delete'>) {
  const comment = await liveComment(ctx, op.commentId);
  await requireAuthor(ctx, comment.authorId, true);
  const now = new Date();
  if (comment.parentId)
    await ctx.sql.$executeRaw`UPDATE "comment" SET "deletedAt" = ${now}
      WHERE "mapId" = ${ctx.mapId} AND "id" = ${comment.id}`;
  else
    await ctx.sql.$executeRaw`UPDATE "comment" SET "deletedAt" = ${now}
      WHERE "mapId" = ${ctx.mapId} AND ("id" = ${comment.id} OR "parentId" = ${comment.id})`;
}

/** Resolves or reopens a thread (anyone who may comment may do either). */
export async function resolveComment(ctx: SqlContext, op: OpOf<'comment.resolve'>) {
  const comment = await liveComment(ctx, op.commentId);
  const rootId = comment.parentId ?? comment.id;
  const now = op.resolved ? new Date() : null;
  await ctx.sql.$executeRaw`UPDATE "comment" SET "resolvedAt" = ${now},
    "resolvedById" = ${op.resolved ? ctx.userId : null} WHERE "id" = ${rootId}`;
  return { rootId, resolvedAt: now?.toISOString() ?? null };
}
