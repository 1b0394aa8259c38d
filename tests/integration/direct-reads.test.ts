import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { articlesChanged } from '@/lib/server/article-cache';
import type { Tx } from '@/lib/server/db';
import { memoryPubSub, setPubSub } from '@/lib/server/live/pubsub';
import { getMapPage } from '@/lib/server/map-page';
import { addMark } from '@/lib/server/marks';
import { headerBellCount } from '@/lib/server/notification-list';
import { castVote } from '@/lib/server/votes';
import { classTeam } from '../support/class-team';
import { apply, db } from '../support/factories';

// On SQLite the app's plain-SQL reads (a SELECT through the client, outside a transaction) run
// straight on the reader connection instead of through Prisma (lib/server/db-client.ts
// directReads). Inside a transaction they still go through Prisma. Whichever way a page reads,
// it must get the same answer.

beforeAll(() => setPubSub(memoryPubSub()));

/**
 * `read` on the client (the direct path on SQLite), then inside a transaction (Prisma's), each
 * with nothing kept in memory (articlesChanged forgets the kept debates and maps' contents).
 */
async function bothWays<T>(read: (tx: Tx) => Promise<T>) {
  articlesChanged([]);
  const direct = await read(db);
  articlesChanged([]);
  const throughPrisma = await db.$transaction((tx) => read(tx));
  return { direct, throughPrisma };
}

describe('plain-SQL reads', () => {
  it('a map page reads the same on the direct path as through Prisma', async () => {
    const w = await classTeam({ anonymous: true, dueAt: new Date('2030-01-01T12:00:00Z') });
    await addMark(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      claimId: w.claimId,
      kind: 'unclear',
      explanation: 'Say more',
    });
    await castVote(db, { userId: w.ben.id, mapId: w.mapId, claimId: w.claimId, impact: 3 });
    await apply(w.ben.id, w.mapId, {
      kind: 'comment.add',
      commentId: crypto.randomUUID(),
      claimId: w.claimId,
      parentId: null,
      body: 'Which doors?',
    });
    await apply(w.ana.id, w.mapId, {
      kind: 'claim.update',
      claimId: w.claimId,
      set: { strength: 4, note: 'Check the date' },
      base: {},
    });
    for (const userId of [w.ana.id, w.teacher.id]) {
      const { direct, throughPrisma } = await bothWays((tx) =>
        getMapPage(tx, { userId, mapId: w.mapId }),
      );
      expect(direct).toEqual(throughPrisma);
      expect(direct.map.comments).toHaveLength(1);
      expect(direct.map.claims[0]).toMatchObject({ strength: 4, note: expect.any(String) });
      expect(direct.assignment?.dueAt).toBe('2030-01-01T12:00:00.000Z');
      expect(direct.marks?.[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const bell = await bothWays((tx) => headerBellCount(tx as typeof db, w.ana.id));
    expect(bell.direct).toBe(bell.throughPrisma);
  });

  it('a read inside a transaction still sees what the transaction wrote', async () => {
    const w = await classTeam();
    const title = await db.$transaction(async (tx) => {
      await tx.argumentMap.update({ where: { id: w.mapId }, data: { title: 'Inside' } });
      const [row] = await tx.$queryRaw<{ title: string }[]>`
        SELECT "title" FROM "argument_map" WHERE "id" = ${w.mapId}`;
      return row?.title;
    });
    expect(title).toBe('Inside');
  });

  it('a write through the client still goes through Prisma', async () => {
    const w = await classTeam();
    const [row] = await db.$queryRaw<{ id: string }[]>`
      UPDATE "argument_map" SET "title" = ${'Renamed'} WHERE "id" = ${w.mapId} RETURNING "id"`;
    expect(row?.id).toBe(w.mapId);
    const [read] = await db.$queryRaw<{ title: string }[]>`
      SELECT "title" FROM "argument_map" WHERE "id" = ${w.mapId}`;
    expect(read?.title).toBe('Renamed');
  });
});
