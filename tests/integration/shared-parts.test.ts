import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapView } from '@/lib/domain/views';
import { ARTICLES_TOPIC, articlesChanged } from '@/lib/server/article-cache';
import { getDebate, getFeaturedDebate } from '@/lib/server/debates';
import { memoryPubSub, pubsub, setPubSub } from '@/lib/server/live/pubsub';
import { sharedStore } from '@/lib/server/shared-parts';
import { getMapForMember } from '@/lib/server/maps';
import { inviteByEmail } from '@/lib/server/members';
import { getOrCreateShareLink, getSharedMap } from '@/lib/server/share-links';
import { addClaimFeedback } from '@/lib/server/classroom/feedback';
import { saveGrade, setGradeReleased } from '@/lib/server/classroom/grades';
import { assignmentContextForMap } from '@/lib/server/classroom/work-view';
import { classTeam } from '../support/class-team';
import { apply, claim, createUser, db, debate, mapWithNote } from '../support/factories';

// The parts of a page that are the same for every reader are kept in the app server's memory
// (lib/server/shared-parts.ts: debates; map-snapshot.ts: a map's contents per revision). Two
// promises are held here: no reader ever gets what only another reader may see, whichever read
// first; and a change to the map or the debate is in the very next page, whether it was made on
// this app server or another one sharing the database.

beforeAll(() => setPubSub(memoryPubSub()));

const NOTE = 'OWNER-NOTE-4c1';
const COMMENT = 'COMMENT-BODY-8e2';

const member = (userId: string, mapId: string) =>
  getMapForMember(db, { userId, mapId }).then((r) => r);
const texts = (m: MapView) => m.claims.map((c) => c.text);

/** An owner's map with a note and a comment, a viewer (no notes) and a view link (no names). */
async function sharedScene() {
  const { owner, mapId, claimId, thesisId } = await mapWithNote({
    owner: 'Olive Ownername',
    title: 'Scene',
    note: NOTE,
  });
  const viewer = await createUser('Vic Viewername');
  await apply(owner.id, mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId,
    parentId: null,
    body: COMMENT,
  });
  await inviteByEmail(db, {
    userId: owner.id,
    mapId,
    email: viewer.email,
    role: 'viewer',
  });
  const { token } = await getOrCreateShareLink(db, { userId: owner.id, mapId });
  return { owner, viewer, mapId, claimId, token, thesisId };
}

describe('cached parts of pages never carry one reader’s data to another', () => {
  for (const order of ['owner first', 'link first'] as const) {
    it(`owner, viewer and view link on one map, ${order}`, async () => {
      const w = await sharedScene();
      const reads = {
        owner: () => member(w.owner.id, w.mapId),
        viewer: () => member(w.viewer.id, w.mapId),
        link: () => getSharedMap(db, { token: w.token }).then((map) => ({ map, role: null })),
      };
      const sequence =
        order === 'owner first'
          ? (['owner', 'viewer', 'link', 'owner'] as const)
          : (['link', 'viewer', 'owner', 'link'] as const);
      for (const who of sequence) {
        const { map, role } = await reads[who]();
        const json = JSON.stringify(map);
        if (who === 'owner') {
          expect(role).toBe('owner');
          expect(map.claims[0]!.note).toBe(NOTE);
          expect(map.comments.map((c) => c.body)).toEqual([COMMENT]);
          expect(map.authors?.names[w.owner.id]).toBe('Olive Ownername');
        } else if (who === 'viewer') {
          expect(role).toBe('viewer');
          expect(json).not.toContain(NOTE);
          // A viewer reads comments (lib/domain/visibility.ts), never the owner's notes.
          expect(map.comments.map((c) => c.body)).toEqual([COMMENT]);
        } else {
          expect(json).not.toContain(NOTE);
          expect(json).not.toContain(COMMENT);
          expect(json).not.toContain('Ownername');
          expect(json).not.toContain('Viewername');
          expect(map.ownerName).toBeNull();
          expect(map.authors).toBeUndefined();
        }
      }
    });
  }

  for (const order of ['teacher first', 'student first'] as const) {
    it(`an anonymous assignment: the teacher sees names, a student pseudonyms, ${order}`, async () => {
      const w = await classTeam({ anonymous: true });
      const teacher = () => member(w.teacher.id, w.mapId);
      const student = () => member(w.ben.id, w.mapId);
      const [first, second] = order === 'teacher first' ? [teacher, student] : [student, teacher];
      const views = [await first(), await second(), await first()];
      for (const { map, role, selfId } of views) {
        const names = Object.values(map.authors?.names ?? {});
        if (role === 'owner') {
          expect(names).toEqual(expect.arrayContaining(['Ana', 'Ben']));
          expect(map.authors?.byClaim[w.claimId]).toBe(w.ana.id);
        } else {
          expect(role).toBe('editor');
          // Ana under her pseudonym; Ben himself by his own name.
          expect(names).toEqual(expect.arrayContaining(['Blue Heron', 'Ben']));
          expect(names).not.toContain('Ana');
          expect(JSON.stringify(map)).not.toContain(w.ana.id);
          expect(selfId).not.toBe(w.ben.id);
        }
      }
    });
  }

  it('the shared contents are read once per revision and cannot be changed by a reader', async () => {
    const w = await sharedScene();
    const one = await member(w.owner.id, w.mapId);
    const two = await member(w.viewer.id, w.mapId);
    // The same debate and the same (frozen) anchors: read once, shared.
    expect(two.map.debate).toBe(one.map.debate);
    expect(two.map.anchors).toBe(one.map.anchors);
    expect(Object.isFrozen(one.map.debate.theses[0]!.source.blocks)).toBe(true);
    expect(() => {
      (one.map.debate as { motion: string }).motion = 'Changed by a page';
    }).toThrow(TypeError);
  });
});

describe('readers who miss at once', () => {
  /** A read that answers when told to, counting how often it was asked. */
  function slowRead<T>() {
    const asked: ((value: T) => void)[] = [];
    const read = () => new Promise<T>((resolve) => asked.push(resolve));
    return { read, asked };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('wait for the one read under way, and get what it read', async () => {
    const store = sharedStore<{ revision: number }>(10);
    const { read, asked } = slowRead<{ revision: number }>();
    const readers = Array.from({ length: 30 }, () => store.get('map', read));
    await tick();
    expect(asked).toHaveLength(1);
    asked[0]!({ revision: 3 });
    const values = await Promise.all(readers);
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toEqual({ revision: 3 });
    // Kept: the next reader reads nothing.
    await store.get('map', read);
    expect(asked).toHaveLength(1);
  });

  it('read again when what was under way is too old for them, or failed', async () => {
    const store = sharedStore<{ revision: number }>(10);
    const { read, asked } = slowRead<{ revision: number }>();
    const first = store.get('map', read);
    await tick();
    // This reader saw revision 4 already: revision 3, read for the first, will not do.
    const second = store.get('map', read, (v) => v.revision >= 4);
    asked[0]!({ revision: 3 });
    await tick();
    expect(asked).toHaveLength(2);
    asked[1]!({ revision: 4 });
    expect(await first).toEqual({ revision: 3 });
    expect(await second).toEqual({ revision: 4 });

    const failing = sharedStore<string>(10);
    let reads = 0;
    const broken = () => {
      reads++;
      return Promise.reject(new Error('database gone'));
    };
    const both = [failing.get('k', broken), failing.get('k', broken)];
    for (const r of both) await expect(r).rejects.toThrow('database gone');
    expect(reads).toBe(1);
    await expect(failing.get('k', broken)).rejects.toThrow('database gone');
    expect(reads).toBe(2);
  });

  it('do not wait for a read that started before a debate edit, nor is it kept', async () => {
    const store = sharedStore<string>(10);
    const { read, asked } = slowRead<string>();
    const before = store.get('debate', read);
    await tick();
    articlesChanged(['any-source']);
    const after = store.get('debate', read);
    await tick();
    expect(asked).toHaveLength(2);
    asked[0]!('as it was');
    asked[1]!('as edited');
    expect(await before).toBe('as it was');
    expect(await after).toBe('as edited');
    expect(await store.get('debate', read)).toBe('as edited');
    expect(asked).toHaveLength(2);
  });
});

describe('a cached page shows a change at once', () => {
  it('to the map: an operation here, a write by another app server, a renamed person', async () => {
    const w = await sharedScene();
    expect(texts((await member(w.owner.id, w.mapId)).map)).toEqual(['Sport opens doors']);
    await claim(w.owner.id, w.mapId, w.thesisId, null, 'con', 'Talks stall');
    expect(texts((await getSharedMap(db, { token: w.token })) as MapView)).toContain('Talks stall');

    // Another app server applied an operation: nothing reached this process, but the map's
    // revision in the database moved, and the page reads it.
    await db.$transaction([
      db.claim.update({ where: { id: w.claimId }, data: { text: 'Sport opens some doors' } }),
      db.argumentMap.update({ where: { id: w.mapId }, data: { revision: { increment: 1 } } }),
    ]);
    expect(texts((await member(w.viewer.id, w.mapId)).map)).toContain('Sport opens some doors');

    // Names are not part of what is kept: a new name shows on the next page.
    await db.user.update({ where: { id: w.owner.id }, data: { name: 'Olive Newname' } });
    const { map } = await member(w.owner.id, w.mapId);
    expect(map.authors?.names[w.owner.id]).toBe('Olive Newname');
    expect(map.comments[0]!.authorName).toBe('Olive Newname');
  });

  it('to the debate: edited here, edited on another app server, or after a resync', async () => {
    const { debate: d, a } = await debate();
    const user = await createUser('Reader');
    const read = async () => (await getDebate(db, { userId: user.id, debateId: d.id })).debate;
    const featured = await getFeaturedDebate(db);
    expect(featured?.id).toBe(d.id);
    const before = await read();
    const original = a.label;
    try {
      // Edited on this server: updateDebate calls articlesChanged after its commit.
      await db.thesis.update({ where: { id: a.id }, data: { label: 'Edited here' } });
      articlesChanged([a.sourceId]);
      expect((await read()).theses[0]!.label).toBe('Edited here');
      expect((await getFeaturedDebate(db))?.theses[0]!.label).toBe('Edited here');

      // Edited on another server: its message arrives over the pub/sub.
      await db.thesis.update({ where: { id: a.id }, data: { label: 'Edited elsewhere' } });
      pubsub().publish(ARTICLES_TOPIC, { type: 'articles', sourceIds: [a.sourceId] });
      expect((await read()).theses[0]!.label).toBe('Edited elsewhere');

      // The connection between servers was lost: everything is read again after it.
      await db.thesis.update({ where: { id: a.id }, data: { label: 'Edited while cut off' } });
      pubsub().publish(ARTICLES_TOPIC, { type: 'resync' });
      const after = await read();
      expect(after.theses[0]!.label).toBe('Edited while cut off');
      expect(after).not.toBe(before);
      // And kept again: the next read is the same object.
      expect(await read()).toBe(after);
    } finally {
      await db.thesis.update({ where: { id: a.id }, data: { label: original } });
      articlesChanged([a.sourceId]);
    }
  });
});

describe('the personal part of an assignment map’s page', () => {
  it('the banner: the teacher’s notes, a member’s released feedback, nobody else’s', async () => {
    const w = await classTeam({ anonymous: true, dueAt: new Date('2030-01-01T12:00:00Z') });
    const banner = (userId: string) => assignmentContextForMap(db, userId, w.mapId);
    const outsider = await createUser('Stranger');
    await addClaimFeedback(db, {
      userId: w.teacher.id,
      workId: w.work.id,
      claimId: w.claimId,
      body: 'Which source?',
    });
    await saveGrade(db, { userId: w.teacher.id, workId: w.work.id, scores: {}, feedback: 'Good' });

    const teacher = await banner(w.teacher.id);
    expect(teacher).toMatchObject({
      viewerRole: 'teacher',
      title: 'Olympic thaw',
      className: 'Civics 9',
      anonymous: true,
      archived: false,
      dueAt: '2030-01-01T12:00:00.000Z',
      teamName: 'Team A',
      side: 'first',
      released: null,
      teacher: { releasedAt: null },
    });
    expect(teacher?.sideLabels).toHaveLength(1);
    expect(teacher?.teacher?.feedback.map((f) => f.body)).toEqual(['Which source?']);

    // Private until released: Ana sees her assignment, not the feedback.
    expect(await banner(w.ana.id)).toMatchObject({ viewerRole: 'student', released: null });
    // Cai is in the class on another team; a stranger is not in it: no banner.
    expect(await banner(w.cai.id)).toBeNull();
    expect(await banner(outsider.id)).toBeNull();

    await setGradeReleased(db, { userId: w.teacher.id, workId: w.work.id, released: true });
    const ana = await banner(w.ana.id);
    expect(ana?.released?.claims.map((f) => f.body)).toEqual(['Which source?']);
    expect(ana?.teacher).toBeNull();
    expect((await banner(w.teacher.id))?.teacher?.releasedAt).not.toBeNull();

    await db.classroom.update({ where: { id: w.cls.id }, data: { archivedAt: new Date() } });
    expect(await banner(w.ana.id)).toMatchObject({ archived: true });
  });
});
