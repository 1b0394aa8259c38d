import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { copySharedMap, getOrCreateShareLink } from '@/lib/server/share-links';
import { requireSameOrigin } from '@/lib/server/json-route';
import { apply, claim, createUser, db, userWithMap } from '../support/factories';
import { ownerView } from '../support/map-view';

// Holes found by review of the live-collaboration change, each closed and kept closed here.

async function editorOf(mapId: string) {
  const user = await createUser('Editor');
  await db.mapMember.create({ data: { mapId, userId: user.id, role: 'editor' } });
  return user;
}

describe('undo never erases someone else’s change', () => {
  it('refuses to put back a rating that someone changed since', async () => {
    const { user: ana, map, a } = await userWithMap('Ana');
    const c = await claim(ana.id, map.id, a.id, null, 'pro', 'Rated claim');
    const ben = await editorOf(map.id);
    await apply(ana.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { strength: 4 },
      base: {},
    });
    await apply(ben.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { strength: 5 },
      base: {},
    });
    // Ana's undo of her rating (as lib/domain/undo.ts builds it): back to none, expecting her 4.
    await expect(
      apply(ana.id, map.id, {
        kind: 'claim.update',
        claimId: c.id,
        set: { strength: null },
        base: { strength: 4 },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await ownerView(map.id)).claims[0]).toMatchObject({ strength: 5 });
    // With no one in between, the same undo lands.
    await apply(ben.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { stance: 'con' },
      base: {},
    });
    await apply(ben.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { stance: 'pro' },
      base: { stance: 'con' },
    });
    expect((await ownerView(map.id)).claims[0]).toMatchObject({ stance: 'pro' });
  });
});

describe('comments that do not fit are refused, not retried for ever', () => {
  it('answers a reused comment id and a reply on another claim with a clear refusal', async () => {
    const { user, map, a } = await userWithMap();
    const one = await claim(user.id, map.id, a.id, null, 'pro', 'One');
    const two = await claim(user.id, map.id, a.id, null, 'con', 'Two');
    const commentId = crypto.randomUUID();
    const first = {
      kind: 'comment.add' as const,
      commentId,
      claimId: one.id,
      parentId: null,
      body: 'First',
    };
    await apply(user.id, map.id, first);
    await expect(apply(user.id, map.id, { ...first, body: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      apply(user.id, map.id, {
        kind: 'comment.add',
        commentId: crypto.randomUUID(),
        claimId: two.id,
        parentId: commentId,
        body: 'A reply in the wrong place',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });
});

describe('a copy through a view link takes only what the link shows', () => {
  it('leaves the notes out when the link hides them', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Public claim');
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { note: 'how we beat them' },
      base: {},
    });
    const { token } = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const reader = await createUser('Reader');
    const copy = await copySharedMap(db, { userId: reader.id, token });
    const copied = await ownerView(copy.id);
    expect(copied.claims.map((x) => [x.text, x.note])).toEqual([['Public claim', '']]);
  });
});

describe('requests from elsewhere', () => {
  it('refuses an Origin of "null" as another site instead of failing', () => {
    const request = new Request('http://localhost:3000/api/maps/x/ops', {
      method: 'POST',
      headers: { origin: 'null', host: 'localhost:3000' },
    });
    expect(() => requireSameOrigin(request)).toThrow(/another site/);
  });
});
