import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinMapAction } from '@/lib/actions/members';
import { getMapForMember } from '@/lib/server/maps';
import { inviteByEmail, listPeople } from '@/lib/server/members';
import {
  copySharedMap,
  findJoinLink,
  getOrCreateShareLink,
  getSharedMap,
  joinViaLink,
  listShareLinks,
  revokeShareLink,
} from '@/lib/server/share-links';
import { claim, createUser, db, userWithMap } from '../support/factories';
import { actAs } from '../support/fake-session';
import { addClaim, published } from '../support/members';

// Links per role (view, comment, edit), joining a map through one, and revoking one, which
// removes the people who joined through it.

// The server actions ask who is signed in: tests/support/fake-session.ts answers.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

afterEach(() => actAs(null));

describe('links per role', () => {
  it('keeps one link per role, and shows the map anonymously only through the view link', async () => {
    const { user: owner, map, a } = await userWithMap('Owner');
    const mapId = map.id;
    await claim(owner.id, mapId, a.id, null, 'pro', 'Visible');
    const view = await getOrCreateShareLink(db, { userId: owner.id, mapId });
    const comment = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'commenter' });
    const edit = await getOrCreateShareLink(db, {
      userId: owner.id,
      mapId,
      role: 'editor',
      // Only the view link's page shows or hides these: an edit link ignores them.
      options: { includeNotes: true },
    });
    expect(new Set([view.token, comment.token, edit.token]).size).toBe(3);
    expect(edit.includeNotes).toBe(false);
    expect(await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'editor' })).toEqual(
      edit,
    );
    const links = await listShareLinks(db, { userId: owner.id, mapId });
    expect(links.map((l) => [l.role, l.joined])).toEqual([
      ['viewer', 0],
      ['commenter', 0],
      ['editor', 0],
    ]);

    expect((await getSharedMap(db, { token: view.token })).claims).toHaveLength(1);
    const reader = await createUser('Reader');
    for (const token of [comment.token, edit.token]) {
      await expect(getSharedMap(db, { token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(copySharedMap(db, { userId: reader.id, token })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await findJoinLink(db, { token: view.token })).toBeNull();
    expect(await findJoinLink(db, { token: edit.token })).toEqual({
      mapId,
      role: 'editor',
      title: "Owner's map",
      ownerName: 'Owner',
    });
  });

  it('closes pages open on the view link when what it shows changes', async () => {
    const { user: owner, map } = await userWithMap();
    const view = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
    const linkId = (await db.shareLink.findUniqueOrThrow({ where: { token: view.token } })).id;
    const same = await published(map.id, () =>
      getOrCreateShareLink(db, { userId: owner.id, mapId: map.id, options: { showName: false } }),
    );
    expect(same).toEqual([]);
    const changed = await published(map.id, () =>
      getOrCreateShareLink(db, {
        userId: owner.id,
        mapId: map.id,
        options: { includeNotes: true },
      }),
    );
    expect(changed).toEqual([{ type: 'access', linkId, reason: 'link' }]);
  });
});

describe('joining through a link', () => {
  it('makes the signed-in person a member with the link’s role, never lowering a role', async () => {
    const { user: owner, map, a } = await userWithMap();
    const mapId = map.id;
    const comment = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'commenter' });
    const edit = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'editor' });
    const view = await getOrCreateShareLink(db, { userId: owner.id, mapId });
    const kim = await createUser('Kim');

    expect(await joinViaLink(db, { userId: kim.id, token: comment.token })).toEqual({
      mapId,
      role: 'commenter',
    });
    await expect(addClaim(kim.id, mapId, a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const raised = await published(mapId, () =>
      joinViaLink(db, { userId: kim.id, token: edit.token }),
    );
    expect(raised).toEqual([{ type: 'access', userId: kim.id, reason: 'role', mapIds: [mapId] }]);
    await addClaim(kim.id, mapId, a.id);
    // The comment link again: Kim stays an editor.
    expect((await joinViaLink(db, { userId: kim.id, token: comment.token })).role).toBe('editor');
    // The owner opening their own link stays the owner, and no member row appears.
    expect((await joinViaLink(db, { userId: owner.id, token: edit.token })).role).toBe('owner');
    expect(await db.mapMember.count({ where: { mapId, userId: owner.id } })).toBe(0);
    // A view link shows the map; it adds nobody.
    const lee = await createUser('Lee');
    await expect(joinViaLink(db, { userId: lee.id, token: view.token })).rejects.toMatchObject({
      code: 'INVALID',
    });
    await expect(joinViaLink(db, { userId: lee.id, token: 'x'.repeat(32) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Through the form's action: joins, then opens the map.
    actAs(lee.id);
    const form = new FormData();
    form.set('token', comment.token);
    await expect(joinMapAction(null, form)).rejects.toMatchObject({
      digest: expect.stringContaining(`/maps/${mapId}`),
    });
    expect((await getMapForMember(db, { userId: lee.id, mapId })).role).toBe('commenter');
  });

  it('revoking a link removes the people who joined through it, and only them', async () => {
    const { user: owner, map } = await userWithMap();
    const mapId = map.id;
    const edit = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'editor' });
    const [joinerA, joinerB, invited, confirmed] = await Promise.all(
      ['JoinerA', 'JoinerB', 'Invited', 'Confirmed'].map((n) => createUser(n)),
    );
    for (const u of [joinerA!, joinerB!, confirmed!]) {
      await joinViaLink(db, { userId: u.id, token: edit.token });
    }
    await inviteByEmail(db, { userId: owner.id, mapId, email: invited!.email, role: 'editor' });
    // Invited by name after joining by link: no longer tied to the link.
    await inviteByEmail(db, { userId: owner.id, mapId, email: confirmed!.email, role: 'editor' });
    const people = await listPeople(db, { userId: owner.id, mapId });
    expect(people.filter((p) => p.viaLink === 'editor').map((p) => p.name)).toEqual([
      'JoinerA',
      'JoinerB',
    ]);
    expect((await listShareLinks(db, { userId: owner.id, mapId }))[0]!.joined).toBe(2);

    const linkId = (await db.shareLink.findUniqueOrThrow({ where: { token: edit.token } })).id;
    let result: { removed: number } | undefined;
    const messages = await published(mapId, async () => {
      result = await revokeShareLink(db, { userId: owner.id, mapId, role: 'editor' });
    });
    expect(result).toEqual({ removed: 2 });
    expect(messages).toEqual(
      expect.arrayContaining([
        { type: 'access', linkId, reason: 'link' },
        { type: 'access', userId: joinerA!.id, reason: 'removed', mapIds: [mapId] },
        { type: 'access', userId: joinerB!.id, reason: 'removed', mapIds: [mapId] },
      ]),
    );
    expect(messages).toHaveLength(3);
    const left = await listPeople(db, { userId: owner.id, mapId });
    expect(left.map((p) => p.name)).toEqual(['Owner', 'Confirmed', 'Invited']);
    await expect(getMapForMember(db, { userId: joinerA!.id, mapId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // The old token never works again; a new edit link has a new one.
    expect(await findJoinLink(db, { token: edit.token })).toBeNull();
    await expect(joinViaLink(db, { userId: joinerA!.id, token: edit.token })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    const again = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'editor' });
    expect(again.token).not.toBe(edit.token);
  });
});
