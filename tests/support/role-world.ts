import crypto from 'node:crypto';
import type { OpKind } from '@/lib/schemas/ops';
import { inviteByEmail } from '@/lib/server/members';
import { getOrCreateShareLink, joinViaLink, revokeShareLink } from '@/lib/server/share-links';
import { apply, claim, createUser, db, orderAt, quote, remove, userWithMap } from './factories';
import type { OpDraft } from './factories';

// The world the role matrix (tests/integration/role-matrix.test.ts) runs every write in.

export const ACTORS = [
  'owner',
  'editor',
  'commenter',
  'viewer',
  'stranger',
  'revoked',
  'anonymous',
] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * A map with one person in each role (and a stranger, and someone whose edit link was revoked),
 * content for every kind of change, and three comments written by `actor` when they may comment
 * (comment.edit and comment.delete are the author's), by the owner otherwise.
 */
export async function world(actor: Actor, opts: { actorComments: boolean }) {
  const { user: owner, map, a, b } = await userWithMap('Owner');
  const mapId = map.id;
  const people = {
    editor: await createUser('Editor'),
    commenter: await createUser('Commenter'),
    viewer: await createUser('Viewer'),
    stranger: await createUser('Stranger'),
    revoked: await createUser('Revoked'),
  };
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    await inviteByEmail(db, { userId: owner.id, mapId, email: people[role].email, role });
  }
  const editLink = await getOrCreateShareLink(db, { userId: owner.id, mapId, role: 'editor' });
  await joinViaLink(db, { userId: people.revoked.id, token: editLink.token });
  await revokeShareLink(db, { userId: owner.id, mapId, role: 'editor' });

  const userId = actor === 'owner' ? owner.id : actor === 'anonymous' ? null : people[actor].id;
  const target = await claim(owner.id, mapId, a.id, null, 'pro', 'Target');
  const moving = await claim(owner.id, mapId, a.id, null, 'pro', 'Moving');
  const doomed = await claim(owner.id, mapId, a.id, null, 'con', 'Doomed');
  const gone = await claim(owner.id, mapId, a.id, null, 'con', 'Gone');
  const deletionId = await remove(owner.id, mapId, gone.id);
  const anchor = await quote(owner.id, mapId, moving.id, a.sourceId);
  const linkId = crypto.randomUUID();
  await apply(owner.id, mapId, {
    kind: 'link.add',
    linkId,
    fromClaimId: moving.id,
    target: { thesisId: b.id },
    stance: 'con',
  });
  // comment.edit and comment.delete are the author's: whoever may comment acts on their own.
  const author = userId && opts.actorComments ? userId : owner.id;
  const comments: string[] = [];
  for (const body of ['To edit', 'To delete', 'To resolve']) {
    const commentId = crypto.randomUUID();
    await apply(author, mapId, {
      kind: 'comment.add',
      commentId,
      claimId: target.id,
      parentId: null,
      body,
    });
    comments.push(commentId);
  }
  const [toEdit, toDelete, toResolve] = comments as [string, string, string];

  const drafts: { [K in OpKind]: () => Promise<Extract<OpDraft, { kind: K }>> } = {
    'claim.add': async () => ({
      kind: 'claim.add',
      claimId: crypto.randomUUID(),
      thesisId: a.id,
      parentId: null,
      stance: 'pro',
      text: 'New',
      order: await orderAt(mapId, a.id, null),
    }),
    'claim.update': async () => ({
      kind: 'claim.update',
      claimId: target.id,
      set: { text: 'Changed' },
      base: {},
    }),
    'claim.move': async () => ({
      kind: 'claim.move',
      claimId: moving.id,
      thesisId: a.id,
      parentId: target.id,
      order: await orderAt(mapId, a.id, target.id),
    }),
    'claim.delete': async () => ({ kind: 'claim.delete', claimId: doomed.id, seen: [doomed.id] }),
    'claim.restore': async () => ({ kind: 'claim.restore', deletionId }),
    'anchor.add': async () => ({
      kind: 'anchor.add',
      anchorId: crypto.randomUUID(),
      claimId: target.id,
      sourceId: a.sourceId,
      exact: 'The two Koreas, however, have to start somewhere.',
      prefix: '',
      suffix: '',
    }),
    'anchor.remove': async () => ({ kind: 'anchor.remove', anchorId: anchor.id }),
    'link.add': async () => ({
      kind: 'link.add',
      linkId: crypto.randomUUID(),
      fromClaimId: target.id,
      target: { thesisId: b.id },
      stance: 'pro',
    }),
    'link.remove': async () => ({ kind: 'link.remove', linkId }),
    'comment.add': async () => ({
      kind: 'comment.add',
      commentId: crypto.randomUUID(),
      claimId: target.id,
      parentId: null,
      body: 'New comment',
    }),
    'comment.edit': async () => ({ kind: 'comment.edit', commentId: toEdit, body: 'Edited' }),
    'comment.delete': async () => ({ kind: 'comment.delete', commentId: toDelete }),
    'comment.resolve': async () => ({
      kind: 'comment.resolve',
      commentId: toResolve,
      resolved: true,
    }),
  };
  return { owner, mapId, userId, drafts, otherEmail: (await createUser('Invitee')).email };
}
