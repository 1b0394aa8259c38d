import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteMap, duplicateMap, loadMapView, renameMap } from '@/lib/server/maps';
import {
  findActiveShareLink,
  getOrCreateShareLink,
  getSharedMap,
  revokeShareLink,
} from '@/lib/server/share-links';
import { listTrash } from '@/lib/server/trash';
import {
  apply,
  claim,
  createUser,
  db,
  quote,
  remove,
  userWithMap,
  type OpDraft,
} from '../support/factories';

describe('a stranger can neither read nor change a map: to them it does not exist', () => {
  it('refuses every write and the editor view to another signed-in user as "not found"', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Mine');
    const anchor = await quote(user.id, map.id, c.id, a.sourceId);
    const gone = await claim(user.id, map.id, a.id, null, 'con', 'Gone');
    const deletionId = await remove(user.id, map.id, gone.id);
    await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const stranger = await createUser('Stranger');
    const s = stranger.id;
    const mapId = map.id;
    const as = (draft: OpDraft) => () => apply(s, mapId, draft);

    const attempts: [string, () => Promise<unknown>][] = [
      ['open in editor', () => loadMapView(db, { userId: s }, mapId)],
      ['see trash', () => listTrash(db, { userId: s, mapId })],
      [
        'add claim',
        as({
          kind: 'claim.add',
          claimId: crypto.randomUUID(),
          thesisId: a.id,
          parentId: null,
          stance: 'pro',
          text: 'x',
          order: 'a5',
        }),
      ],
      [
        'edit claim',
        as({ kind: 'claim.update', claimId: c.id, set: { text: 'Hacked' }, base: {} }),
      ],
      [
        'move claim',
        as({ kind: 'claim.move', claimId: c.id, thesisId: a.id, parentId: null, order: 'a9' }),
      ],
      ['delete claim', as({ kind: 'claim.delete', claimId: c.id, seen: [c.id] })],
      ['undo delete', as({ kind: 'claim.restore', deletionId })],
      [
        'add quote',
        as({
          kind: 'anchor.add',
          anchorId: crypto.randomUUID(),
          claimId: c.id,
          sourceId: a.sourceId,
          exact: 'Koreas',
          prefix: '',
          suffix: '',
        }),
      ],
      ['remove quote', as({ kind: 'anchor.remove', anchorId: anchor.id })],
      ['rename map', () => renameMap(db, { userId: s, mapId, title: 'Mine now' })],
      ['duplicate map', () => duplicateMap(db, { userId: s, mapId })],
      ['delete map', () => deleteMap(db, { userId: s, mapId })],
      ['share map', () => getOrCreateShareLink(db, { userId: s, mapId })],
      ['see share link', () => findActiveShareLink(db, { userId: s, mapId })],
      ['revoke link', () => revokeShareLink(db, { userId: s, mapId })],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }

    // Nothing changed.
    const after = await db.claim.findUniqueOrThrow({
      where: { id: c.id },
      include: { anchors: true },
    });
    expect(after).toMatchObject({ text: 'Mine', version: 1, deletedAt: null });
    expect(await db.claim.count({ where: { deletionId } })).toBe(1);
    expect(await db.mapOperation.count({ where: { actorId: s } })).toBe(0);
    expect(after.anchors).toHaveLength(1);
    expect(await db.argumentMap.findUniqueOrThrow({ where: { id: mapId } })).toMatchObject({
      title: "Owner's map",
    });
    expect(await db.shareLink.count({ where: { mapId, revokedAt: null } })).toBe(1);
  });

  it('says a missing map is missing', async () => {
    const stranger = await createUser('Nobody');
    await expect(loadMapView(db, { userId: stranger.id }, 'no-such-map')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getSharedMap(db, { token: 'x'.repeat(32) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a claim written against a thesis of another debate', async () => {
    const { user, map } = await userWithMap();
    await expect(
      apply(user.id, map.id, {
        kind: 'claim.add',
        claimId: crypto.randomUUID(),
        thesisId: 'other-thesis',
        parentId: null,
        stance: 'pro',
        text: 'x',
        order: 'a0',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });
});
