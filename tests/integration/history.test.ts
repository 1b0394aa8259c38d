import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { GET as getHistory } from '@/app/api/maps/[mapId]/history/route';
import type { ApplyEnv, MapState } from '@/lib/domain/apply-op';
import { liveLinks } from '@/lib/domain/cross-links';
import {
  describeEntry,
  restoreOps,
  stateAt,
  type HistoryEntry,
  type RestoreScope,
} from '@/lib/domain/history';
import { inverseOf } from '@/lib/domain/undo';
import type { MapView } from '@/lib/domain/views';
import type { OpDraft } from '@/lib/schemas/ops';
import { readHistory } from '@/lib/server/history';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { evidenceOnly, withServerTrash } from '@/components/map-history/history-model';
import {
  Refused,
  apply,
  claim,
  createUser,
  db,
  quote,
  remove,
  userWithMap,
} from '../support/factories';
import { headersFor } from '../support/fake-session';
import { ownerView } from '../support/map-view';

// Who asks the route comes from a test header instead of a session cookie.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));

const uuid = () => crypto.randomUUID();
const NO_ARTICLES: ApplyEnv = { blocksOf: () => undefined };

async function member(mapId: string, name: string, role: 'editor' | 'commenter' | 'viewer') {
  const user = await createUser(name);
  await db.mapMember.create({ data: { mapId, userId: user.id, role } });
  return user;
}

/** The map as an editor tab holds it, from a view as loaded. */
const stateOf = (view: MapView): MapState => ({
  claims: view.claims,
  anchors: view.anchors,
  links: view.links,
  comments: view.comments,
  trash: {},
});

/**
 * What people see of a map, compared: claims with their place and fields (versions are not
 * walked back), and the quotes and links of live claims, by what they say (a re-added quote or
 * link gets a new id).
 */
function shape(state: Pick<MapState, 'claims' | 'anchors' | 'links'>) {
  const live = new Set(state.claims.map((c) => c.id));
  return {
    claims: state.claims
      .map((c) => ({ ...c, version: 0 }))
      .sort((x, y) => x.id.localeCompare(y.id)),
    anchors: state.anchors
      .filter((a) => live.has(a.claimId))
      .map((a) => `${a.claimId} ${a.sourceId} ${a.block} ${a.start} ${a.end} ${a.exact}`)
      .sort(),
    links: liveLinks(state.claims, state.links)
      .map((l) => `${l.fromClaimId} ${l.toClaimId} ${l.toThesisId} ${l.stance}`)
      .sort(),
  };
}

/** The map now as a tab would walk it back: the loaded view plus the page's trash. */
async function now(userId: string, mapId: string) {
  const page = await readHistory(db, { userId, mapId });
  const view = await ownerView(mapId);
  expect(view.revision).toBe(page.revision);
  return { page, current: withServerTrash(stateOf(view), page) };
}

/** Sends a restore's ops as one request, as the editor's group does; all must be applied. */
async function send(userId: string, mapId: string, drafts: OpDraft[]) {
  const { results } = await applyOps(db, {
    userId,
    mapId,
    ops: drafts.map((d) => ({ ...d, id: uuid() })),
  });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  return results.length;
}

/** Restores a scope to how it was right after `revision`, with the second pass for evidence. */
async function restore(userId: string, mapId: string, revision: number, scope: RestoreScope) {
  const { page, current } = await now(userId, mapId);
  const past = stateAt(current, page.entries, revision, NO_ARTICLES);
  const drafts = restoreOps(current, past, scope, uuid);
  expect(drafts.length).toBeGreaterThan(0);
  let sent = await send(userId, mapId, drafts);
  const again = await now(userId, mapId);
  const evidence = evidenceOnly(restoreOps(again.current, past, scope, uuid));
  if (evidence.length > 0) sent += await send(userId, mapId, evidence);
  return { past, sent, drafts };
}

/** Undoes the newest `count` changes from their log entries, as Ctrl+Z sends them. */
async function undoLast(userId: string, mapId: string, count: number) {
  const { page } = await now(userId, mapId);
  const inverse = page.entries
    .slice(0, count)
    .flatMap((e: HistoryEntry) => inverseOf(e.op, e.before, uuid));
  await send(userId, mapId, inverse);
}

describe('history', () => {
  it('lists applied map changes newest first, with who made them and what they replaced', async () => {
    const { user: owner, map, a } = await userWithMap('Owner');
    const editor = await member(map.id, 'Editor', 'editor');
    const p = await claim(owner.id, map.id, a.id, null, 'pro', 'Sanctions work');
    await claim(editor.id, map.id, a.id, p.id, 'con', 'They hurt civilians');
    await apply(editor.id, map.id, {
      kind: 'claim.update',
      claimId: p.id,
      set: { text: 'Sanctions mostly work' },
      base: { text: 'Sanctions work' },
    });
    // A refused change is not part of it.
    await expect(
      apply(owner.id, map.id, {
        kind: 'claim.update',
        claimId: p.id,
        set: { text: 'Mine' },
        base: { text: 'Sanctions work' },
      }),
    ).rejects.toBeInstanceOf(Refused);
    await apply(owner.id, map.id, {
      kind: 'comment.add',
      commentId: uuid(),
      claimId: p.id,
      parentId: null,
      body: 'Private thought',
    });

    const page = await readHistory(db, { userId: owner.id, mapId: map.id });
    expect(page.entries.map((e) => [e.revision, e.actorName, e.op.kind])).toEqual([
      [4, 'Owner', 'comment.add'],
      [3, 'Editor', 'claim.update'],
      [2, 'Editor', 'claim.add'],
      [1, 'Owner', 'claim.add'],
    ]);
    expect(page.entries[1]!.op).toMatchObject({ set: { text: 'Sanctions mostly work' } });
    expect(page.entries[1]!.before).toEqual({ fields: { text: 'Sanctions work' } });
    expect(page.entries[3]!.actorId).toBe(owner.id);
    expect(page).toMatchObject({ revision: 4, complete: true, nextBefore: null, trash: {} });

    // Pages by revision.
    const first = await readHistory(db, { userId: owner.id, mapId: map.id, limit: 2 });
    expect(first.entries.map((e) => e.revision)).toEqual([4, 3]);
    expect(first).toMatchObject({ complete: false, nextBefore: 3 });
    const second = await readHistory(db, { userId: owner.id, mapId: map.id, before: 3, limit: 2 });
    expect(second.entries.map((e) => e.revision)).toEqual([2, 1]);
    expect(second).toMatchObject({ complete: true, nextBefore: null });
  });

  it('records comment events, by whom and on which claim, never the words of a deleted comment', async () => {
    const { user: owner, map, a } = await userWithMap('Owner');
    const commenter = await member(map.id, 'Carla', 'commenter');
    const p = await claim(owner.id, map.id, a.id, null, 'pro', 'Sanctions work');
    const q = await claim(owner.id, map.id, a.id, null, 'con', 'Talks work');
    const [kept, thread, reply] = [uuid(), uuid(), uuid()];
    const comment = (
      userId: string,
      commentId: string,
      claimId: string,
      body: string,
      parentId: string | null = null,
    ) => apply(userId, map.id, { kind: 'comment.add', commentId, claimId, parentId, body });
    await comment(commenter.id, kept, p.id, 'Which source says so?');
    await apply(commenter.id, map.id, {
      kind: 'comment.edit',
      commentId: kept,
      body: 'Which source?',
    });
    await apply(owner.id, map.id, { kind: 'comment.resolve', commentId: kept, resolved: true });
    await apply(commenter.id, map.id, {
      kind: 'comment.resolve',
      commentId: kept,
      resolved: false,
    });
    await comment(commenter.id, thread, q.id, 'GONE-THREAD words');
    await comment(owner.id, reply, q.id, 'GONE-REPLY words', thread);
    await apply(commenter.id, map.id, {
      kind: 'comment.edit',
      commentId: thread,
      body: 'GONE-EDIT words',
    });
    // Deleting a thread's first comment deletes its reply too (by the map's owner, moderating).
    await apply(owner.id, map.id, { kind: 'comment.delete', commentId: thread });

    const page = await readHistory(db, { userId: owner.id, mapId: map.id });
    const names = new Map([
      [p.id, { text: p.text }],
      [q.id, { text: q.text }],
    ]);
    expect(page.entries.slice(0, 8).map((e) => [e.actorName, describeEntry(e, names)])).toEqual([
      ['Owner', 'Deleted a comment on “Talks work”'],
      ['Carla', 'Edited a comment on “Talks work”'],
      ['Owner', 'Replied to a comment on “Talks work”'],
      ['Carla', 'Commented on “Talks work”'],
      ['Carla', 'Reopened a thread on “Sanctions work”'],
      ['Owner', 'Resolved a thread on “Sanctions work”'],
      ['Carla', 'Edited a comment on “Sanctions work”: “Which source?”'],
      // Posted as “Which source says so?”, edited since: History shows only its words now.
      ['Carla', 'Commented on “Sanctions work”'],
    ]);
    // The earlier draft of a comment still there is not sent either.
    const text = JSON.stringify(page);
    expect(text).not.toContain('GONE-');
    expect(page.entries.filter((e) => e.op.kind === 'comment.edit').map((e) => e.before)).toEqual([
      null,
      null,
    ]);
    // The map walks back over them as before (comments are not walked back).
    const view = await ownerView(map.id);
    const past = stateAt(withServerTrash(stateOf(view), page), page.entries, 2, NO_ARTICLES);
    expect(past.claims.map((c) => c.text).sort()).toEqual(['Sanctions work', 'Talks work']);

    // Over HTTP to the commenter, the same, attributed.
    const res = await getHistory(
      new Request(`http://test/api/maps/${map.id}/history`, { headers: headersFor(commenter.id) }),
      { params: Promise.resolve({ mapId: map.id }) },
    );
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).not.toContain('GONE-');
    expect(body).toContain('Which source?');
  });

  it('stops at changes recorded before the log kept operations', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'pro', 'Old');
    await claim(user.id, map.id, a.id, null, 'pro', 'New');
    await db.mapOperation.updateMany({ where: { mapId: map.id, revision: 1 }, data: { op: null } });
    const page = await readHistory(db, { userId: user.id, mapId: map.id });
    expect(page.entries.map((e) => e.revision)).toEqual([2]);
    expect(page).toMatchObject({ complete: false, nextBefore: null });
  });

  it('walks back to every earlier state, restores a deleted subtree and the whole map, each undoable', async () => {
    const { user: owner, map, a, b } = await userWithMap('Owner');
    const editor = await member(map.id, 'Editor', 'editor');
    const views = new Map<number, MapView>();
    const snap = async () => {
      const view = await ownerView(map.id);
      views.set(view.revision, view);
      return view;
    };
    const p = await claim(owner.id, map.id, a.id, null, 'pro', 'Sanctions work');
    await snap();
    const r1 = await claim(editor.id, map.id, a.id, p.id, 'con', 'They hurt civilians');
    const r2 = await claim(editor.id, map.id, a.id, r1.id, 'con', 'Targeted ones do not');
    const q = await claim(owner.id, map.id, b.id, null, 'pro', 'Talks work better');
    await quote(owner.id, map.id, r1.id, a.sourceId);
    await apply(owner.id, map.id, {
      kind: 'link.add',
      linkId: uuid(),
      fromClaimId: q.id,
      target: { claimId: r1.id },
      stance: 'con',
    });
    const mid = await snap();
    await apply(owner.id, map.id, {
      kind: 'claim.update',
      claimId: r2.id,
      set: { strength: 4 },
      base: {},
    });
    // A quote added after `mid` to a claim deleted later: the batch brings it back when restored.
    await quote(editor.id, map.id, r2.id, a.sourceId);
    await snap();
    await apply(editor.id, map.id, {
      kind: 'claim.update',
      claimId: p.id,
      set: { text: 'Sanctions sometimes work', note: 'Check 2019' },
      base: { text: 'Sanctions work', note: '' },
    });
    await snap();
    await remove(editor.id, map.id, r1.id);
    await snap();
    await claim(owner.id, map.id, a.id, p.id, 'pro', 'Added later');
    await apply(owner.id, map.id, {
      kind: 'claim.move',
      claimId: q.id,
      thesisId: b.id,
      parentId: null,
      order: 'a5',
    });
    const late = await snap();

    // Walking back from the map now reproduces the map as loaded at each of those revisions.
    const { page, current } = await now(owner.id, map.id);
    expect(Object.keys(page.trash)).toHaveLength(1);
    for (const [revision, view] of views)
      expect(
        shape(stateAt(current, page.entries, revision, NO_ARTICLES)),
        `at ${revision}`,
      ).toEqual(shape(view));

    // Restoring the deleted subtree brings it back as it was at `mid`: unrated, quoted, linked.
    const sub = await restore(editor.id, map.id, mid.revision, { kind: 'subtree', claimId: r1.id });
    // The batch comes back, then its reply's rating (given before the delete) is cleared.
    expect(sub.drafts.map((d) => d.kind)).toEqual(['claim.restore', 'claim.update']);
    expect(sub.sent).toBe(3); // and the second pass removes the later quote
    const restored = shape(await ownerView(map.id));
    const inMid = shape(mid);
    for (const id of [r1.id, r2.id])
      expect(restored.claims.find((c) => c.id === id)).toEqual(
        inMid.claims.find((c) => c.id === id),
      );
    expect(restored.anchors).toEqual(inMid.anchors);
    expect(restored.links).toEqual(inMid.links);
    // It is recorded, as the editor who restored it, and undone like any change.
    const logged = (await now(owner.id, map.id)).page.entries.slice(0, sub.sent);
    expect(logged.every((e) => e.actorName === 'Editor')).toBe(true);
    expect(logged.map((e) => e.op.kind).reverse()).toEqual([
      'claim.restore',
      'claim.update',
      'anchor.remove',
    ]);
    await undoLast(editor.id, map.id, sub.sent);
    expect(shape(await ownerView(map.id))).toEqual(shape(late));

    // The whole map, back to `mid`, then undone.
    const whole = await restore(owner.id, map.id, mid.revision, { kind: 'map' });
    expect(whole.drafts.map((d) => d.kind)).toEqual([
      'claim.restore',
      'claim.move',
      'claim.update',
      'claim.update',
      'claim.delete',
    ]);
    expect(shape(await ownerView(map.id))).toEqual(shape(mid));
    await undoLast(owner.id, map.id, whole.sent);
    expect(shape(await ownerView(map.id))).toEqual(shape(late));
  });

  it('is for anyone who may read the map; to a stranger the map does not exist', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'pro', 'Visible');
    for (const role of ['viewer', 'commenter', 'editor'] as const) {
      const reader = await member(map.id, role, role);
      const page = await readHistory(db, { userId: reader.id, mapId: map.id });
      expect(page.entries).toHaveLength(1);
    }
    const stranger = await createUser('Stranger');
    await expect(readHistory(db, { userId: stranger.id, mapId: map.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      readHistory(db, { userId: user.id, mapId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers over HTTP: a page for a member, 404 for a stranger, 400 for a bad query', async () => {
    const { user, map, a } = await userWithMap();
    await claim(user.id, map.id, a.id, null, 'pro', 'One');
    await claim(user.id, map.id, a.id, null, 'pro', 'Two');
    const viewer = await member(map.id, 'Viewer', 'viewer');
    const stranger = await createUser('Stranger');
    const get = (userId: string | null, query = '') =>
      getHistory(
        new Request(`http://test/api/maps/${map.id}/history${query}`, {
          headers: headersFor(userId),
        }),
        { params: Promise.resolve({ mapId: map.id }) },
      );

    const ok = await get(viewer.id, '?limit=1');
    expect(ok.status).toBe(200);
    const page = await ok.json();
    expect(page.entries.map((e: HistoryEntry) => e.revision)).toEqual([2]);
    expect(page).toMatchObject({ revision: 2, complete: false, nextBefore: 2 });
    const older = await (await get(viewer.id, '?before=2')).json();
    expect(older.entries.map((e: HistoryEntry) => e.revision)).toEqual([1]);

    expect((await get(stranger.id)).status).toBe(404);
    expect((await get(null)).status).toBe(401);
    for (const bad of ['?limit=501', '?limit=0', '?before=x', '?before=1.5']) {
      const r = await get(viewer.id, bad);
      expect(r.status, bad).toBe(400);
      expect((await r.json()).message).toMatch(/^Say (limit|before)=/);
    }
  });
});
