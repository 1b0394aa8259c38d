import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { duplicateMap } from '@/lib/server/maps';
import { apply, claim, createUser, db, remove, userWithMap } from '../support/factories';
import { ownerView } from '../support/map-view';

const link = (
  fromClaimId: string,
  target: { claimId: string } | { thesisId: string },
  stance: 'pro' | 'con',
) => ({ kind: 'link.add', linkId: crypto.randomUUID(), fromClaimId, target, stance }) as const;

describe('cross-links between the two sides', () => {
  it('links a claim to a claim or thesis on the other side, hides links with a deleted end, and copies them', async () => {
    const { user, map, a, b } = await userWithMap();
    const onA = await claim(user.id, map.id, a.id, null, 'pro', 'Track II helps');
    const onB = await claim(user.id, map.id, b.id, null, 'pro', 'Sanctions block projects');
    const attack = link(onA.id, { claimId: onB.id }, 'con');
    await apply(user.id, map.id, attack);
    await apply(user.id, map.id, link(onB.id, { thesisId: a.id }, 'con'));
    expect((await ownerView(map.id)).links).toHaveLength(2);

    await expect(
      apply(user.id, map.id, link(onA.id, { thesisId: a.id }, 'pro')),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      apply(user.id, map.id, link(onA.id, { claimId: onB.id }, 'pro')),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const copy = await duplicateMap(db, { userId: user.id, mapId: map.id });
    const copied = await ownerView(copy.id);
    expect(copied.links).toHaveLength(2);
    const copiedFrom = copied.claims.find((c) => c.text === 'Track II helps')!;
    expect(copied.links.find((l) => l.fromClaimId === copiedFrom.id)?.toClaimId).toBe(
      copied.claims.find((c) => c.text === 'Sanctions block projects')!.id,
    );

    const deletionId = await remove(user.id, map.id, onB.id);
    expect((await ownerView(map.id)).links).toHaveLength(0);
    await apply(user.id, map.id, { kind: 'claim.restore', deletionId });
    expect((await ownerView(map.id)).links).toHaveLength(2);

    await apply(user.id, map.id, { kind: 'link.remove', linkId: attack.linkId });
    expect((await ownerView(map.id)).links.map((l) => l.toThesisId)).toEqual([a.id]);
    // Removing it again changes nothing and is not an error: the link is gone either way.
    await apply(user.id, map.id, { kind: 'link.remove', linkId: attack.linkId });

    const stranger = await createUser('Stranger');
    await expect(
      apply(stranger.id, map.id, link(onA.id, { claimId: onB.id }, 'pro')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const kept = (await ownerView(map.id)).links[0]!;
    await expect(
      apply(stranger.id, map.id, { kind: 'link.remove', linkId: kept.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await ownerView(map.id)).links).toHaveLength(1);
  });
});
