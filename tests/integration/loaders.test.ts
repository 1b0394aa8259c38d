import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDebate } from '@/lib/server/debates';
import { loadMapView } from '@/lib/server/maps';
import { getOrCreateShareLink, revokeShareLink } from '@/lib/server/share-links';
import { apply, claim, createUser, db, debate as seeded, userWithMap } from '../support/factories';

// The exported loaders check access themselves, the way the writes do: there is no loader a page
// or another server function could call without the reader, and forget the check.

const refused = { code: 'NOT_FOUND' };

/** A link's row, as lib/server/share-links.ts finds it by its token. */
const linkRow = (token: string) => db.shareLink.findUniqueOrThrow({ where: { token } });

describe('loadMapView checks who reads', () => {
  it('shows a map to its owner, and to no one else signed in: to them it does not exist', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'pro', 'Mine');
    const stranger = await createUser('Stranger');

    expect((await loadMapView(db, { userId: user.id }, map.id)).claims).toHaveLength(1);
    await expect(loadMapView(db, { userId: stranger.id }, map.id)).rejects.toMatchObject(refused);
    await expect(loadMapView(db, { userId: user.id }, 'no-such-map')).rejects.toMatchObject(
      refused,
    );
  });

  it('shows a map through its active view link only, as the link shows it', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Mine');
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { note: 'Only for me' },
      base: {},
    });
    const other = await userWithMap('Other');

    const view = await linkRow(
      (await getOrCreateShareLink(db, { userId: user.id, mapId: map.id })).token,
    );
    const shown = await loadMapView(db, { link: view }, map.id);
    expect(shown.claims.map((x) => x.note)).toEqual(['']);
    expect(shown.ownerName).toBeNull();

    // A view link is for its own map.
    await expect(loadMapView(db, { link: view }, other.map.id)).rejects.toMatchObject(refused);
    // A commenter link shows nothing by itself.
    const commenter = await getOrCreateShareLink(db, {
      userId: user.id,
      mapId: map.id,
      role: 'commenter',
    });
    await expect(
      loadMapView(db, { link: await linkRow(commenter.token) }, map.id),
    ).rejects.toMatchObject(refused);
    // A revoked link shows nothing.
    await revokeShareLink(db, { userId: user.id, mapId: map.id });
    await expect(
      loadMapView(db, { link: await linkRow(view.token) }, map.id),
    ).rejects.toMatchObject(refused);
  });
});

describe('getDebate checks who reads', () => {
  it('shows a teacher’s debate to that teacher, and not to others or the signed out', async () => {
    const t = await createUser('Teacher');
    await db.user.update({ where: { id: t.id }, data: { accountKind: 'teacher' } });
    const stranger = await createUser('Stranger');
    const own = await db.debate.create({
      data: { slug: `own-${crypto.randomUUID()}`, motion: 'Mine to set', createdById: t.id },
    });

    expect(await getDebate(db, { userId: t.id, debateId: own.id })).toMatchObject({
      debate: { id: own.id, motion: 'Mine to set' },
      mine: true,
    });
    for (const userId of [stranger.id, null]) {
      await expect(getDebate(db, { userId, debateId: own.id })).rejects.toMatchObject(refused);
    }
    await expect(getDebate(db, { userId: t.id, debateId: 'no-such-debate' })).rejects.toMatchObject(
      refused,
    );
  });

  it('shows a seeded debate to everyone, signed in or not', async () => {
    const { debate } = await seeded();
    const read = await getDebate(db, { userId: null, debateId: debate.id });
    expect(read).toMatchObject({ debate: { id: debate.id }, mine: false });
    expect(read.debate.theses).toHaveLength(2);
  });
});
