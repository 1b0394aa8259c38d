import { describe, expect, it } from 'vitest';
import { deleteClaim, restoreClaims } from '@/lib/server/claims';
import { addLink, removeLink } from '@/lib/server/links';
import { duplicateMap, loadMapView } from '@/lib/server/maps';
import { claim, createUser, db, userWithMap } from '../support/factories';

describe('cross-links between the two sides', () => {
  it('links a claim to a claim or thesis on the other side, hides links with a deleted end, and copies them', async () => {
    const { user, map, a, b } = await userWithMap();
    const onA = await claim(user.id, map.id, a.id, null, 'pro', 'Track II helps');
    const onB = await claim(user.id, map.id, b.id, null, 'pro', 'Sanctions block projects');
    const attack = await addLink(db, {
      userId: user.id,
      mapId: map.id,
      fromClaimId: onA.id,
      target: { claimId: onB.id },
      stance: 'con',
    });
    await addLink(db, {
      userId: user.id,
      mapId: map.id,
      fromClaimId: onB.id,
      target: { thesisId: a.id },
      stance: 'con',
    });
    expect((await loadMapView(db, map.id)).links).toHaveLength(2);

    await expect(
      addLink(db, {
        userId: user.id,
        mapId: map.id,
        fromClaimId: onA.id,
        target: { thesisId: a.id },
        stance: 'pro',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      addLink(db, {
        userId: user.id,
        mapId: map.id,
        fromClaimId: onA.id,
        target: { claimId: onB.id },
        stance: 'pro',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const copy = await duplicateMap(db, { userId: user.id, mapId: map.id });
    const copied = await loadMapView(db, copy.id);
    expect(copied.links).toHaveLength(2);
    const copiedFrom = copied.claims.find((c) => c.text === 'Track II helps')!;
    expect(copied.links.find((l) => l.fromClaimId === copiedFrom.id)?.toClaimId).toBe(
      copied.claims.find((c) => c.text === 'Sanctions block projects')!.id,
    );

    const { deletionId } = await deleteClaim(db, {
      userId: user.id,
      mapId: map.id,
      claimId: onB.id,
      version: 1,
    });
    expect((await loadMapView(db, map.id)).links).toHaveLength(0);
    await restoreClaims(db, { userId: user.id, mapId: map.id, deletionId });
    expect((await loadMapView(db, map.id)).links).toHaveLength(2);

    await removeLink(db, { userId: user.id, mapId: map.id, linkId: attack.id });
    expect((await loadMapView(db, map.id)).links.map((l) => l.toThesisId)).toEqual([a.id]);

    const stranger = await createUser('Stranger');
    await expect(
      addLink(db, {
        userId: stranger.id,
        mapId: map.id,
        fromClaimId: onA.id,
        target: { claimId: onB.id },
        stance: 'pro',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      removeLink(db, { userId: stranger.id, mapId: map.id, linkId: attack.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
