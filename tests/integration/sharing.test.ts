import { describe, expect, it } from 'vitest';
import { exportMap } from '@/lib/server/exports';
import { deleteMap, duplicateMap, listMyMaps, renameMap } from '@/lib/server/maps';
import {
  copySharedMap,
  getOrCreateShareLink,
  getSharedMap,
  revokeShareLink,
} from '@/lib/server/share-links';
import { apply, claim, createUser, db, quote, remove, userWithMap } from '../support/factories';
import { ownerView } from '../support/map-view';

describe('my maps', () => {
  it('lists, renames and deletes a user’s own maps only', async () => {
    const { user, map } = await userWithMap();
    const other = await userWithMap('Other');
    await renameMap(db, { userId: user.id, mapId: map.id, title: 'Renamed' });
    const mine = await listMyMaps(db, { userId: user.id });
    expect(mine.map((m) => m.title)).toEqual(['Renamed']);
    expect(mine.map((m) => m.id)).not.toContain(other.map.id);
    await deleteMap(db, { userId: user.id, mapId: map.id });
    expect(await listMyMaps(db, { userId: user.id })).toEqual([]);
    expect(await db.claim.count({ where: { mapId: map.id } })).toBe(0);
  });

  it('duplicates a map as an independent copy with the same structure and quotes', async () => {
    const { user, map, a } = await userWithMap();
    const p = await claim(user.id, map.id, a.id, null, 'pro', 'Parent');
    const r = await claim(user.id, map.id, a.id, p.id, 'con', 'Reply');
    await quote(
      user.id,
      map.id,
      r.id,
      a.sourceId,
      'strategically optimistic, based on best case analysis',
    );
    const deleted = await claim(user.id, map.id, a.id, null, 'con', 'Deleted one');
    await remove(user.id, map.id, deleted.id);

    const copy = await duplicateMap(db, { userId: user.id, mapId: map.id });
    const view = await ownerView(copy.id);
    expect(view.title).toBe(`Copy of Owner's map`);
    expect(view.claims.map((c) => c.text).sort()).toEqual(['Parent', 'Reply']);
    const copiedReply = view.claims.find((c) => c.text === 'Reply')!;
    const copiedParent = view.claims.find((c) => c.text === 'Parent')!;
    expect(copiedReply.parentId).toBe(copiedParent.id);
    expect(copiedParent.id).not.toBe(p.id);
    expect(view.anchors).toHaveLength(1);
    expect(view.anchors[0]!.claimId).toBe(copiedReply.id);

    // Editing the copy leaves the original alone.
    await apply(user.id, copy.id, {
      kind: 'claim.update',
      claimId: copiedParent.id,
      set: { text: 'Changed in copy' },
      base: {},
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: p.id } })).text).toBe('Parent');
    expect((await db.argumentMap.findUniqueOrThrow({ where: { id: copy.id } })).forkedFromId).toBe(
      map.id,
    );
  });
});

describe('share links', () => {
  it('creates one unguessable link per map, shows the map through it, and revokes it for good', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'pro', 'Shared claim');
    const link = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getOrCreateShareLink(db, { userId: user.id, mapId: map.id })).toEqual(link);

    const shared = await getSharedMap(db, { token: link.token });
    expect(shared.claims.map((c) => c.text)).toEqual(['Shared claim']);

    await revokeShareLink(db, { userId: user.id, mapId: map.id });
    await expect(getSharedMap(db, { token: link.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const again = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    expect(again.token).not.toBe(link.token);
    await expect(getSharedMap(db, { token: link.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets another user fork a shared map, but not through a revoked link', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'con', 'Worth copying');
    const reader = await createUser('Reader');
    const link = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const fork = await copySharedMap(db, { userId: reader.id, token: link.token });
    const forked = await ownerView(fork.id);
    expect(forked.ownerName).toBe(reader.name);
    expect(forked.claims.map((c) => c.text)).toEqual(['Worth copying']);

    await revokeShareLink(db, { userId: user.id, mapId: map.id });
    await expect(copySharedMap(db, { userId: reader.id, token: link.token })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('shows notes and the owner’s name only where the owner chose, in the view and in exports', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Public claim');
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { note: 'Lead with this; expect them to say it is naive' },
      base: {},
    });
    const link = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    expect(link).toMatchObject({ includeNotes: false, showName: false });
    const hidden = await getSharedMap(db, { token: link.token });
    expect(hidden.claims[0]!.note).toBe('');
    expect(hidden.ownerName).toBeNull();
    const serialized = JSON.stringify(hidden);
    expect(serialized).not.toContain(user.id);
    expect(serialized).not.toContain('naive');
    for (const format of ['markdown', 'argdown', 'aif', 'annotations'] as const) {
      const file = await exportMap(hidden, format);
      expect(String(file.body), format).not.toContain('naive');
    }

    const shown = await getOrCreateShareLink(db, {
      userId: user.id,
      mapId: map.id,
      options: { includeNotes: true, showName: true },
    });
    expect(shown.token).toBe(link.token);
    const open = await getSharedMap(db, { token: link.token });
    expect(open.claims[0]!.note).toContain('naive');
    expect(open.ownerName).toBe(user.name);
  });
});
