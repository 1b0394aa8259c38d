import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byOrder } from '@/lib/domain/order-keys';
import { inverseOf } from '@/lib/domain/undo';
import type { Op } from '@/lib/schemas/ops';
import { applyOps } from '@/lib/server/ops/apply-ops';
import {
  apply,
  claim,
  createUser,
  db,
  orderAt,
  quote,
  remove,
  subtreeOf,
  userWithMap,
} from '../support/factories';
import { ownerView } from '../support/map-view';

/** Live claims under one place, in the order the map shows them. */
const childrenOf = async (mapId: string, thesisId: string, parentId: string | null) =>
  (await db.claim.findMany({ where: { mapId, thesisId, parentId, deletedAt: null } }))
    .map((c) => ({ ...c, order: c.orderKey }))
    .sort(byOrder);

describe('claims against a real database', () => {
  it('creates claims at any depth, in order, under both theses', async () => {
    const { user, map, a, b } = await userWithMap();
    const p1 = await claim(user.id, map.id, a.id, null, 'pro', 'First pro');
    const c1 = await claim(user.id, map.id, a.id, p1.id, 'con', 'Objection');
    const r1 = await claim(user.id, map.id, a.id, c1.id, 'con', '  Rebuttal  ');
    const early = await claim(user.id, map.id, a.id, null, 'con', 'Inserted first', 0);
    await claim(user.id, map.id, b.id, null, 'pro', 'Other side');

    const view = await ownerView(map.id);
    expect(view.claims).toHaveLength(5);
    expect(view.claims.find((c) => c.id === r1.id)).toMatchObject({
      parentId: c1.id,
      thesisId: a.id,
      stance: 'con',
      text: 'Rebuttal',
    });
    expect((await childrenOf(map.id, a.id, null)).map((c) => c.id)).toEqual([early.id, p1.id]);
    expect(view.revision).toBe(5);
    const written = await db.claim.findMany({
      where: { mapId: map.id },
      select: { authorId: true },
    });
    expect(written.map((c) => c.authorId)).toEqual(Array(5).fill(user.id));
  });

  it('inserts at the top of a long list by writing one row, touching no sibling', async () => {
    const { user, map, a } = await userWithMap();
    for (let i = 0; i < 30; i++) await claim(user.id, map.id, a.id, null, 'pro', `Sibling ${i}`);
    const before = await db.claim.findMany({ where: { mapId: map.id }, orderBy: { id: 'asc' } });
    const first = await claim(user.id, map.id, a.id, null, 'con', 'New first', 0);
    const after = await db.claim.findMany({
      where: { mapId: map.id, id: { not: first.id } },
      orderBy: { id: 'asc' },
    });
    expect(after.map((c) => [c.orderKey, c.updatedAt])).toEqual(
      before.map((c) => [c.orderKey, c.updatedAt]),
    );
    const top = await childrenOf(map.id, a.id, null);
    expect(top).toHaveLength(31);
    expect(top[0]!.id).toBe(first.id);
  });

  it('applies an operation once, however often it is sent (a retry after a lost answer)', async () => {
    const { user, map, a } = await userWithMap();
    const op = {
      id: crypto.randomUUID(),
      kind: 'claim.add',
      claimId: crypto.randomUUID(),
      thesisId: a.id,
      parentId: null,
      stance: 'pro',
      text: 'Sent three times',
      order: 'a0',
    };
    const first = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    const again = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op, op] });
    expect(again.results).toEqual([first.results[0], first.results[0]]);
    expect(await db.claim.count({ where: { mapId: map.id } })).toBe(1);
    expect((await db.argumentMap.findUniqueOrThrow({ where: { id: map.id } })).revision).toBe(1);
  });

  it('answers a repeated refused operation with the same refusal', async () => {
    const { user, map, a } = await userWithMap();
    const op = {
      id: crypto.randomUUID(),
      kind: 'claim.add',
      claimId: crypto.randomUUID(),
      thesisId: a.id,
      parentId: 'no-such-claim',
      stance: 'pro',
      text: 'Orphan',
      order: 'a0',
    };
    const first = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    expect(first.results[0]).toMatchObject({ ok: false, code: 'NOT_FOUND', retry: false });
    const again = await applyOps(db, { userId: user.id, mapId: map.id, ops: [op] });
    expect(again.results[0]).toEqual(first.results[0]);
  });

  it('answers each operation of a batch on its own: a refusal does not stop the rest', async () => {
    const { user, map, a } = await userWithMap();
    const add = (text: string, parentId: string | null = null) => ({
      id: crypto.randomUUID(),
      kind: 'claim.add',
      claimId: crypto.randomUUID(),
      thesisId: a.id,
      parentId,
      stance: 'pro',
      text,
      order: 'a0',
    });
    const { results } = await applyOps(db, {
      userId: user.id,
      mapId: map.id,
      ops: [add('One'), add('Orphan', 'missing'), { kind: 'nonsense' }, add('Three')],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[2]).toMatchObject({ code: 'INVALID', retry: false });
    expect(await db.claim.count({ where: { mapId: map.id } })).toBe(2);
  });

  it('lands edits of different fields made from two tabs; a conflicting text edit is refused with the saved text', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Before');
    // Tab 1 changes the text, tab 2 (which saw "Before") the note: both land.
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { text: 'After' },
      base: { text: 'Before' },
    });
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { note: 'why', strength: 4 },
      base: { note: '' },
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      text: 'After',
      note: 'why',
      strength: 4,
      version: 3,
    });
    // Tab 2 now edits the text it saw as "Before": refused, with what is saved now.
    await expect(
      apply(user.id, map.id, {
        kind: 'claim.update',
        claimId: c.id,
        set: { text: 'Stale tab' },
        base: { text: 'Before' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', current: { text: 'After' } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: c.id } })).text).toBe('After');
  });

  it('moves a subtree to the other thesis, carrying its replies, and refuses cycles', async () => {
    const { user, map, a, b } = await userWithMap();
    const p = await claim(user.id, map.id, a.id, null, 'pro', 'Parent');
    const child = await claim(user.id, map.id, a.id, p.id, 'con', 'Child');
    const grandchild = await claim(user.id, map.id, a.id, child.id, 'con', 'Grandchild');
    const sibling = await claim(user.id, map.id, a.id, null, 'con', 'Sibling');

    await expect(
      apply(user.id, map.id, {
        kind: 'claim.move',
        claimId: p.id,
        thesisId: a.id,
        parentId: grandchild.id,
        order: 'a0',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });

    await apply(user.id, map.id, {
      kind: 'claim.move',
      claimId: p.id,
      thesisId: b.id,
      parentId: null,
      order: await orderAt(map.id, b.id, null),
    });
    const rows = await db.claim.findMany({ where: { mapId: map.id } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(p.id)).toMatchObject({ thesisId: b.id, parentId: null, version: 2 });
    expect(byId.get(child.id)?.thesisId).toBe(b.id);
    expect(byId.get(grandchild.id)?.thesisId).toBe(b.id);
    expect(byId.get(sibling.id)?.thesisId).toBe(a.id);
  });

  it('refuses to undo a move when someone moved the claim since, and keeps their move', async () => {
    const { user: owner, map, a } = await userWithMap();
    const editor = await createUser('Editor');
    await db.mapMember.create({ data: { mapId: map.id, userId: editor.id, role: 'editor' } });
    const m1 = await claim(owner.id, map.id, a.id, null, 'pro', 'M1');
    const m2 = await claim(owner.id, map.id, a.id, null, 'pro', 'M2');
    // The editor moves M1 down (after M2), as the editor's tab does: with its inverse.
    const downId = crypto.randomUUID();
    const down: Op = {
      id: downId,
      kind: 'claim.move',
      claimId: m1.id,
      thesisId: a.id,
      parentId: null,
      order: await orderAt(map.id, a.id, null),
    };
    const before = (await db.claim.findUniqueOrThrow({ where: { id: m1.id } })).orderKey;
    const [undo] = inverseOf(down, { thesisId: a.id, parentId: null, order: before }, () =>
      crypto.randomUUID(),
    );
    await apply(editor.id, map.id, down, downId);
    // The owner then indents M1 under M2.
    await apply(owner.id, map.id, {
      kind: 'claim.move',
      claimId: m1.id,
      thesisId: a.id,
      parentId: m2.id,
      order: 'a0',
    });
    await expect(apply(editor.id, map.id, undo!)).rejects.toMatchObject({
      code: 'CONFLICT',
      retry: false,
      message: expect.stringContaining('Someone else moved this claim'),
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: m1.id } })).toMatchObject({
      parentId: m2.id,
      orderKey: 'a0',
    });
    // With no one in the way, the same undo puts it back.
    const againId = crypto.randomUUID();
    const again: Op = { ...down, id: againId, order: 'a5' };
    await apply(editor.id, map.id, again, againId);
    const [undoAgain] = inverseOf(again, { thesisId: a.id, parentId: m2.id, order: 'a0' }, () =>
      crypto.randomUUID(),
    );
    await apply(editor.id, map.id, undoAgain!);
    expect(await db.claim.findUniqueOrThrow({ where: { id: m1.id } })).toMatchObject({
      parentId: m2.id,
      orderKey: 'a0',
    });
  });

  it('deletes a claim with its replies into the Trash and restores them where they were', async () => {
    const { user, map, a } = await userWithMap();
    const first = await claim(user.id, map.id, a.id, null, 'pro', 'First');
    const target = await claim(user.id, map.id, a.id, null, 'con', 'Target');
    const reply = await claim(user.id, map.id, a.id, target.id, 'con', 'Reply');
    await quote(user.id, map.id, reply.id, a.sourceId);
    const last = await claim(user.id, map.id, a.id, null, 'pro', 'Last');

    const deletionId = await remove(user.id, map.id, target.id);
    expect((await childrenOf(map.id, a.id, null)).map((c) => c.id)).toEqual([first.id, last.id]);
    expect((await ownerView(map.id)).anchors).toHaveLength(0);
    expect(
      await db.claim.findMany({ where: { deletionId }, select: { id: true, deletedById: true } }),
    ).toHaveLength(2);

    const restored = await apply(user.id, map.id, { kind: 'claim.restore', deletionId });
    expect((restored.data as { anchors: unknown[] }).anchors).toHaveLength(1);
    expect((await childrenOf(map.id, a.id, null)).map((c) => c.id)).toEqual([
      first.id,
      target.id,
      last.id,
    ]);
    expect((await ownerView(map.id)).claims.find((c) => c.id === reply.id)?.parentId).toBe(
      target.id,
    );
    await expect(
      apply(user.id, map.id, { kind: 'claim.restore', deletionId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not delete a reply the deleting tab never saw', async () => {
    const { user, map, a } = await userWithMap();
    const target = await claim(user.id, map.id, a.id, null, 'pro', 'Target');
    const seen = await subtreeOf(map.id, target.id);
    // Another tab adds a reply after this tab loaded the map.
    const added = await claim(user.id, map.id, a.id, target.id, 'con', 'Added elsewhere');
    await expect(
      apply(user.id, map.id, { kind: 'claim.delete', claimId: target.id, seen }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/added a reply/) });
    const live = await db.claim.findMany({ where: { mapId: map.id, deletedAt: null } });
    expect(live.map((c) => c.id).sort()).toEqual([target.id, added.id].sort());
  });

  it('cannot restore a delete whose parent has since been deleted', async () => {
    const { user, map, a } = await userWithMap();
    const parent = await claim(user.id, map.id, a.id, null, 'pro', 'Parent');
    const child = await claim(user.id, map.id, a.id, parent.id, 'con', 'Child');
    const d1 = await remove(user.id, map.id, child.id);
    await remove(user.id, map.id, parent.id);
    await expect(
      apply(user.id, map.id, { kind: 'claim.restore', deletionId: d1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a parent from another map', async () => {
    const one = await userWithMap('One');
    const other = await claim(one.user.id, one.map.id, one.a.id, null, 'pro', 'In map one');
    const two = await userWithMap('Two');
    await expect(
      claim(two.user.id, two.map.id, two.a.id, other.id, 'pro', 'Sneaky'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('quote anchors', () => {
  it('stores the article’s own text for a quote found despite whitespace and quote-mark changes', async () => {
    const { user, map, b } = await userWithMap();
    const c = await claim(user.id, map.id, b.id, null, 'pro', 'Dual track fails');
    const anchor = await quote(
      user.id,
      map.id,
      c.id,
      b.sourceId,
      'the "dual track" approach  -  dialogue with sanctions - will fail',
    );
    expect(anchor.exact).toBe('the “dual track” approach – dialogue with sanctions – will fail');
    expect(anchor.prefix.length).toBeGreaterThan(0);
    const blocks = (b.source.blocks as { text: string }[]).map((x) => x.text);
    expect(blocks[anchor.block]!.slice(anchor.start, anchor.end)).toBe(anchor.exact);
  });

  it('refuses a quote that is not in the article, and an article from outside the debate', async () => {
    const { user, map, a, b } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Claim');
    await expect(quote(user.id, map.id, c.id, a.sourceId, 'Kim surrendered')).rejects.toMatchObject(
      { code: 'INVALID' },
    );
    // A passage from the other article is not in this one.
    await expect(
      quote(
        user.id,
        map.id,
        c.id,
        a.sourceId,
        'North Korea’s participation in the upcoming Pyeongchang',
      ),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(quote(user.id, map.id, c.id, 'not-a-source', 'x')).rejects.toMatchObject({
      code: 'INVALID',
    });
    expect(b.sourceId).not.toBe(a.sourceId);
    expect(await db.anchor.count({ where: { claimId: c.id } })).toBe(0);
  });
});
