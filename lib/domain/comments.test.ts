import { describe, expect, it } from 'vitest';
import type { Op, OpDraft } from '../schemas/ops';
import { applyOp, type ApplyEnv, type MapState } from './apply-op';
import { applyCommentOp, isCommentOp, openCommentCounts, threadsOf } from './comments';
import type { CommentView } from './views';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ME = { id: 'u-me', name: 'Ada' };
const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-01T11:00:00.000Z';

/** An environment whose clock reads `at`, signed in as Ada unless told otherwise. */
const envAt = (at = T0, me: ApplyEnv['me'] | null = ME): ApplyEnv => ({
  blocksOf: () => undefined,
  now: () => at,
  ...(me ? { me } : {}),
});

const comment = (id: string, claimId: string, parentId: string | null = null): CommentView => ({
  id,
  claimId,
  parentId,
  authorId: 'u-other',
  authorName: 'Grace',
  body: `Body of ${id}`,
  createdAt: T0,
  editedAt: null,
  resolvedAt: null,
});

const state = (comments: CommentView[] = []): MapState => ({
  claims: [],
  anchors: [],
  links: [],
  comments,
  trash: {},
});

type CommentOp = Parameters<typeof applyCommentOp>[1];
type CommentDraft = Extract<OpDraft, { kind: CommentOp['kind'] }>;
let next = 100;
const run = (s: MapState, op: CommentDraft, env = envAt()) =>
  applyCommentOp(s, { ...op, id: uuid(next++) } as CommentOp, env);

const add = (s: MapState, commentId: string, claimId: string, parentId: string | null = null) =>
  run(s, { kind: 'comment.add', commentId, claimId, parentId, body: `Body of ${commentId}` });

describe('applyCommentOp (comments as this tab shows them before the server answers)', () => {
  it('starts a thread written by this tab’s person, dated by the clock', () => {
    const s = add(state(), 'r1', 'claim-A');
    expect(s.comments).toEqual([
      {
        id: 'r1',
        claimId: 'claim-A',
        parentId: null,
        authorId: ME.id,
        authorName: ME.name,
        body: 'Body of r1',
        createdAt: T0,
        editedAt: null,
        resolvedAt: null,
      },
    ]);
  });

  it('hangs a reply to a reply off the thread’s first comment', () => {
    let s = state([comment('root', 'claim-A')]);
    s = add(s, 'reply1', 'claim-A', 'root');
    s = add(s, 'reply2', 'claim-A', 'reply1');
    expect(s.comments.map((c) => [c.id, c.parentId])).toEqual([
      ['root', null],
      ['reply1', 'root'],
      ['reply2', 'root'],
    ]);
  });

  it('adds nothing twice, nothing under a deleted comment, and nothing without a signed-in person', () => {
    const s = state([comment('root', 'claim-A')]);
    expect(add(s, 'root', 'claim-A')).toBe(s);
    expect(add(s, 'orphan', 'claim-A', 'gone')).toBe(s);
    const anonymous = run(
      s,
      { kind: 'comment.add', commentId: 'x', claimId: 'claim-A', parentId: null, body: 'Hi' },
      envAt(T0, null),
    );
    expect(anonymous).toBe(s);
  });

  it('edits the body and marks when it was edited', () => {
    const s = run(
      state([comment('root', 'claim-A')]),
      { kind: 'comment.edit', commentId: 'root', body: 'Better words' },
      envAt(T1),
    );
    expect(s.comments[0]).toMatchObject({ body: 'Better words', editedAt: T1, createdAt: T0 });
  });

  it('deletes a reply alone, and a thread’s first comment with its replies', () => {
    const s = state([
      comment('root', 'claim-A'),
      comment('reply1', 'claim-A', 'root'),
      comment('reply2', 'claim-A', 'root'),
      comment('other', 'claim-B'),
    ]);
    const oneReply = run(s, { kind: 'comment.delete', commentId: 'reply1' });
    expect(oneReply.comments.map((c) => c.id)).toEqual(['root', 'reply2', 'other']);
    const thread = run(s, { kind: 'comment.delete', commentId: 'root' });
    expect(thread.comments.map((c) => c.id)).toEqual(['other']);
  });

  it('resolves and reopens the thread, whichever of its comments is named', () => {
    const s = state([comment('root', 'claim-A'), comment('reply1', 'claim-A', 'root')]);
    const resolved = run(
      s,
      { kind: 'comment.resolve', commentId: 'reply1', resolved: true },
      envAt(T1),
    );
    expect(resolved.comments.map((c) => c.resolvedAt)).toEqual([T1, null]);
    const reopened = run(resolved, { kind: 'comment.resolve', commentId: 'root', resolved: false });
    expect(reopened.comments.map((c) => c.resolvedAt)).toEqual([null, null]);
  });

  it('is what applyOp does for comment operations, and only for them', () => {
    const op: Op = {
      id: uuid(1),
      kind: 'comment.add',
      commentId: 'r1',
      claimId: 'claim-A',
      parentId: null,
      body: 'Hi',
    };
    expect(isCommentOp(op)).toBe(true);
    expect(isCommentOp({ id: uuid(2), kind: 'link.remove', linkId: 'l1' })).toBe(false);
    expect(applyOp(state(), op, envAt())).toEqual(applyCommentOp(state(), op, envAt()));
  });
});

describe('threadsOf', () => {
  it('gives one claim’s threads, oldest first, each with its replies in order', () => {
    const resolvedRoot = { ...comment('r2', 'claim-A'), resolvedAt: T1 };
    const comments = [
      comment('r1', 'claim-A'),
      comment('elsewhere', 'claim-B'),
      comment('r1-a', 'claim-A', 'r1'),
      resolvedRoot,
      comment('r1-b', 'claim-A', 'r1'),
      comment('r2-a', 'claim-A', 'r2'),
    ];
    const threads = threadsOf(comments, 'claim-A');
    expect(
      threads.map((t) => ({
        root: t.root.id,
        replies: t.replies.map((r) => r.id),
        resolved: t.resolved,
      })),
    ).toEqual([
      { root: 'r1', replies: ['r1-a', 'r1-b'], resolved: false },
      { root: 'r2', replies: ['r2-a'], resolved: true },
    ]);
    expect(threadsOf(comments, 'claim-C')).toEqual([]);
  });
});

describe('openCommentCounts', () => {
  it('counts every comment of open threads per claim, and none of resolved ones', () => {
    const counts = openCommentCounts([
      comment('r1', 'claim-A'),
      comment('r1-a', 'claim-A', 'r1'),
      { ...comment('r2', 'claim-A'), resolvedAt: T1 },
      comment('r2-a', 'claim-A', 'r2'),
      { ...comment('r3', 'claim-B'), resolvedAt: T1 },
      comment('r4', 'claim-C'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'claim-A': 2, 'claim-C': 1 });
  });

  it('follows a thread being resolved and reopened', () => {
    let s = add(add(state(), 'r1', 'claim-A'), 'r1-a', 'claim-A', 'r1');
    expect(openCommentCounts(s.comments).get('claim-A')).toBe(2);
    s = run(s, { kind: 'comment.resolve', commentId: 'r1', resolved: true });
    expect(openCommentCounts(s.comments).get('claim-A')).toBeUndefined();
    s = run(s, { kind: 'comment.resolve', commentId: 'r1-a', resolved: false });
    expect(openCommentCounts(s.comments).get('claim-A')).toBe(2);
  });
});
