import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addAnchor, removeAnchor } from '@/lib/server/anchors';
import { addClaim, deleteClaim, moveClaim, restoreClaims, updateClaim } from '@/lib/server/claims';
import { deleteMap, duplicateMap, getMapForEditor, renameMap } from '@/lib/server/maps';
import {
  findActiveShareLink,
  getOrCreateShareLink,
  getSharedMap,
  revokeShareLink,
} from '@/lib/server/share-links';
import { claim, createUser, db, userWithMap } from '../support/factories';

describe('only a map’s owner can change it, whatever is called', () => {
  it('refuses every write and the editor view to another signed-in user', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Mine');
    const anchor = await addAnchor(db, {
      userId: user.id,
      mapId: map.id,
      claimId: c.id,
      sourceId: a.sourceId,
      selector: {
        exact: 'The two Koreas, however, have to start somewhere.',
        prefix: '',
        suffix: '',
      },
    });
    const { deletionId } = await deleteClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: (await claim(user.id, map.id, a.id, null, 'con', 'Gone'))!.id,
      version: 1,
    });
    await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const stranger = await createUser('Stranger');
    const s = stranger.id;
    const mapId = map.id;

    const attempts: [string, () => Promise<unknown>][] = [
      ['open in editor', () => getMapForEditor(db, { userId: s, mapId })],
      [
        'add claim',
        () =>
          addClaim(db, {
            userId: s,
            mapId,
            id: crypto.randomUUID(),
            place: { thesisId: a.id, parentId: null },
            stance: 'pro',
            text: 'x',
          }),
      ],
      [
        'edit claim',
        () =>
          updateClaim(db, {
            userId: s,
            mapId,
            claimId: c.id,
            version: 1,
            edit: { text: 'Hacked' },
          }),
      ],
      [
        'move claim',
        () =>
          moveClaim(db, {
            userId: s,
            mapId,
            claimId: c.id,
            version: 1,
            place: { thesisId: a.id, parentId: null },
          }),
      ],
      ['delete claim', () => deleteClaim(db, { userId: s, mapId, claimId: c.id, version: 1 })],
      ['undo delete', () => restoreClaims(db, { userId: s, mapId, deletionId })],
      [
        'add quote',
        () =>
          addAnchor(db, {
            userId: s,
            mapId,
            claimId: c.id,
            sourceId: a.sourceId,
            selector: { exact: 'Koreas', prefix: '', suffix: '' },
          }),
      ],
      ['remove quote', () => removeAnchor(db, { userId: s, mapId, anchorId: anchor.id })],
      ['rename map', () => renameMap(db, { userId: s, mapId, title: 'Mine now' })],
      ['duplicate map', () => duplicateMap(db, { userId: s, mapId })],
      ['delete map', () => deleteMap(db, { userId: s, mapId })],
      ['share map', () => getOrCreateShareLink(db, { userId: s, mapId })],
      ['see share link', () => findActiveShareLink(db, { userId: s, mapId })],
      ['revoke link', () => revokeShareLink(db, { userId: s, mapId })],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }

    // Nothing changed.
    const after = await db.claim.findUniqueOrThrow({
      where: { id: c.id },
      include: { anchors: true },
    });
    expect(after).toMatchObject({ text: 'Mine', version: 1, deletedAt: null });
    expect(after.anchors).toHaveLength(1);
    expect(await db.argumentMap.findUniqueOrThrow({ where: { id: mapId } })).toMatchObject({
      title: "Owner's map",
    });
    expect(await db.shareLink.count({ where: { mapId, revokedAt: null } })).toBe(1);
  });

  it('says a missing map is missing', async () => {
    const stranger = await createUser('Nobody');
    await expect(
      getMapForEditor(db, { userId: stranger.id, mapId: 'no-such-map' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getSharedMap(db, { token: 'x'.repeat(32) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a claim written against a thesis of another debate', async () => {
    const { user, map } = await userWithMap();
    await expect(
      addClaim(db, {
        userId: user.id,
        mapId: map.id,
        id: crypto.randomUUID(),
        place: { thesisId: 'other-thesis', parentId: null },
        stance: 'pro',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });
});
