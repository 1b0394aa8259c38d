import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getEvents } from '@/app/api/maps/[mapId]/events/route';
import { PUT as putVote } from '@/app/api/maps/[mapId]/votes/route';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { memoryPubSub, pubsub, setPubSub } from '@/lib/server/live/pubsub';
import { createMap } from '@/lib/server/maps';
import { getOrCreateShareLink } from '@/lib/server/share-links';
import { claim, createUser, db, debate } from '../support/factories';
import { headersFor } from '../support/fake-session';

// Votes live over the map's stream: a vote reaches everyone with the map open at once, as the
// claim's new tally; the voter's own tabs also get their rating; nobody learns who voted what,
// and a view link (which shows no votes) hears nothing of them.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));

beforeAll(() => setPubSub(memoryPubSub()));

/** An anonymous whole-class map: the teacher owns it, Ana and Ben are its editors. */
async function classMap() {
  const { debate: d, a } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const [ana, ben] = [await createUser('Ana Votername'), await createUser('Ben Readername')];
  const cls = await db.classroom.create({ data: { name: 'Civics', teacherId: teacher.id } });
  const assignment = await db.assignment.create({
    data: {
      classId: cls.id,
      debateId: d.id,
      title: 'Class map',
      mode: 'class',
      anonymous: true,
      rubric: JSON.stringify(DEFAULT_RUBRIC),
    },
  });
  const map = await createMap(db, { userId: teacher.id, title: 'Class', debateId: d.id });
  const work = await db.assignmentWork.create({
    data: { assignmentId: assignment.id, name: '', side: 'both', mapId: map.id },
  });
  for (const [i, s] of [ana, ben].entries()) {
    await db.classMember.create({
      data: { classId: cls.id, userId: s.id, pseudonym: ['Blue Heron', 'Red Fox'][i]! },
    });
    await db.workMember.create({ data: { workId: work.id, userId: s.id } });
    await db.mapMember.create({ data: { mapId: map.id, userId: s.id, role: 'editor' } });
  }
  const c = await claim(teacher.id, map.id, a.id, null, 'pro', 'Sport opens doors');
  return { teacher, ana, ben, mapId: map.id, claimId: c.id };
}

const params = (mapId: string) => ({ params: Promise.resolve({ mapId }) });

/** Opens the map's stream for a reader; `events()` is what it has received so far, parsed. */
async function listen(mapId: string, who: { userId?: string; link?: string }) {
  const abort = new AbortController();
  const url = new URL(`http://localhost:3000/api/maps/${mapId}/events?since=0`);
  if (who.link) url.searchParams.set('link', who.link);
  const response = await getEvents(
    new Request(url, { headers: headersFor(who.userId ?? null), signal: abort.signal }),
    params(mapId),
  );
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value);
    }
  })();
  return {
    raw: () => text,
    events: (name: string) =>
      text
        .split('\n\n')
        .filter((block) => block.includes(`event: ${name}\n`))
        .map((block) => JSON.parse(block.split('data: ')[1]!) as unknown),
    close: () => abort.abort(),
  };
}

async function until(check: () => boolean) {
  const deadline = Date.now() + 2000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

const vote = (mapId: string, userId: string, claimId: string, impact: number | null) =>
  putVote(
    new Request(`http://localhost:3000/api/maps/${mapId}/votes`, {
      method: 'PUT',
      headers: { ...headersFor(userId), 'content-type': 'application/json' },
      body: JSON.stringify({ claimId, impact }),
    }),
    params(mapId),
  );

describe('votes over the live stream', () => {
  it('reaches everyone in the map at once as the new tally, the rating only to the voter', async () => {
    const w = await classMap();
    const link = await getOrCreateShareLink(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      options: { includeNotes: true, showName: true },
    });
    const [teacher, ana, ben, viewLink] = await Promise.all([
      listen(w.mapId, { userId: w.teacher.id }),
      listen(w.mapId, { userId: w.ana.id }),
      listen(w.mapId, { userId: w.ben.id }),
      listen(w.mapId, { link: link.token }),
    ]);
    // Every stream has read the log and listens (the retry line comes first, then the log).
    await new Promise((r) => setTimeout(r, 100));

    expect((await vote(w.mapId, w.ana.id, w.claimId, 4)).status).toBe(200);
    expect((await vote(w.mapId, w.teacher.id, w.claimId, 1)).status).toBe(200);
    const both = { claimId: w.claimId, tally: { average: 2.5, count: 2 } };
    await until(() => ben.events('vote').length === 2 && ana.events('vote').length === 2);
    await until(() => teacher.events('vote').length === 2);

    expect(ben.events('vote')).toEqual([
      { claimId: w.claimId, tally: { average: 4, count: 1 } },
      both,
    ]);
    expect(ana.events('vote')).toEqual([
      { claimId: w.claimId, tally: { average: 4, count: 1 }, mine: 4 },
      both,
    ]);
    expect(teacher.events('vote')).toEqual([
      { claimId: w.claimId, tally: { average: 4, count: 1 } },
      { ...both, mine: 1 },
    ]);
    // Who voted is in no stream (an anonymous class: not even as a pseudonym).
    for (const s of [teacher, ana, ben]) {
      expect(s.raw()).not.toContain(w.ana.id);
      expect(s.raw()).not.toContain('voterId');
    }
    // A cleared vote is a new tally too.
    await vote(w.mapId, w.ana.id, w.claimId, null);
    await until(() => ben.events('vote').length === 3);
    expect(ben.events('vote')[2]).toEqual({
      claimId: w.claimId,
      tally: { average: 1, count: 1 },
    });
    expect(ana.events('vote').at(-1)).toMatchObject({ mine: null });

    // A view link shows no votes, and hears none.
    expect(viewLink.events('vote')).toEqual([]);
    for (const s of [teacher, ana, ben, viewLink]) s.close();
  });

  it('asks the page to read the votes again when messages may have been lost', async () => {
    const w = await classMap();
    const link = await getOrCreateShareLink(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      options: { includeNotes: false, showName: false },
    });
    const ben = await listen(w.mapId, { userId: w.ben.id });
    const viewLink = await listen(w.mapId, { link: link.token });
    await new Promise((r) => setTimeout(r, 100));
    pubsub().publish(w.mapId, { type: 'resync' });
    await until(() => ben.events('votes').length === 1);
    expect(viewLink.events('votes')).toEqual([]);
    ben.close();
    viewLink.close();
  });

  it('refuses a vote from someone who may not vote, and sends nothing', async () => {
    const w = await classMap();
    const viewer = await createUser('Viewer');
    await db.mapMember.create({ data: { mapId: w.mapId, userId: viewer.id, role: 'viewer' } });
    const ben = await listen(w.mapId, { userId: w.ben.id });
    await new Promise((r) => setTimeout(r, 100));
    expect((await vote(w.mapId, viewer.id, w.claimId, 3)).status).toBe(403);
    const stranger = await createUser('Stranger');
    expect((await vote(w.mapId, stranger.id, w.claimId, 3)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(ben.events('vote')).toEqual([]);
    ben.close();
  });
});
