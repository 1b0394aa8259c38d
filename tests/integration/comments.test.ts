import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyOps } from '@/lib/server/ops/apply-ops';
import type { MemberRole } from '@/lib/domain/capabilities';
import type { CommentView } from '@/lib/domain/views';
import { copyMap, duplicateMap } from '@/lib/server/maps';
import { listComments } from '@/lib/server/ops/comment-ops';
import { apply, claim, createUser, db, remove, userWithMap } from '../support/factories';
import { ownerView } from '../support/map-view';

/** Adds someone to a map with a role, as an invitation would. */
async function member(mapId: string, role: MemberRole, name = `A ${role}`) {
  const user = await createUser(name.replace(/\s+/g, ''));
  await db.mapMember.create({ data: { mapId, userId: user.id, role } });
  return user;
}

/** Writes a comment as `userId`; returns its id and what the server answered. */
async function comment(
  userId: string,
  mapId: string,
  claimId: string,
  body: string,
  parentId: string | null = null,
) {
  const commentId = crypto.randomUUID();
  const result = await apply(userId, mapId, {
    kind: 'comment.add',
    commentId,
    claimId,
    parentId,
    body,
  });
  return { id: commentId, result, view: result.data as CommentView };
}

/** A map with one claim, its owner, and a commenter invited to it. */
async function discussion() {
  const { user: owner, map, a } = await userWithMap('Teacher');
  const target = await claim(owner.id, map.id, a.id, null, 'pro', 'Talks lower the risk of war');
  const student = await member(map.id, 'commenter', 'Student');
  return { owner, map, a, target, student };
}

const bodies = (list: CommentView[]) => list.map((c) => c.body);

describe('comment threads against a real database', () => {
  it('starts a thread and answers it; a reply to a reply hangs off the thread’s first comment', async () => {
    const { owner, map, target, student } = await discussion();
    const root = await comment(student.id, map.id, target.id, '  Which talks?  ');
    expect(root.view).toMatchObject({
      id: root.id,
      claimId: target.id,
      parentId: null,
      authorId: student.id,
      authorName: student.name,
      body: 'Which talks?',
      editedAt: null,
      resolvedAt: null,
    });
    const reply = await comment(owner.id, map.id, target.id, 'The 2018 summits.', root.id);
    const replyToReply = await comment(student.id, map.id, target.id, 'Thanks!', reply.id);
    expect(reply.view.parentId).toBe(root.id);
    expect(replyToReply.view.parentId).toBe(root.id);

    const listed = await listComments(db, map.id);
    expect(listed.map((c) => [c.id, c.parentId])).toEqual([
      [root.id, null],
      [reply.id, root.id],
      [replyToReply.id, root.id],
    ]);
    expect((await ownerView(map.id)).comments).toEqual(listed);
  });

  it('lists comments in the order they were written, even many in one millisecond', async () => {
    const { map, target, student } = await discussion();
    const ops = Array.from({ length: 12 }, (_, i) => ({
      id: crypto.randomUUID(),
      kind: 'comment.add' as const,
      commentId: crypto.randomUUID(),
      claimId: target.id,
      parentId: null,
      body: `Comment ${i}`,
    }));
    const { results } = await applyOps(db, { userId: student.id, mapId: map.id, ops });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(bodies(await listComments(db, map.id))).toEqual(ops.map((o) => o.body));
  });

  it('resolves a thread (through any of its comments) and reopens it', async () => {
    const { owner, map, target, student } = await discussion();
    const root = await comment(owner.id, map.id, target.id, 'Add a source here.');
    const reply = await comment(student.id, map.id, target.id, 'Done.', root.id);

    await apply(student.id, map.id, {
      kind: 'comment.resolve',
      commentId: reply.id,
      resolved: true,
    });
    const resolved = await db.comment.findUniqueOrThrow({ where: { id: root.id } });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedById).toBe(student.id);
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).resolvedAt).toBeNull();

    await apply(owner.id, map.id, { kind: 'comment.resolve', commentId: root.id, resolved: false });
    const reopened = await db.comment.findUniqueOrThrow({ where: { id: root.id } });
    expect([reopened.resolvedAt, reopened.resolvedById]).toEqual([null, null]);
  });

  it('lets only the author edit a comment, marking it edited', async () => {
    const { owner, map, target, student } = await discussion();
    const other = await member(map.id, 'editor', 'Classmate');
    const mine = await comment(student.id, map.id, target.id, 'Frist point');

    for (const who of [owner, other]) {
      await expect(
        apply(who.id, map.id, { kind: 'comment.edit', commentId: mine.id, body: 'Hijacked' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const edited = await apply(student.id, map.id, {
      kind: 'comment.edit',
      commentId: mine.id,
      body: 'First point',
    });
    expect(edited.data).toMatchObject({ body: 'First point', editedAt: expect.any(String) });
    await expect(
      apply(student.id, map.id, { kind: 'comment.edit', commentId: mine.id, body: '   ' }),
    ).rejects.toMatchObject({ code: 'INVALID', message: 'Write something first.' });
  });

  it('lets the author or the map’s owner delete a comment; deleting a thread takes its replies', async () => {
    const { owner, map, target, student } = await discussion();
    const other = await member(map.id, 'commenter', 'Classmate');
    const root = await comment(other.id, map.id, target.id, 'Off-topic thread');
    const reply = await comment(student.id, map.id, target.id, 'My reply', root.id);
    const lone = await comment(other.id, map.id, target.id, 'Another one');

    await expect(
      apply(student.id, map.id, { kind: 'comment.delete', commentId: lone.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await apply(student.id, map.id, { kind: 'comment.delete', commentId: reply.id });
    expect(bodies(await listComments(db, map.id))).toEqual(['Off-topic thread', 'Another one']);

    const reply2 = await comment(student.id, map.id, target.id, 'Second reply', root.id);
    await apply(owner.id, map.id, { kind: 'comment.delete', commentId: root.id });
    expect(bodies(await listComments(db, map.id))).toEqual(['Another one']);
    const gone = await db.comment.findUniqueOrThrow({ where: { id: reply2.id } });
    expect(gone.deletedAt).not.toBeNull();
    await expect(
      apply(other.id, map.id, { kind: 'comment.edit', commentId: root.id, body: 'Back?' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a commenter comment but not change the map; a viewer does neither', async () => {
    const { map, target, student } = await discussion();
    const viewer = await member(map.id, 'viewer', 'Parent');
    await comment(student.id, map.id, target.id, 'I can write here.');
    await expect(
      apply(student.id, map.id, {
        kind: 'claim.update',
        claimId: target.id,
        set: { text: 'Rewritten by a commenter' },
        base: {},
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Ask its owner for edit access'),
    });
    await expect(comment(viewer.id, map.id, target.id, 'Me too')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Ask its owner for comment access'),
    });
    const stranger = await createUser('Stranger');
    await expect(comment(stranger.id, map.id, target.id, 'Hello')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: target.id } })).text).toBe(
      'Talks lower the risk of war',
    );
    expect(bodies(await listComments(db, map.id))).toEqual(['I can write here.']);
  });

  it('hides comments while their claim is deleted and brings them back with it', async () => {
    const { owner, map, a, target, student } = await discussion();
    const child = await claim(owner.id, map.id, a.id, target.id, 'con', 'But talks can stall');
    await comment(student.id, map.id, target.id, 'On the parent');
    await comment(student.id, map.id, child.id, 'On the reply');

    const deletionId = await remove(owner.id, map.id, target.id);
    expect((await ownerView(map.id)).comments).toEqual([]);
    await expect(comment(student.id, map.id, child.id, 'Too late')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'That claim was deleted, so the comment was not kept.',
    });

    await apply(owner.id, map.id, { kind: 'claim.restore', deletionId });
    // Both back (two comments made in the same millisecond have no set order).
    expect(bodies((await ownerView(map.id)).comments).sort()).toEqual([
      'On the parent',
      'On the reply',
    ]);
  });

  it('copies comments with their claims: new ids, same authors, threads and resolved state', async () => {
    const { owner, map, a, target, student } = await discussion();
    const gone = await claim(owner.id, map.id, a.id, null, 'con', 'Deleted before the copy');
    const root = await comment(student.id, map.id, target.id, 'Thread');
    await comment(owner.id, map.id, target.id, 'Reply', root.id);
    await apply(owner.id, map.id, { kind: 'comment.resolve', commentId: root.id, resolved: true });
    const dropped = await comment(student.id, map.id, target.id, 'Deleted comment');
    await apply(student.id, map.id, { kind: 'comment.delete', commentId: dropped.id });
    await comment(student.id, map.id, gone.id, 'On a deleted claim');
    await remove(owner.id, map.id, gone.id);

    const copy = await duplicateMap(db, { userId: owner.id, mapId: map.id });
    const view = await ownerView(copy.id);
    const original = await listComments(db, map.id);
    expect(view.comments).toHaveLength(2);
    // Found by their words: comments made in the same millisecond have no set order.
    const byBody = (list: CommentView[], body: string) => list.find((c) => c.body === body)!;
    const copiedRoot = byBody(view.comments, 'Thread');
    const copiedReply = byBody(view.comments, 'Reply');
    const originalRoot = byBody(original, 'Thread');
    expect(copiedRoot).toMatchObject({
      body: 'Thread',
      authorId: student.id,
      authorName: student.name,
      parentId: null,
      claimId: view.claims[0]!.id,
      createdAt: originalRoot.createdAt,
      resolvedAt: originalRoot.resolvedAt,
    });
    expect(copiedRoot.resolvedAt).not.toBeNull();
    expect(copiedReply).toMatchObject({
      body: 'Reply',
      authorId: owner.id,
      parentId: copiedRoot.id,
    });
    const originalIds = new Set(original.map((c) => c.id));
    expect(view.comments.some((c) => originalIds.has(c.id))).toBe(false);
    expect(view.claims.map((c) => c.id)).not.toContain(target.id);

    // The copy's comments are its own: resolving one leaves the original as it was.
    await apply(owner.id, copy.id, {
      kind: 'comment.resolve',
      commentId: copiedRoot.id,
      resolved: false,
    });
    expect((await listComments(db, map.id))[0]!.resolvedAt).not.toBeNull();
  });

  it('brings no comments into a copy made by someone who could not read them', async () => {
    const { map, target, student } = await discussion();
    await comment(student.id, map.id, target.id, 'Class conversation');
    const outsider = await createUser('Outsider');
    const copy = await copyMap(db, { sourceMapId: map.id, ownerId: outsider.id, title: 'Mine' });
    const view = await ownerView(copy.id);
    expect(view.claims).toHaveLength(1);
    expect(view.comments).toEqual([]);
  });

  it('records every applied comment operation in the map’s log, with its op and revision', async () => {
    const { owner, map, target, student } = await discussion();
    const root = await comment(student.id, map.id, target.id, 'Logged');
    const results = [root.result];
    results.push(
      await apply(student.id, map.id, { kind: 'comment.edit', commentId: root.id, body: 'Edited' }),
      await apply(owner.id, map.id, {
        kind: 'comment.resolve',
        commentId: root.id,
        resolved: true,
      }),
      await apply(student.id, map.id, { kind: 'comment.delete', commentId: root.id }),
    );
    const revisions = results.map((r) => (r.ok ? r.revision : 0));
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
    expect(new Set(revisions).size).toBe(4);

    const rows = await db.mapOperation.findMany({
      where: { mapId: map.id, kind: { startsWith: 'comment.' } },
      orderBy: { revision: 'asc' },
    });
    expect(rows.map((r) => [r.id, r.kind, r.revision])).toEqual(
      results.map((r, i) => [
        r.id,
        ['comment.add', 'comment.edit', 'comment.resolve', 'comment.delete'][i],
        revisions[i],
      ]),
    );
    const ops = rows.map((r) => JSON.parse(r.op!) as Record<string, unknown>);
    expect(ops[0]).toEqual({
      id: results[0]!.id,
      kind: 'comment.add',
      commentId: root.id,
      claimId: target.id,
      parentId: null,
      body: 'Logged',
    });
    expect(ops[1]).toMatchObject({ kind: 'comment.edit', commentId: root.id, body: 'Edited' });
    expect(JSON.parse(rows[1]!.before!)).toEqual({ body: 'Logged' });
    expect(ops[2]).toMatchObject({ kind: 'comment.resolve', resolved: true });
    expect(ops[3]).toMatchObject({ kind: 'comment.delete', commentId: root.id });
    expect((await ownerView(map.id)).revision).toBe(revisions[3]);
  });
});
