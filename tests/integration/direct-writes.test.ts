import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeTransaction } from '@/lib/server/db-client';
import { toAnchorView, toClaimView, toLinkView } from '@/lib/server/row-views';
import { listComments } from '@/lib/server/ops/comment-ops';
import { listVotes, setVote } from '@/lib/server/votes';
import { apply, claim, createUser, db, quote, userWithMap } from '../support/factories';

// Every kind of change a class sends (claims added, edited, moved, deleted and restored, quotes,
// cross-links, comments, votes) is plain SQL in one write transaction: on SQLite straight on the
// driver, never through a Prisma transaction (the fast path, lib/server/sqlite-adapter.ts); on
// PostgreSQL in a Prisma transaction. Either way, what each answer says and what is stored is
// what Prisma's own model queries read back.
const onSqlite = process.env.DATABASE_URL!.startsWith('file:');

afterEach(() => vi.restoreAllMocks());

describe('every change a class sends, as plain SQL', () => {
  it('takes the direct path on SQLite, and stores and answers what Prisma reads back', async () => {
    const { user, map, a, b } = await userWithMap();
    const voter = await createUser('Voter');
    await db.mapMember.create({ data: { mapId: map.id, userId: voter.id, role: 'commenter' } });
    const transactions = vi.spyOn(db, '$transaction');
    const one = await claim(user.id, map.id, a.id, null, 'pro', 'First');
    const two = await claim(user.id, map.id, a.id, null, 'con', 'Second');
    const other = await claim(user.id, map.id, b.id, null, 'pro', 'Other side');
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: one.id,
      set: { text: 'First, edited', strength: 2 },
      base: { text: 'First' },
    });
    const moved = await apply(user.id, map.id, {
      kind: 'claim.move',
      claimId: two.id,
      thesisId: a.id,
      parentId: one.id,
      order: 'a0',
    });
    expect(moved.ok).toBe(true);
    const anchor = await quote(user.id, map.id, one.id, a.sourceId);
    expect(anchor).toEqual(
      toAnchorView(await db.anchor.findUniqueOrThrow({ where: { id: anchor.id } })),
    );
    const link = await apply(user.id, map.id, {
      kind: 'link.add',
      linkId: crypto.randomUUID(),
      fromClaimId: one.id,
      target: { claimId: other.id },
      stance: 'con',
    });
    const linkId = (link.data as { id: string }).id;
    expect(link.data).toEqual(
      toLinkView(await db.claimLink.findUniqueOrThrow({ where: { id: linkId } })),
    );
    const thread = crypto.randomUUID();
    const reply = crypto.randomUUID();
    const started = await apply(voter.id, map.id, {
      kind: 'comment.add',
      commentId: thread,
      claimId: one.id,
      parentId: null,
      body: 'Why?',
    });
    await apply(user.id, map.id, {
      kind: 'comment.add',
      commentId: reply,
      claimId: one.id,
      parentId: thread,
      body: 'Because.',
    });
    const edited = await apply(voter.id, map.id, {
      kind: 'comment.edit',
      commentId: thread,
      body: 'Why, though?',
    });
    const resolved = await apply(user.id, map.id, {
      kind: 'comment.resolve',
      commentId: reply,
      resolved: true,
    });
    let comments = await listComments(db, map.id);
    expect(started.data).toEqual({
      ...comments[0],
      body: 'Why?',
      editedAt: null,
      resolvedAt: null,
    });
    expect(edited.data).toEqual({ ...comments[0], resolvedAt: null });
    expect(resolved.data).toEqual({ rootId: thread, resolvedAt: comments[0]!.resolvedAt });
    const vote = await writeTransaction(db, (sql) =>
      setVote(sql, { userId: voter.id, mapId: map.id, claimId: one.id, impact: 3 }),
    );
    const again = await writeTransaction(db, (sql) =>
      setVote(sql, { userId: voter.id, mapId: map.id, claimId: one.id, impact: 4 }),
    );
    expect([vote.tally, again.tally]).toEqual([
      { average: 3, count: 1 },
      { average: 4, count: 1 },
    ]);
    expect((await listVotes(db, { userId: voter.id, mapId: map.id })).tallies).toEqual({
      [one.id]: { average: 4, count: 1 },
    });

    // Into the Trash and back: the answer is the batch as Prisma reads it.
    const deletion = crypto.randomUUID();
    const deleted = await apply(
      user.id,
      map.id,
      { kind: 'claim.delete', claimId: one.id, seen: [one.id, two.id] },
      deletion,
    );
    expect(deleted.data).toEqual({ deletionId: deletion, removed: 2 });
    const trashed = await db.claim.findMany({ where: { deletionId: deletion } });
    expect(trashed.map((c) => [c.deletedById, c.deletedAt instanceof Date])).toEqual([
      [user.id, true],
      [user.id, true],
    ]);
    const restored = await apply(user.id, map.id, {
      kind: 'claim.restore',
      deletionId: deletion,
    });
    const rows = await db.claim.findMany({ where: { id: { in: [one.id, two.id] } } });
    comments = await listComments(db, map.id);
    const data = restored.data as Record<string, unknown[]>;
    expect(new Set(data.claims)).toEqual(new Set(rows.map(toClaimView)));
    expect(data.anchors).toEqual([anchor]);
    expect(data.links).toEqual([link.data]);
    expect(data.comments).toEqual(comments);

    await apply(user.id, map.id, { kind: 'anchor.remove', anchorId: anchor.id });
    await apply(user.id, map.id, { kind: 'link.remove', linkId });
    await apply(user.id, map.id, { kind: 'comment.delete', commentId: thread });
    if (onSqlite) expect(transactions).not.toHaveBeenCalled();
    transactions.mockRestore();

    expect(await db.anchor.count({ where: { claimId: one.id } })).toBe(0);
    expect(await db.claimLink.count({ where: { mapId: map.id } })).toBe(0);
    expect(await listComments(db, map.id)).toEqual([]);
    const saved = await db.claim.findUniqueOrThrow({ where: { id: two.id } });
    expect(saved).toMatchObject({ parentId: one.id, orderKey: 'a0', version: 2, deletedAt: null });
    const ops = await db.mapOperation.findMany({ where: { mapId: map.id, revision: { gt: 0 } } });
    expect(ops).toHaveLength(16);
    if (onSqlite) {
      // Dates are stored as Prisma stores them (ISO text with +00:00), so Prisma reads them back.
      const file = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''), {
        readonly: true,
      });
      try {
        const stamps = file
          .prepare(
            `SELECT updatedAt AS at FROM claim WHERE mapId = @map
             UNION ALL SELECT createdAt FROM comment WHERE mapId = @map
             UNION ALL SELECT editedAt FROM comment WHERE mapId = @map AND editedAt IS NOT NULL
             UNION ALL SELECT updatedAt FROM claim_vote WHERE mapId = @map`,
          )
          .all({ map: map.id }) as { at: unknown }[];
        expect(stamps.length).toBeGreaterThanOrEqual(7);
        for (const { at } of stamps) expect(at).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/);
      } finally {
        file.close();
      }
    }
  });
});
