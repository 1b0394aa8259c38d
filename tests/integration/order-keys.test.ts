import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertClaim, type Stance, type TreeNode } from '@/lib/domain/argument-tree';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { claim, createUser, db, userWithMap } from '../support/factories';

// Three people add replies at once, each from the map as their tab last saw it (their own adds
// included, the others' not yet arrived): the keys their tabs compute must all differ per parent,
// or "add after" and "move up" cannot place anything between the tied claims later.

async function tree(mapId: string): Promise<TreeNode[]> {
  const rows = await db.claim.findMany({ where: { mapId, deletedAt: null } });
  return rows.map((r) => ({
    id: r.id,
    thesisId: r.thesisId,
    parentId: r.parentId,
    stance: r.stance as Stance,
    order: r.orderKey,
  }));
}

describe('order keys under concurrent inserts', () => {
  it('three people adding replies at once leave no two siblings with the same key', async () => {
    const { user: owner, map, a } = await userWithMap('Owner');
    const people = [owner, await createUser('Editor 1'), await createUser('Editor 2')];
    for (const p of people.slice(1))
      await db.mapMember.create({ data: { mapId: map.id, userId: p.id, role: 'editor' } });
    const parents = [
      await claim(owner.id, map.id, a.id, null, 'pro', 'First'),
      await claim(owner.id, map.id, a.id, null, 'con', 'Second'),
    ];
    const snapshot = await tree(map.id);

    // Each tab plans six replies on its own copy: at the end, at the start and after the first.
    const plans = people.map((person) => {
      let mine = snapshot;
      const ops = [];
      for (let i = 0; i < 6; i++) {
        const parent = parents[i % 2]!;
        const index = [undefined, 0, 1][Math.floor(i / 2)];
        const id = crypto.randomUUID();
        const node = { id, thesisId: a.id, parentId: parent.id, stance: 'con' as const, order: '' };
        mine = insertClaim(mine, node, index);
        const placed = mine.at(-1)!;
        ops.push({
          id: crypto.randomUUID(),
          kind: 'claim.add',
          claimId: id,
          thesisId: a.id,
          parentId: parent.id,
          stance: 'con',
          text: `Reply ${i} by ${person.name}`,
          order: placed.order,
        });
      }
      return { person, ops };
    });
    const answers = await Promise.all(
      plans.flatMap(({ person, ops }) =>
        ops.map((op) => applyOps(db, { userId: person.id, mapId: map.id, ops: [op] })),
      ),
    );
    expect(answers.flatMap((r) => r.results).every((r) => r.ok)).toBe(true);

    const saved = await tree(map.id);
    for (const parent of parents) {
      const keys = saved.filter((c) => c.parentId === parent.id).map((c) => c.order);
      expect(keys).toHaveLength(9);
      expect(new Set(keys).size, `ties under ${parent.id}`).toBe(9);
    }
  });
});
