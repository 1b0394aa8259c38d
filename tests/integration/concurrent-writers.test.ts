import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpResult } from '@/lib/schemas/ops';
import { createDbClient } from '@/lib/server/db-client';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { claim, db, userWithMap } from '../support/factories';

// Several app servers writing one map at once. Each server is its own client (its own connection
// pool and its own group-commit queue), so their transactions really run side by side on
// PostgreSQL. Whatever the interleaving, the map's tree must stay a tree: no cycle, no live claim
// under a deleted one, a reply under its parent's thesis, and one revision per applied change.

const SERVERS = 3;
const servers = Array.from({ length: SERVERS }, () => createDbClient(process.env.DATABASE_URL!));
afterAll(() => Promise.all(servers.map((s) => s.$disconnect())));

type Row = { id: string; parentId: string | null; thesisId: string; deletedAt: Date | null };

/** Every way the stored tree could be broken, as readable sentences (none: consistent). */
async function treeProblems(mapId: string): Promise<string[]> {
  const rows: Row[] = await db.claim.findMany({
    where: { mapId },
    select: { id: true, parentId: true, thesisId: true, deletedAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const row of rows) {
    if (row.deletedAt || !row.parentId) continue;
    const parent = byId.get(row.parentId);
    if (!parent) problems.push(`${row.id}: parent missing`);
    else if (parent.deletedAt) problems.push(`${row.id}: live under a deleted claim`);
    else if (parent.thesisId !== row.thesisId) problems.push(`${row.id}: thesis differs`);
    const seen = new Set([row.id]);
    for (let at = parent; at?.parentId; at = byId.get(at.parentId)) {
      if (seen.has(at.id)) {
        problems.push(`${row.id}: in a cycle`);
        break;
      }
      seen.add(at.id);
    }
  }
  const map = await db.argumentMap.findUniqueOrThrow({ where: { id: mapId } });
  const applied = await db.mapOperation.findMany({
    where: { mapId, revision: { gt: 0 } },
    select: { revision: true },
    orderBy: { revision: 'asc' },
  });
  const revisions = applied.map((o) => o.revision);
  const expected = Array.from({ length: map.revision }, (_, i) => i + 1);
  if (JSON.stringify(revisions) !== JSON.stringify(expected))
    problems.push(`revisions ${revisions.join(',')} are not 1..${map.revision}`);
  return problems;
}

const send = (server: number, userId: string, mapId: string, op: Record<string, unknown>) =>
  applyOps(servers[server]!, { userId, mapId, ops: [{ id: crypto.randomUUID(), ...op }] }).then(
    (r) => r.results[0] as OpResult,
  );

describe('several servers writing one map at once', () => {
  it('never lets two crossing moves make a cycle', async () => {
    const { user, map, a } = await userWithMap();
    for (let round = 0; round < 8; round++) {
      const x = await claim(user.id, map.id, a.id, null, 'pro', `X${round}`);
      const y = await claim(user.id, map.id, a.id, null, 'pro', `Y${round}`);
      const [first, second] = await Promise.all([
        send(0, user.id, map.id, {
          kind: 'claim.move',
          claimId: x.id,
          thesisId: a.id,
          parentId: y.id,
          order: 'a0',
        }),
        send(1, user.id, map.id, {
          kind: 'claim.move',
          claimId: y.id,
          thesisId: a.id,
          parentId: x.id,
          order: 'a0',
        }),
      ]);
      expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    }
    expect(await treeProblems(map.id)).toEqual([]);
  }, 60_000);

  it('keeps the tree consistent under random adds, moves and deletes from three servers', async () => {
    const { user, map, a, b } = await userWithMap();
    const theses = [a.id, b.id];
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await claim(user.id, map.id, theses[i % 2]!, null, 'pro', `Seed ${i}`)).id);
    let random = 42;
    const pick = <T>(list: T[]) =>
      list[(random = (random * 1103515245 + 12345) % 2 ** 31) % list.length]!;

    const worker = async (server: number) => {
      const answers: OpResult[] = [];
      for (let i = 0; i < 25; i++) {
        const kind = pick(['add', 'add', 'move', 'move', 'delete']);
        const target = pick(ids);
        const live = await db.claim.findUnique({ where: { id: target } });
        if (kind === 'add') {
          const claimId = crypto.randomUUID();
          ids.push(claimId);
          answers.push(
            await send(server, user.id, map.id, {
              kind: 'claim.add',
              claimId,
              thesisId: live?.thesisId ?? a.id,
              parentId: target,
              stance: 'con',
              text: `Reply ${server}.${i}`,
              order: 'a0',
            }),
          );
        } else if (kind === 'move') {
          const under = pick(ids);
          const parent = await db.claim.findUnique({ where: { id: under } });
          answers.push(
            await send(server, user.id, map.id, {
              kind: 'claim.move',
              claimId: target,
              thesisId: parent?.thesisId ?? a.id,
              parentId: under,
              order: 'a0',
            }),
          );
        } else {
          // What this server saw of the subtree a moment ago: a delete is refused if it grew.
          const rows = await db.claim.findMany({ where: { mapId: map.id, deletedAt: null } });
          const seen = [target];
          for (let k = 0; k < seen.length; k++)
            seen.push(...rows.filter((r) => r.parentId === seen[k]).map((r) => r.id));
          answers.push(
            await send(server, user.id, map.id, { kind: 'claim.delete', claimId: target, seen }),
          );
        }
      }
      return answers;
    };
    const answers = (await Promise.all(servers.map((_, s) => worker(s)))).flat();
    const applied = answers.filter((r) => r.ok).length;
    expect(applied).toBeGreaterThan(10);
    // Refusals are the app's own (a cycle, a deleted place, a grown subtree) or "try again".
    for (const r of answers)
      if (!r.ok) expect(['INVALID', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE']).toContain(r.code);
    expect(await treeProblems(map.id)).toEqual([]);
  }, 120_000);
});
