import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { GET as getChanges } from '@/app/api/maps/[mapId]/changes/route';
import { POST as postOps } from '@/app/api/maps/[mapId]/ops/route';
import { createRoleLinkAction, inviteMemberAction } from '@/lib/actions/members';
import { deleteMapAction, duplicateMapAction, renameMapAction } from '@/lib/actions/maps';
import { can, capabilityForOp, type Capability, type Role } from '@/lib/domain/capabilities';
import { opSchema, type OpKind, type OpResult } from '@/lib/schemas/ops';
import { inviteByEmail } from '@/lib/server/members';
import { getMapForMember } from '@/lib/server/maps';
import { getOrCreateShareLink, getSharedMap, revokeShareLink } from '@/lib/server/share-links';
import { apply, claim, createUser, db, userWithMap, type OpDraft } from '../support/factories';
import { actAs, headersFor } from '../support/fake-session';
import { ACTORS, world, type Actor } from '../support/role-world';

// Every write and read of a map, tried as each kind of person, through the same entry points the
// app uses (the ops route, the server actions, the live catch-up route). Who is signed in comes
// from tests/support/fake-session.ts instead of a session cookie.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

/** Each person's role in the map: null = no access (a stranger; someone whose link was revoked). */
const ROLE_OF: Record<Actor, Role | null | 'signed out'> = {
  owner: 'owner',
  editor: 'editor',
  commenter: 'commenter',
  viewer: 'viewer',
  stranger: null,
  revoked: null,
  anonymous: 'signed out',
};

/** What the capability map says should happen. */
function fromCapabilities(actor: Actor, capability: Capability): Outcome {
  const role = ROLE_OF[actor];
  if (role === 'signed out') return 'UNAUTHENTICATED';
  if (role === null) return 'NOT_FOUND';
  return can(role, capability) ? 'ok' : 'FORBIDDEN';
}

// The same written out by hand, so that a wrong capability map fails this test too.
const Y = 'ok';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const U = 'UNAUTHENTICATED';
//                     owner editor commenter viewer stranger revoked anonymous
const edit = [Y, Y, F, F, N, N, U] as const;
const comment = [Y, Y, Y, F, N, N, U] as const;
const ownerOnly = [Y, F, F, F, N, N, U] as const;
const read = [Y, Y, Y, Y, N, N, U] as const;

const OP_TABLE: Record<OpKind, readonly Outcome[]> = {
  'claim.add': edit,
  'claim.update': edit,
  'claim.move': edit,
  'claim.delete': edit,
  'claim.restore': edit,
  'anchor.add': edit,
  'anchor.remove': edit,
  'link.add': edit,
  'link.remove': edit,
  'comment.add': comment,
  'comment.edit': comment,
  'comment.delete': comment,
  'comment.resolve': comment,
};

const MAP_ACTIONS = ['rename', 'share link', 'invite', 'make a copy', 'delete'] as const;
type MapAction = (typeof MAP_ACTIONS)[number];
const MAP_TABLE: Record<MapAction, { capability: Capability; expected: readonly Outcome[] }> = {
  rename: { capability: 'map.rename', expected: ownerOnly },
  'share link': { capability: 'map.share', expected: ownerOnly },
  invite: { capability: 'map.share', expected: ownerOnly },
  'make a copy': { capability: 'map.read', expected: read },
  // Last: it ends the map.
  delete: { capability: 'map.delete', expected: ownerOnly },
};

const expected = (row: readonly Outcome[], actor: Actor) => row[ACTORS.indexOf(actor)]!;

/** One operation through POST /api/maps/:id/ops, as the editor sends it. */
async function send(mapId: string, userId: string | null, draft: OpDraft): Promise<Outcome> {
  const request = new Request(`http://localhost:3000/api/maps/${mapId}/ops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersFor(userId) },
    body: JSON.stringify({ ops: [{ ...draft, id: crypto.randomUUID() }] }),
  });
  const response = await postOps(request, { params: Promise.resolve({ mapId }) });
  const body = (await response.json()) as { code?: string; results?: OpResult[] };
  if (!response.ok) return body.code as Outcome;
  const result = body.results![0]!;
  return result.ok ? 'ok' : (result.code as Outcome);
}

/** A map-level action through its server action, signed in as `userId` (or nobody). */
async function act(action: MapAction, mapId: string, userId: string | null, email: string) {
  actAs(userId);
  const result = await {
    rename: () => renameMapAction({ mapId, title: 'Renamed' }),
    'share link': () => createRoleLinkAction({ mapId, role: 'viewer' }),
    invite: () => inviteMemberAction({ mapId, email, role: 'viewer' }),
    'make a copy': () => duplicateMapAction({ mapId }),
    delete: () => deleteMapAction({ mapId }),
  }[action]();
  return result.ok ? 'ok' : (result.code as Outcome);
}

describe('the role matrix', () => {
  it('covers every kind of operation the editor can send', () => {
    const kinds = opSchema.options.map((o) => o.shape.kind.value).sort();
    expect(Object.keys(OP_TABLE).sort()).toEqual(kinds);
  });

  it('agrees with the capability map, cell by cell', () => {
    for (const actor of ACTORS) {
      for (const [kind, row] of Object.entries(OP_TABLE)) {
        expect(fromCapabilities(actor, capabilityForOp(kind)), `${kind} as ${actor}`).toBe(
          expected(row, actor),
        );
      }
      for (const [action, { capability, expected: row }] of Object.entries(MAP_TABLE)) {
        expect(fromCapabilities(actor, capability), `${action} as ${actor}`).toBe(
          expected(row, actor),
        );
      }
      expect(fromCapabilities(actor, 'map.read'), `read as ${actor}`).toBe(expected(read, actor));
    }
  });

  for (const actor of ACTORS) {
    it(`applies or refuses every write as ${actor}`, { timeout: 60_000 }, async () => {
      const w = await world(actor, {
        actorComments: fromCapabilities(actor, 'comment.write') === 'ok',
      });
      const before = await db.argumentMap.findUniqueOrThrow({ where: { id: w.mapId } });
      const outcomes: Record<string, Outcome> = {};
      for (const [kind, draft] of Object.entries(w.drafts) as [OpKind, () => Promise<OpDraft>][]) {
        outcomes[kind] = await send(w.mapId, w.userId, await draft());
      }
      for (const action of MAP_ACTIONS) {
        outcomes[action] = await act(action, w.mapId, w.userId, w.otherEmail);
      }
      const wanted = Object.fromEntries([
        ...Object.entries(OP_TABLE).map(([kind, row]) => [kind, expected(row, actor)]),
        ...MAP_ACTIONS.map((action) => [action, expected(MAP_TABLE[action].expected, actor)]),
      ]);
      expect(outcomes).toEqual(wanted);

      if (fromCapabilities(actor, 'comment.write') !== 'ok') {
        // Refused everywhere: nothing of theirs was applied or kept.
        const after = await db.argumentMap.findUniqueOrThrow({ where: { id: w.mapId } });
        expect(after.revision).toBe(before.revision);
        expect(after.title).toBe(before.title);
        if (w.userId) {
          expect(await db.mapOperation.count({ where: { actorId: w.userId } })).toBe(0);
        }
      }
    });

    it(`lets ${actor} read the map only as the capability map says`, async () => {
      const w = await world(actor, {
        actorComments: fromCapabilities(actor, 'comment.write') === 'ok',
      });
      const wanted = expected(read, actor);
      if (w.userId) {
        const answer = await getMapForMember(db, { userId: w.userId, mapId: w.mapId }).then(
          (r) => r.role,
          (e: { code: string }) => e.code,
        );
        expect(answer).toBe(wanted === 'ok' ? ROLE_OF[actor] : wanted);
      }
      const request = new Request(`http://localhost:3000/api/maps/${w.mapId}/changes?since=0`, {
        headers: headersFor(w.userId),
      });
      const response = await getChanges(request, { params: Promise.resolve({ mapId: w.mapId }) });
      const body = (await response.json()) as { code?: string };
      expect(response.ok ? 'ok' : body.code).toBe(wanted);
    });
  }
});

describe('links on their own, without an account', () => {
  it('reads through an active viewer link only; comment and edit links show nothing', async () => {
    const { user, map } = await userWithMap();
    const mapId = map.id;
    const links = {
      viewer: await getOrCreateShareLink(db, { userId: user.id, mapId }),
      commenter: await getOrCreateShareLink(db, { userId: user.id, mapId, role: 'commenter' }),
      editor: await getOrCreateShareLink(db, { userId: user.id, mapId, role: 'editor' }),
    };
    const live = async (token: string, forMap = mapId) => {
      const request = new Request(
        `http://localhost:3000/api/maps/${forMap}/changes?since=0&link=${token}`,
      );
      const response = await getChanges(request, { params: Promise.resolve({ mapId: forMap }) });
      return response.status;
    };
    expect((await getSharedMap(db, { token: links.viewer.token })).id).toBe(mapId);
    expect(await live(links.viewer.token)).toBe(200);
    const other = await userWithMap('Other');
    expect(await live(links.viewer.token, other.map.id)).toBe(404);
    for (const role of ['commenter', 'editor'] as const) {
      await expect(getSharedMap(db, { token: links[role].token }), role).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await live(links[role].token), role).toBe(404);
    }

    await revokeShareLink(db, { userId: user.id, mapId });
    await expect(getSharedMap(db, { token: links.viewer.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await live(links.viewer.token)).toBe(404);
  });
});

describe('comments are their author’s', () => {
  it('refuses editing or deleting someone else’s comment, except the owner deleting', async () => {
    const { user: owner, map, a } = await userWithMap();
    const editor = await createUser('Editor');
    const commenter = await createUser('Commenter');
    await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: editor.email,
      role: 'editor',
    });
    await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: commenter.email,
      role: 'commenter',
    });
    const c = await claim(owner.id, map.id, a.id, null, 'pro', 'Claim');
    const say = async (authorId: string) => {
      const commentId = crypto.randomUUID();
      await apply(authorId, map.id, {
        kind: 'comment.add',
        commentId,
        claimId: c.id,
        parentId: null,
        body: 'Hello',
      });
      return commentId;
    };
    const ownersComment = await say(owner.id);
    const commentersComment = await say(commenter.id);
    for (const kind of ['comment.edit', 'comment.delete'] as const) {
      const draft =
        kind === 'comment.edit'
          ? { kind, commentId: ownersComment, body: 'Not mine' }
          : { kind, commentId: ownersComment };
      await expect(apply(editor.id, map.id, draft), kind).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(
      apply(editor.id, map.id, { kind: 'comment.edit', commentId: commentersComment, body: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Anyone who may comment may resolve a thread; the owner may remove any comment.
    await apply(commenter.id, map.id, {
      kind: 'comment.resolve',
      commentId: ownersComment,
      resolved: true,
    });
    await apply(owner.id, map.id, { kind: 'comment.delete', commentId: commentersComment });
  });
});
