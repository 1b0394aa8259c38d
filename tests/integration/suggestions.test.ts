import crypto from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideSuggestionAction, suggestClaimAction } from '@/lib/actions/suggestions';
import type { MemberRole } from '@/lib/domain/capabilities';
import { SUGGESTIONS_PER_DAY } from '@/lib/domain/suggestions';
import { memoryPubSub, setPubSub } from '@/lib/server/live/pubsub';
import type { LiveReader } from '@/lib/server/live/readers';
import { openMapStream } from '@/lib/server/live/stream';
import { decideSuggestion, listSuggestions, suggestClaim } from '@/lib/server/suggestions';
import { apply, claim, createUser, db, orderAt, remove, userWithMap } from '../support/factories';
import { actAs } from '../support/fake-session';

// Suggestions (Kialo Edu's suggester role), against a real database: who may suggest, see and
// decide; accepting through the operation path (a claim.add naming the suggestion, written as the
// suggester's); a suggestion whose claim is gone; the daily limit; the notifications. Runs on
// SQLite and on PostgreSQL (TEST_DATABASE_URL).

vi.mock('@/lib/server/session', () => import('../support/fake-session'));

beforeAll(() => setPubSub(memoryPubSub()));
afterEach(() => actAs(null));

async function member(mapId: string, role: MemberRole, name: string) {
  const user = await createUser(name);
  await db.mapMember.create({ data: { mapId, userId: user.id, role } });
  return user;
}

/** A map with a claim, its owner, an editor, a commenter, and two viewers. */
async function classroom() {
  const { user: owner, map, a, b } = await userWithMap('Teacher');
  const target = await claim(owner.id, map.id, a.id, null, 'pro', 'Talks lower the risk of war');
  const editor = await member(map.id, 'editor', 'Editor');
  const commenter = await member(map.id, 'commenter', 'Commenter');
  const viewer = await member(map.id, 'viewer', 'Viewer');
  const otherViewer = await member(map.id, 'viewer', 'Other');
  return { owner, map, a, b, target, editor, commenter, viewer, otherViewer };
}

const suggestUnder = (
  userId: string | null,
  mapId: string,
  thesisId: string,
  parentId: string | null,
  text = 'Talks never last',
  stance: 'pro' | 'con' = 'con',
) => suggestClaim(db, { userId, mapId, thesisId, parentId, stance, text });

/** Accepts a suggestion as `userId` through the operation path; the op's id and the new claim's. */
async function accept(userId: string, mapId: string, suggestionId: string) {
  const s = await db.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
  const claimId = crypto.randomUUID();
  const id = crypto.randomUUID();
  await apply(
    userId,
    mapId,
    {
      kind: 'claim.add',
      claimId,
      thesisId: s.thesisId,
      parentId: s.parentId,
      stance: s.stance as 'pro' | 'con',
      text: s.text,
      order: await orderAt(mapId, s.thesisId, s.parentId),
      suggestionId,
    },
    id,
  );
  return { id, claimId };
}

/** The notifications of `userId`, once those written after a commit have landed. */
async function notificationsOf(userId: string, count: number) {
  await vi.waitFor(async () =>
    expect(await db.notification.count({ where: { userId } })).toBe(count),
  );
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
}

describe('who may suggest a claim', () => {
  it('takes one from a viewer and a commenter, under a claim or a thesis, as written', async () => {
    const { map, a, b, target, viewer, commenter } = await classroom();
    const byViewer = await suggestUnder(viewer.id, map.id, a.id, target.id, '  Talks never last ');
    expect(byViewer).toMatchObject({
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: 'Talks never last',
      author: { id: viewer.id, name: 'Viewer' },
      mine: true,
      status: 'open',
    });
    const byCommenter = await suggestUnder(commenter.id, map.id, b.id, null, 'Seoul walks', 'pro');
    expect(byCommenter).toMatchObject({ thesisId: b.id, parentId: null, stance: 'pro' });
    expect(await db.suggestion.count({ where: { mapId: map.id } })).toBe(2);
  });

  it('refuses someone without an account (a view link’s visitor) and someone without a role', async () => {
    const { map, a, target } = await classroom();
    await expect(suggestUnder(null, map.id, a.id, target.id)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message:
        'Suggesting a claim needs an account: sign in, and ask the map’s owner to invite you to the map.',
    });
    // The action says the same to a request without a session.
    actAs(null);
    const answer = await suggestClaimAction({
      mapId: map.id,
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: 'Sneaky',
    });
    expect(answer).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const stranger = await createUser('Stranger');
    await expect(suggestUnder(stranger.id, map.id, a.id, target.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.suggestion.count({ where: { mapId: map.id } })).toBe(0);
  });

  it('checks the text like a claim’s, and the place: a live claim under that thesis', async () => {
    const { owner, map, a, b, target, viewer } = await classroom();
    actAs(viewer.id);
    const empty = await suggestClaimAction({
      mapId: map.id,
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: '   ',
    });
    expect(empty).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: 'Write the claim first: it cannot be empty.',
    });
    const long = await suggestClaimAction({
      mapId: map.id,
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: 'x'.repeat(1001),
    });
    expect(long).toMatchObject({ ok: false, code: 'INVALID' });
    await expect(suggestUnder(viewer.id, map.id, b.id, target.id)).rejects.toMatchObject({
      code: 'INVALID',
      message: 'A reply belongs to the same thesis as the claim it answers.',
    });
    await remove(owner.id, map.id, target.id);
    await expect(suggestUnder(viewer.id, map.id, a.id, target.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it(`allows ${SUGGESTIONS_PER_DAY} a day per person and map, then says when the next is possible`, async () => {
    const { map, a, target, viewer, commenter } = await classroom();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const row = (authorId: string, createdAt: Date) => ({
      mapId: map.id,
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: 'Earlier',
      authorId,
      createdAt,
    });
    // Yesterday's do not count; today's do, up to one short of the limit.
    await db.suggestion.createMany({
      data: [
        row(viewer.id, hoursAgo(25)),
        ...Array.from({ length: SUGGESTIONS_PER_DAY - 1 }, () => row(viewer.id, hoursAgo(20))),
      ],
    });
    await suggestUnder(viewer.id, map.id, a.id, target.id, 'The last one today');
    await expect(
      suggestUnder(viewer.id, map.id, a.id, target.id, 'One too many'),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message:
        'You have made 30 suggestions to this map in the last 24 hours, the most a day. You can suggest again in about 4 hours.',
    });
    // Someone else's count is their own, and so is another map's.
    await suggestUnder(commenter.id, map.id, a.id, target.id, 'Mine is fine');
    const { user: other, map: otherMap, a: otherA } = await userWithMap('Elsewhere');
    await db.mapMember.create({ data: { mapId: otherMap.id, userId: viewer.id, role: 'viewer' } });
    await suggestUnder(viewer.id, otherMap.id, otherA.id, null, 'Another map');
    expect(other.id).toBeTruthy();
  });
});

describe('who sees a suggestion', () => {
  it('is its maker and the map’s editors and owner, until and after it is decided', async () => {
    const { owner, map, a, target, editor, commenter, viewer, otherViewer } = await classroom();
    const made = await suggestUnder(viewer.id, map.id, a.id, target.id);
    const seenBy = async (userId: string) =>
      (await listSuggestions(db, { userId, mapId: map.id })).map((s) => s.id);
    expect(await seenBy(owner.id)).toEqual([made.id]);
    expect(await seenBy(editor.id)).toEqual([made.id]);
    expect(await seenBy(viewer.id)).toEqual([made.id]);
    expect(await seenBy(otherViewer.id)).toEqual([]);
    expect(await seenBy(commenter.id)).toEqual([]);
    const listedForOwner = await listSuggestions(db, { userId: owner.id, mapId: map.id });
    expect(listedForOwner[0]).toMatchObject({ mine: false, author: { name: 'Viewer' } });
    await expect(
      listSuggestions(db, { userId: (await createUser('Stranger')).id, mapId: map.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await decideSuggestion(db, {
      userId: owner.id,
      mapId: map.id,
      suggestionId: made.id,
      decision: 'decline',
    });
    expect(await seenBy(viewer.id)).toEqual([made.id]);
    expect(await seenBy(otherViewer.id)).toEqual([]);
  });

  it('tells only those who see it, over the map’s stream, that suggestions changed', async () => {
    const { owner, map, a, target, viewer, otherViewer } = await classroom();
    const watch = (userId: string) => {
      const abort = new AbortController();
      const reader: LiveReader = { kind: 'user', userId, name: 'Reader' };
      const response = openMapStream(db, {
        mapId: map.id,
        reader,
        since: 0,
        tabId: null,
        signal: abort.signal,
      });
      const body = response!.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      void (async () => {
        for (;;) {
          const { value, done } = await body.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += decoder.decode(value);
        }
      })();
      return { text: () => text, stop: () => abort.abort() };
    };
    const streams = [watch(owner.id), watch(viewer.id), watch(otherViewer.id)];
    // Each stream has read the map's log and is listening before the suggestion is made.
    await vi.waitFor(() => streams.forEach((s) => expect(s.text()).toContain('retry')));
    await new Promise((r) => setTimeout(r, 200));
    await suggestUnder(viewer.id, map.id, a.id, target.id);
    await vi.waitFor(() => {
      expect(streams[0]!.text()).toContain('event: suggestions');
      expect(streams[1]!.text()).toContain('event: suggestions');
    });
    expect(streams[2]!.text()).not.toContain('event: suggestions');
    streams.forEach((s) => s.stop());
  });
});

describe('deciding a suggestion', () => {
  it('accepts it as a claim under the intended parent, written as the suggester’s, in the log', async () => {
    const { owner, map, a, target, viewer } = await classroom();
    const made = await suggestUnder(viewer.id, map.id, a.id, target.id);
    const { id: opId, claimId } = await accept(owner.id, map.id, made.id);

    const added = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(added).toMatchObject({
      mapId: map.id,
      thesisId: a.id,
      parentId: target.id,
      stance: 'con',
      text: 'Talks never last',
      authorId: viewer.id,
      deletedAt: null,
    });
    const logged = await db.mapOperation.findUniqueOrThrow({ where: { id: opId } });
    expect(logged).toMatchObject({ actorId: owner.id, kind: 'claim.add' });
    expect(JSON.parse(logged.op!)).toMatchObject({ claimId, suggestionId: made.id });
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      status: 'accepted',
      claimId,
      decidedById: owner.id,
    });
    const [note] = await notificationsOf(viewer.id, 1);
    expect(note).toMatchObject({
      kind: 'suggestion-accepted',
      actorId: owner.id,
      mapId: map.id,
      claimId,
    });
    expect(JSON.parse(note!.data)).toEqual({ suggestionId: made.id });
    // The suggester sees it accepted, with the claim it became.
    const [seen] = await listSuggestions(db, { userId: viewer.id, mapId: map.id });
    expect(seen).toMatchObject({ status: 'accepted', claimId });
    // Undone (the claim deleted), the suggestion stays accepted.
    await remove(owner.id, map.id, claimId);
    expect((await db.suggestion.findUniqueOrThrow({ where: { id: made.id } })).status).toBe(
      'accepted',
    );
  });

  it('is for the map’s editors and owner only; an editor may accept once, as written', async () => {
    const { map, a, target, editor, commenter, viewer } = await classroom();
    const made = await suggestUnder(viewer.id, map.id, a.id, target.id);
    await expect(accept(commenter.id, map.id, made.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      decideSuggestion(db, {
        userId: viewer.id,
        mapId: map.id,
        suggestionId: made.id,
        decision: 'decline',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the map’s editors and owner can answer or decline suggestions.',
    });
    // Not in other words, nor elsewhere: the claim would be written as the suggester's.
    await expect(
      apply(editor.id, map.id, {
        kind: 'claim.add',
        claimId: crypto.randomUUID(),
        thesisId: a.id,
        parentId: target.id,
        stance: 'con',
        text: 'Words they never wrote',
        order: await orderAt(map.id, a.id, target.id),
        suggestionId: made.id,
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    expect((await db.suggestion.findUniqueOrThrow({ where: { id: made.id } })).status).toBe('open');
    await accept(editor.id, map.id, made.id);
    await expect(accept(editor.id, map.id, made.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Someone has already accepted, answered or declined this suggestion.',
    });
    expect(await db.claim.count({ where: { mapId: map.id, authorId: viewer.id } })).toBe(1);
  });

  it('keeps a suggestion whose claim was deleted, and says so', async () => {
    const { owner, map, a, target, viewer } = await classroom();
    const made = await suggestUnder(viewer.id, map.id, a.id, target.id);
    await remove(owner.id, map.id, target.id);
    await expect(accept(owner.id, map.id, made.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message:
        'The claim this suggestion answers was deleted, so it was not added. The suggestion stays open: answer or decline it.',
    });
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      status: 'open',
      claimId: null,
    });
    expect(await db.claim.count({ where: { mapId: map.id, authorId: viewer.id } })).toBe(0);
    // It can still be answered.
    await decideSuggestion(db, {
      userId: owner.id,
      mapId: map.id,
      suggestionId: made.id,
      decision: 'answer',
      answer: 'That claim is gone.',
    });
  });

  it('answers one and declines another, each once, and tells the suggester', async () => {
    const { owner, map, a, target, commenter, viewer } = await classroom();
    const first = await suggestUnder(viewer.id, map.id, a.id, target.id, 'First');
    const second = await suggestUnder(commenter.id, map.id, a.id, null, 'Second', 'pro');
    actAs(owner.id);
    const answered = await decideSuggestionAction({
      mapId: map.id,
      suggestionId: first.id,
      decision: 'answer',
      answer: '  We cover this under the thesis.  ',
    });
    expect(answered).toMatchObject({
      ok: true,
      data: { status: 'answered', answer: 'We cover this under the thesis.' },
    });
    const empty = await decideSuggestionAction({
      mapId: map.id,
      suggestionId: second.id,
      decision: 'answer',
      answer: ' ',
    });
    expect(empty).toMatchObject({ ok: false, code: 'INVALID', message: 'Write the answer first.' });
    const declined = await decideSuggestionAction({
      mapId: map.id,
      suggestionId: second.id,
      decision: 'decline',
    });
    expect(declined).toMatchObject({ ok: true, data: { status: 'declined', answer: '' } });
    const again = await decideSuggestionAction({
      mapId: map.id,
      suggestionId: second.id,
      decision: 'decline',
    });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });

    const [toViewer] = await notificationsOf(viewer.id, 1);
    expect(toViewer).toMatchObject({
      kind: 'suggestion-answered',
      actorId: owner.id,
      mapId: map.id,
      claimId: target.id,
    });
    const [toCommenter] = await notificationsOf(commenter.id, 1);
    expect(toCommenter).toMatchObject({ kind: 'suggestion-declined', claimId: null });
    expect(JSON.parse(toCommenter!.data)).toEqual({ suggestionId: second.id });
    expect(await db.claim.count({ where: { mapId: map.id } })).toBe(1);
  });
});
