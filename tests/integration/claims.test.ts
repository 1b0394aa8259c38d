import { describe, expect, it } from 'vitest';
import { addAnchor } from '@/lib/server/anchors';
import { deleteClaim, moveClaim, restoreClaims, updateClaim } from '@/lib/server/claims';
import { loadMapView } from '@/lib/server/maps';
import { claim, db, userWithMap } from '../support/factories';

const live = (mapId: string) =>
  db.claim.findMany({
    where: { mapId, deletedAt: null },
    orderBy: [{ parentId: 'asc' }, { position: 'asc' }],
  });

describe('claims against a real database', () => {
  it('creates claims at any depth, in order, under both theses', async () => {
    const { user, map, a, b } = await userWithMap();
    const p1 = await claim(user.id, map.id, a.id, null, 'pro', 'First pro');
    const c1 = await claim(user.id, map.id, a.id, p1.id, 'con', 'Objection');
    const r1 = await claim(user.id, map.id, a.id, c1.id, 'con', '  Rebuttal  ');
    const early = await claim(user.id, map.id, a.id, null, 'con', 'Inserted first', 0);
    await claim(user.id, map.id, b.id, null, 'pro', 'Other side');

    const view = await loadMapView(db, map.id);
    expect(view.claims).toHaveLength(5);
    expect(view.claims.find((c) => c.id === r1.id)).toMatchObject({
      parentId: c1.id,
      thesisId: a.id,
      stance: 'con',
    });
    const top = view.claims
      .filter((c) => c.thesisId === a.id && c.parentId === null)
      .sort((x, y) => x.position - y.position);
    expect(top.map((c) => c.id)).toEqual([early.id, p1.id]);
  });

  it('inserting at the top of a long list shifts every sibling below it, in batches', async () => {
    const { user, map, a } = await userWithMap();
    await db.claim.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({
        id: `${map.id}-s${i}`,
        mapId: map.id,
        thesisId: a.id,
        stance: 'pro',
        text: `Sibling ${i}`,
        position: i,
      })),
    });
    const first = await claim(user.id, map.id, a.id, null, 'con', 'New first', 0);
    const top = await live(map.id);
    expect(top).toHaveLength(1201);
    expect(top.map((c) => c.position)).toEqual(top.map((_, i) => i));
    expect(top[0]!.id).toBe(first.id);
    expect(top[1200]!.id).toBe(`${map.id}-s1199`);
  });

  it('edits text and bumps the version; a stale version is refused and changes nothing', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Before');
    const saved = await updateClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: c.id,
      version: 1,
      edit: { text: 'After', strength: 4, note: 'why' },
    });
    expect(saved).toMatchObject({ text: 'After', strength: 4, note: 'why', version: 2 });

    await expect(
      updateClaim(db, {
        userId: user.id,
        mapId: map.id,
        claimId: c.id,
        version: 1,
        edit: { text: 'Stale tab' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.claim.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      text: 'After',
      version: 2,
    });
  });

  it('moves a subtree to the other thesis, carrying its replies, and refuses cycles', async () => {
    const { user, map, a, b } = await userWithMap();
    const p = await claim(user.id, map.id, a.id, null, 'pro', 'Parent');
    const child = await claim(user.id, map.id, a.id, p.id, 'con', 'Child');
    const grandchild = await claim(user.id, map.id, a.id, child.id, 'con', 'Grandchild');
    const sibling = await claim(user.id, map.id, a.id, null, 'con', 'Sibling');

    await expect(
      moveClaim(db, {
        userId: user.id,
        mapId: map.id,
        claimId: p.id,
        version: 1,
        place: { thesisId: a.id, parentId: grandchild.id },
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });

    await moveClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: p.id,
      version: 1,
      place: { thesisId: b.id, parentId: null },
    });
    const rows = await live(map.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(p.id)).toMatchObject({ thesisId: b.id, parentId: null, version: 2 });
    expect(byId.get(child.id)?.thesisId).toBe(b.id);
    expect(byId.get(grandchild.id)?.thesisId).toBe(b.id);
    expect(byId.get(sibling.id)).toMatchObject({ thesisId: a.id, position: 0 });
  });

  it('deletes a claim with its replies and restores them where they were', async () => {
    const { user, map, a } = await userWithMap();
    const first = await claim(user.id, map.id, a.id, null, 'pro', 'First');
    const target = await claim(user.id, map.id, a.id, null, 'con', 'Target');
    const reply = await claim(user.id, map.id, a.id, target.id, 'con', 'Reply');
    await addAnchor(db, {
      userId: user.id,
      mapId: map.id,
      claimId: reply.id,
      sourceId: a.sourceId,
      selector: {
        exact: 'The two Koreas, however, have to start somewhere.',
        prefix: '',
        suffix: '',
      },
    });
    const last = await claim(user.id, map.id, a.id, null, 'pro', 'Last');

    const deleted = await deleteClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: target.id,
      version: 1,
    });
    expect(deleted.removedIds.sort()).toEqual([target.id, reply.id].sort());
    expect((await live(map.id)).map((c) => c.id)).toEqual([first.id, last.id]);
    expect((await loadMapView(db, map.id)).anchors).toHaveLength(0);

    const restored = await restoreClaims(db, {
      userId: user.id,
      mapId: map.id,
      deletionId: deleted.deletionId,
    });
    expect(restored.anchors).toHaveLength(1);
    const top = (await live(map.id)).filter((c) => c.parentId === null);
    expect(top.map((c) => c.id)).toEqual([first.id, target.id, last.id]);
    expect((await loadMapView(db, map.id)).claims.find((c) => c.id === reply.id)?.parentId).toBe(
      target.id,
    );

    await expect(
      restoreClaims(db, { userId: user.id, mapId: map.id, deletionId: deleted.deletionId }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('cannot undo a delete whose parent has since been deleted', async () => {
    const { user, map, a } = await userWithMap();
    const parent = await claim(user.id, map.id, a.id, null, 'pro', 'Parent');
    const child = await claim(user.id, map.id, a.id, parent.id, 'con', 'Child');
    const d1 = await deleteClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: child.id,
      version: 1,
    });
    await deleteClaim(db, { userId: user.id, mapId: map.id, claimId: parent.id, version: 1 });
    await expect(
      restoreClaims(db, { userId: user.id, mapId: map.id, deletionId: d1.deletionId }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
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
    const anchor = await addAnchor(db, {
      userId: user.id,
      mapId: map.id,
      claimId: c.id,
      sourceId: b.sourceId,
      selector: {
        exact: 'the "dual track" approach  -  dialogue with sanctions - will fail',
        prefix: '',
        suffix: '',
      },
    });
    expect(anchor.exact).toBe('the “dual track” approach – dialogue with sanctions – will fail');
    expect(anchor.prefix.length).toBeGreaterThan(0);
    const blocks = (b.source.blocks as { text: string }[]).map((x) => x.text);
    expect(blocks[anchor.block]!.slice(anchor.start, anchor.end)).toBe(anchor.exact);
  });

  it('refuses a quote that is not in the article, and an article from outside the debate', async () => {
    const { user, map, a, b } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Claim');
    await expect(
      addAnchor(db, {
        userId: user.id,
        mapId: map.id,
        claimId: c.id,
        sourceId: a.sourceId,
        selector: { exact: 'Kim surrendered', prefix: '', suffix: '' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID', field: 'quote' });
    // A passage from the other article is not in this one.
    await expect(
      addAnchor(db, {
        userId: user.id,
        mapId: map.id,
        claimId: c.id,
        sourceId: a.sourceId,
        selector: {
          exact: 'North Korea’s participation in the upcoming Pyeongchang',
          prefix: '',
          suffix: '',
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      addAnchor(db, {
        userId: user.id,
        mapId: map.id,
        claimId: c.id,
        sourceId: 'not-a-source',
        selector: { exact: 'x', prefix: '', suffix: '' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID', field: 'sourceId' });
    expect(b.sourceId).not.toBe(a.sourceId);
    expect(await db.anchor.count({ where: { claimId: c.id } })).toBe(0);
  });
});
