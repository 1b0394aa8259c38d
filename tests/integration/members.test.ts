import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeRoleAction, inviteMemberAction, removeMemberAction } from '@/lib/actions/members';
import { getMapForMember, listMyMaps } from '@/lib/server/maps';
import {
  changeRole,
  inviteByEmail,
  leaveMap,
  listPeople,
  NO_ACCOUNT,
  removeMember,
} from '@/lib/server/members';
import { getOrCreateShareLink, listShareLinks, revokeShareLink } from '@/lib/server/share-links';
import { createUser, db, userWithMap } from '../support/factories';
import { actAs } from '../support/fake-session';
import { addClaim, published } from '../support/members';

// People with access to a map: inviting by email, changing roles, removing, leaving, and who may
// do any of it. Links per role and joining through them: member-links.test.ts.

// The server actions ask who is signed in: tests/support/fake-session.ts answers.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

afterEach(() => actAs(null));

describe('people with access', () => {
  it('invites by account email, lists the owner first, and shows the map under Shared with me', async () => {
    const { user: owner, map } = await userWithMap('Owner');
    const zoe = await createUser('Zoe');
    const ann = await createUser('Ann');
    const added = await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: `  ${zoe.email.toUpperCase()} `,
      role: 'editor',
    });
    expect(added).toMatchObject({ outcome: 'added', person: { userId: zoe.id, role: 'editor' } });
    await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: ann.email, role: 'viewer' });

    const people = await listPeople(db, { userId: owner.id, mapId: map.id });
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Owner', 'owner'],
      ['Ann', 'viewer'],
      ['Zoe', 'editor'],
    ]);
    expect((await getMapForMember(db, { userId: zoe.id, mapId: map.id })).role).toBe('editor');

    const zoesMaps = await listMyMaps(db, { userId: zoe.id });
    expect(zoesMaps).toEqual([
      expect.objectContaining({ id: map.id, role: 'editor', ownerName: 'Owner', shared: false }),
    ]);
    const ownersMaps = await listMyMaps(db, { userId: owner.id });
    expect(ownersMaps).toEqual([expect.objectContaining({ role: 'owner', shared: true })]);
  });

  it('says clearly when the email has no account, is the owner’s, or changes nothing', async () => {
    const { user: owner, map } = await userWithMap();
    const sam = await createUser('Sam');
    const invite = (email: string, role: 'editor' | 'commenter' | 'viewer' = 'viewer') =>
      inviteByEmail(db, { userId: owner.id, mapId: map.id, email, role });

    await expect(invite('nobody@example.org')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: NO_ACCOUNT,
      field: 'email',
    });
    await expect(invite(owner.email)).rejects.toMatchObject({ code: 'CONFLICT', field: 'email' });
    await invite(sam.email, 'commenter');
    expect((await invite(sam.email, 'commenter')).outcome).toBe('unchanged');
    const messages = await published(map.id, async () => {
      expect((await invite(sam.email, 'editor')).outcome).toBe('changed');
    });
    expect(messages).toEqual([
      { type: 'access', userId: sam.id, reason: 'role', mapIds: [map.id] },
    ]);
    expect(await db.mapMember.count({ where: { mapId: map.id } })).toBe(1);
  });

  it('changes a role and removes a person, telling their open pages at once', async () => {
    const { user: owner, map, a } = await userWithMap();
    const eve = await createUser('Eve');
    await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: eve.email, role: 'editor' });
    await addClaim(eve.id, map.id, a.id);

    const changed = await published(map.id, () =>
      changeRole(db, { userId: owner.id, mapId: map.id, memberId: eve.id, role: 'commenter' }),
    );
    expect(changed).toEqual([{ type: 'access', userId: eve.id, reason: 'role', mapIds: [map.id] }]);
    await expect(addClaim(eve.id, map.id, a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The same role again changes nothing, and tells nobody.
    const same = await published(map.id, () =>
      changeRole(db, { userId: owner.id, mapId: map.id, memberId: eve.id, role: 'commenter' }),
    );
    expect(same).toEqual([]);
    await expect(
      changeRole(db, { userId: owner.id, mapId: map.id, memberId: owner.id, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const removed = await published(map.id, () =>
      removeMember(db, { userId: owner.id, mapId: map.id, memberId: eve.id }),
    );
    expect(removed).toEqual([
      { type: 'access', userId: eve.id, reason: 'removed', mapIds: [map.id] },
    ]);
    await expect(getMapForMember(db, { userId: eve.id, mapId: map.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      removeMember(db, { userId: owner.id, mapId: map.id, memberId: eve.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      changeRole(db, { userId: owner.id, mapId: map.id, memberId: eve.id, role: 'editor' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a member leave, but never removes the owner', async () => {
    const { user: owner, map } = await userWithMap();
    const leo = await createUser('Leo');
    await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: leo.email, role: 'viewer' });
    await expect(leaveMap(db, { userId: owner.id, mapId: map.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      removeMember(db, { userId: leo.id, mapId: map.id, memberId: owner.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await leaveMap(db, { userId: leo.id, mapId: map.id });
    expect(await listMyMaps(db, { userId: leo.id })).toEqual([]);
    await expect(leaveMap(db, { userId: leo.id, mapId: map.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets nobody but the owner see or manage people and links', async () => {
    const { user: owner, map } = await userWithMap();
    const mapId = map.id;
    const editor = await createUser('Editor');
    const other = await createUser('Other');
    const stranger = await createUser('Stranger');
    await inviteByEmail(db, { userId: owner.id, mapId, email: editor.email, role: 'editor' });
    await inviteByEmail(db, { userId: owner.id, mapId, email: other.email, role: 'viewer' });

    const attempts = (userId: string): [string, () => Promise<unknown>][] => [
      ['list people', () => listPeople(db, { userId, mapId })],
      ['invite', () => inviteByEmail(db, { userId, mapId, email: stranger.email, role: 'editor' })],
      ['change role', () => changeRole(db, { userId, mapId, memberId: other.id, role: 'editor' })],
      ['remove', () => removeMember(db, { userId, mapId, memberId: other.id })],
      ['list links', () => listShareLinks(db, { userId, mapId })],
      ['create link', () => getOrCreateShareLink(db, { userId, mapId, role: 'editor' })],
      ['revoke link', () => revokeShareLink(db, { userId, mapId, role: 'viewer' })],
    ];
    for (const [what, attempt] of attempts(editor.id)) {
      await expect(attempt(), `editor: ${what}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const [what, attempt] of attempts(stranger.id)) {
      await expect(attempt(), `stranger: ${what}`).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const people = await listPeople(db, { userId: owner.id, mapId });
    expect(people.map((p) => p.role)).toEqual(['owner', 'editor', 'viewer']);
    expect(await db.shareLink.count({ where: { mapId } })).toBe(0);

    // The server actions check again, whatever the page offered.
    actAs(editor.id);
    const refused = await inviteMemberAction({ mapId, email: stranger.email, role: 'editor' });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await changeRoleAction({ mapId, userId: other.id, role: 'editor' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    actAs(stranger.id);
    expect(await removeMemberAction({ mapId, userId: other.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    actAs(owner.id);
    expect(
      await inviteMemberAction({ mapId, email: stranger.email, role: 'owner' as 'editor' }),
    ).toMatchObject({ ok: false, code: 'INVALID' });
    actAs(null);
    expect(
      await inviteMemberAction({ mapId, email: stranger.email, role: 'viewer' }),
    ).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
