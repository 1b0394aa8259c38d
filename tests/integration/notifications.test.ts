import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getList } from '@/app/api/notifications/route';
import { GET as getEvents } from '@/app/api/notifications/events/route';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { joinClass, regenerateJoinCode } from '@/lib/server/classroom/classes';
import { releaseAllGrades, saveGrade, setGradeReleased } from '@/lib/server/classroom/grades';
import { MAX_BELL_STREAMS_PER_PERSON } from '@/lib/server/live/bell-stream';
import { bellTopic } from '@/lib/server/live/bell';
import { postgresPubSub } from '@/lib/server/live/pg-pubsub';
import { memoryPubSub, pubsub, setPubSub, type BusMessage } from '@/lib/server/live/pubsub';
import { addMark } from '@/lib/server/marks';
import { removeMember } from '@/lib/server/members';
import { bellCount, listNotifications } from '@/lib/server/notification-list';
import { markRead, notify, unreadCount } from '@/lib/server/notifications';
import { getOrCreateShareLink, joinViaLink } from '@/lib/server/share-links';
import { classTeam } from '../support/class-team';
import { apply, claim, createUser, db, userWithMap } from '../support/factories';
import { actAs, headersFor } from '../support/fake-session';

// The bell (lib/server/notifications.ts, notification-list.ts, live/bell-stream.ts): a
// notification for each kind, never to whoever caused it, in words made for each reader, rung
// live only once committed; due-soon made once; read and unread.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

beforeAll(() => setPubSub(memoryPubSub()));
afterEach(() => actAs(null));

const HOUR = 3_600_000;
const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  for (const t0 = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() - t0 > ms) throw new Error('timed out');
};
const list = (userId: string, zone = 'UTC') => listNotifications(db, { userId, zone });
const kinds = async (userId: string) =>
  (await db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })).map(
    (n) => n.kind,
  );
/** The bell messages heard for these people while `work` runs. */
async function rung(userIds: string[], work: () => Promise<unknown>) {
  const heard: string[] = [];
  const stops = userIds.map((id) =>
    pubsub().subscribe(bellTopic(id), (m) => m.type === 'bell' && heard.push(id)),
  );
  try {
    await work();
    await new Promise((r) => setTimeout(r, 150));
  } finally {
    stops.forEach((s) => s());
  }
  return heard.sort();
}

const comment = (userId: string, mapId: string, claimId: string, parentId: string | null) =>
  apply(userId, mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId,
    parentId,
    body: 'A thought',
  }).then((r) => (r.data as { id: string }).id);

describe('a notification of each kind, never to whoever caused it', () => {
  it('a reply tells everyone else who wrote in the thread, live, and a new thread tells nobody', async () => {
    const w = await classTeam();
    const root = await comment(w.ana.id, w.mapId, w.claimId, null);
    expect(await kinds(w.ana.id)).toEqual([]);
    expect(
      await rung([w.ana.id, w.ben.id], () => comment(w.ben.id, w.mapId, w.claimId, root)),
    ).toEqual([w.ana.id]);
    // The teacher answers Ben's reply: the reply joins the thread, so both students hear of it.
    await comment(w.teacher.id, w.mapId, w.claimId, root);
    expect(await kinds(w.ana.id)).toEqual(['comment-reply', 'comment-reply']);
    expect(await kinds(w.ben.id)).toEqual(['comment-reply']);
    expect(await kinds(w.teacher.id)).toEqual([]);
    // Stored as Prisma stores it (the reply took SQLite's direct path).
    const row = await db.notification.findFirstOrThrow({ where: { userId: w.ben.id } });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ actorId: w.teacher.id, mapId: w.mapId, claimId: w.claimId });
    const { items } = await list(w.ben.id);
    expect(items[0]).toMatchObject({
      text: 'Rivera replied to your comment on “Sport opens doors”.',
      href: `/maps/${w.mapId}?claim=${w.claimId}`,
      place: 'Team A',
      read: false,
    });
  });

  it('a mark tells the claim’s author, not the marker, and not an author who cannot see marks', async () => {
    const w = await classTeam();
    const heard = await rung([w.ana.id, w.teacher.id], () =>
      addMark(db, {
        userId: w.teacher.id,
        mapId: w.mapId,
        claimId: w.claimId,
        kind: 'needs-quote',
        explanation: '',
      }),
    );
    expect(heard).toEqual([w.ana.id]);
    expect((await list(w.ana.id)).items[0]!.text).toBe(
      'Rivera marked your claim “Sport opens doors”: Needs a quote.',
    );
    expect(await kinds(w.teacher.id)).toEqual([]);
    // Ana made a commenter: she no longer sees marks, so a new one does not reach her, and the
    // earlier one leaves her bell.
    await db.mapMember.update({
      where: { mapId_userId: { mapId: w.mapId, userId: w.ana.id } },
      data: { role: 'commenter' },
    });
    await addMark(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      claimId: w.claimId,
      kind: 'unclear',
      explanation: '',
    });
    expect(await kinds(w.ana.id)).toEqual(['mark']);
    expect((await list(w.ana.id)).items).toEqual([]);
    expect(await unreadCount(db, w.ana.id)).toBe(0);
  });

  it('releasing feedback tells the work’s students once, whichever way it is released', async () => {
    const w = await classTeam();
    await saveGrade(db, { userId: w.teacher.id, workId: w.work.id, scores: {}, feedback: 'Good' });
    const release = (released: boolean) =>
      db.$transaction((tx) =>
        setGradeReleased(tx, { userId: w.teacher.id, workId: w.work.id, released }),
      );
    expect(await rung([w.ana.id, w.ben.id, w.teacher.id], () => release(true))).toEqual(
      [w.ana.id, w.ben.id].sort(),
    );
    await release(true); // again: nothing new
    expect(await kinds(w.ana.id)).toEqual(['feedback-released']);
    await release(false);
    await db.$transaction((tx) =>
      releaseAllGrades(tx, { userId: w.teacher.id, assignmentId: w.assignment.id }),
    );
    expect(await kinds(w.ben.id)).toEqual(['feedback-released', 'feedback-released']);
    expect(await kinds(w.cai.id)).toEqual([]);
    expect(await kinds(w.teacher.id)).toEqual([]);
    expect((await list(w.ana.id)).items[0]).toMatchObject({
      text: 'Rivera released feedback on your work for “Olympic thaw”.',
      href: `/maps/${w.mapId}`,
    });
  });

  it('joining a map through a link tells its owner; joining a class does not', async () => {
    const { user: owner, map } = await userWithMap('Olive');
    const edit = await getOrCreateShareLink(db, {
      userId: owner.id,
      mapId: map.id,
      role: 'editor',
    });
    const kim = await createUser('Kim');
    await joinViaLink(db, { userId: kim.id, token: edit.token });
    await joinViaLink(db, { userId: kim.id, token: edit.token }); // already in: nothing new
    await joinViaLink(db, { userId: owner.id, token: edit.token });
    expect(await kinds(owner.id)).toEqual(['joined-map']);
    expect((await list(owner.id)).items[0]!.text).toBe(
      "Kim joined your map “Olive's map” (can edit).",
    );

    const w = await classTeam();
    const { joinCode: code } = await regenerateJoinCode(db, {
      userId: w.teacher.id,
      classId: w.cls.id,
    });
    const late = await createUser('Late');
    await joinClass(db, { userId: late.id, code });
    expect(await kinds(w.teacher.id)).toEqual([]);
  });

  it('renders the suggestion kinds another part of the app records', async () => {
    const w = await classTeam();
    const suggestion = await db.suggestion.create({
      data: {
        mapId: w.mapId,
        thesisId: w.thesisId,
        stance: 'pro',
        text: 'Trade follows sport',
        authorId: w.cai.id,
      },
    });
    await db.mapMember.create({ data: { mapId: w.mapId, userId: w.cai.id, role: 'commenter' } });
    for (const kind of [
      'suggestion-accepted',
      'suggestion-answered',
      'suggestion-declined',
    ] as const) {
      await notify(db, {
        userId: w.cai.id,
        kind,
        actorId: w.ana.id,
        mapId: w.mapId,
        claimId: null,
        data: { suggestionId: suggestion.id },
      });
    }
    expect((await list(w.cai.id)).items.map((n) => n.text).sort()).toEqual([
      'Ana accepted your suggestion “Trade follows sport”: it is a claim now.',
      'Ana answered your suggestion “Trade follows sport”.',
      'Ana declined your suggestion “Trade follows sport”.',
    ]);
    // Never to whoever caused it.
    expect(
      await notify(db, {
        userId: w.ana.id,
        kind: 'suggestion-accepted',
        actorId: w.ana.id,
        mapId: w.mapId,
      }),
    ).toEqual([]);
    expect(await kinds(w.ana.id)).toEqual([]);
  });
});

describe('an assignment due within a day', () => {
  it('is made once per assignment and person when the bell is read, for its students only', async () => {
    const w = await classTeam({ dueAt: new Date(Date.now() + 12 * HOUR) });
    expect(await bellCount(db, w.ana.id)).toBe(1);
    expect(await bellCount(db, w.ana.id)).toBe(1);
    await list(w.ana.id);
    await markRead(db, { userId: w.ana.id, all: true });
    expect(await bellCount(db, w.ana.id)).toBe(0);
    expect(await kinds(w.ana.id)).toEqual(['due-soon']);
    expect(await bellCount(db, w.teacher.id)).toBe(0);
    expect(await bellCount(db, w.cai.id)).toBe(0); // not on this work
    const { items } = await list(w.ben.id, 'America/Chicago');
    expect(items[0]!.text).toMatch(
      /^“Olympic thaw” is due \w{3} \d+ \w{3} \d{4}, \d\d:\d\d CST\.$/,
    );
  });

  it('is not made days ahead, after the due time, or in an archived class', async () => {
    for (const dueAt of [new Date(Date.now() + 72 * HOUR), new Date(Date.now() - HOUR)]) {
      const w = await classTeam({ dueAt });
      expect(await bellCount(db, w.ana.id)).toBe(0);
    }
    const w = await classTeam({ dueAt: new Date(Date.now() + HOUR) });
    await db.classroom.update({ where: { id: w.cls.id }, data: { archivedAt: new Date() } });
    expect(await bellCount(db, w.ana.id)).toBe(0);
  });
});

describe('reading the bell', () => {
  it('names people per reader: pseudonyms and "Teacher" for an anonymous assignment’s students', async () => {
    const w = await classTeam({ anonymous: true });
    const root = await comment(w.ana.id, w.mapId, w.claimId, null);
    await comment(w.ben.id, w.mapId, w.claimId, root);
    await comment(w.teacher.id, w.mapId, w.claimId, root);
    // (Two replies in one millisecond may list either way round.)
    const texts = (await list(w.ana.id)).items.map((n) => n.text).sort();
    expect(texts).toEqual([
      'Red Fox replied to your comment on “Sport opens doors”.',
      'Teacher replied to your comment on “Sport opens doors”.',
    ]);
    expect(JSON.stringify(await list(w.ana.id))).not.toMatch(/Ben|Rivera/);
    // The teacher sees real names.
    await comment(w.ana.id, w.mapId, w.claimId, root);
    expect((await list(w.teacher.id)).items[0]!.text).toBe(
      'Ana replied to your comment on “Sport opens doors”.',
    );
  });

  it('leaves out what concerns a map its reader can no longer open, in the list and the count', async () => {
    const { user: owner, map, a } = await userWithMap('Olive');
    const edit = await getOrCreateShareLink(db, {
      userId: owner.id,
      mapId: map.id,
      role: 'editor',
    });
    const kim = await createUser('Kim');
    await joinViaLink(db, { userId: kim.id, token: edit.token });
    const on = (await claim(owner.id, map.id, a.id, null, 'pro', 'A claim')).id;
    const root = await comment(kim.id, map.id, on, null);
    await comment(owner.id, map.id, on, root);
    expect(await unreadCount(db, kim.id)).toBe(1);
    await removeMember(db, { userId: owner.id, mapId: map.id, memberId: kim.id });
    expect(await unreadCount(db, kim.id)).toBe(0);
    expect((await list(kim.id)).items).toEqual([]);
    expect(await unreadCount(db, owner.id)).toBe(1); // the owner keeps "Kim joined"
  });

  it('marks read the ones opened, or all, and only one’s own', async () => {
    const w = await classTeam();
    const root = await comment(w.ana.id, w.mapId, w.claimId, null);
    await comment(w.ben.id, w.mapId, w.claimId, root);
    await comment(w.teacher.id, w.mapId, w.claimId, root);
    const [first] = (await list(w.ana.id)).items;
    actAs(w.ben.id);
    expect(await markNotificationsReadAction({ ids: [first!.id] })).toMatchObject({ ok: true });
    expect(await unreadCount(db, w.ana.id)).toBe(2);
    actAs(w.ana.id);
    expect(await rung([w.ana.id], () => markNotificationsReadAction({ ids: [first!.id] }))).toEqual(
      [w.ana.id],
    );
    expect(await unreadCount(db, w.ana.id)).toBe(1);
    expect(await markNotificationsReadAction({ ids: [] })).toMatchObject({
      ok: false,
      code: 'INVALID',
    });
    expect(await markNotificationsReadAction({ all: true })).toEqual({
      ok: true,
      data: { unread: 0 },
    });
    expect((await list(w.ana.id)).items.map((n) => n.read)).toEqual([true, true]);
  });

  it('answers the list and the stream only to someone signed in', async () => {
    const res = await getList(new Request('http://localhost:3000/api/notifications'));
    expect(res.status).toBe(401);
    const events = await getEvents(new Request('http://localhost:3000/api/notifications/events'));
    expect(events.status).toBe(401);
  });
});

describe('the bell, live', () => {
  /** Reads a bell stream's events as they come. */
  function openBell(userId: string) {
    const abort = new AbortController();
    const request = new Request('http://localhost:3000/api/notifications/events', {
      headers: headersFor(userId),
      signal: abort.signal,
    });
    let text = '';
    const done = getEvents(request).then(async (res) => {
      if (!res.body) return res.status;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return res.status;
        text += decoder.decode(chunk.value);
      }
    });
    const counts = () =>
      text
        .split('\n\n')
        .filter((e) => e.startsWith('event: count'))
        .map((e) => (JSON.parse(e.split('data: ')[1]!) as { unread: number }).unread);
    return { counts, close: () => abort.abort(), done };
  }

  it('sends the count when it opens and again when a notification arrives or is read', async () => {
    const w = await classTeam();
    const bell = openBell(w.ana.id);
    await until(() => bell.counts().length === 1);
    expect(bell.counts()).toEqual([0]);
    await addMark(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      claimId: w.claimId,
      kind: 'unclear',
      explanation: '',
    });
    await until(() => bell.counts().at(-1) === 1);
    await markRead(db, { userId: w.ana.id, all: true });
    await until(() => bell.counts().at(-1) === 0);
    bell.close();
    await bell.done;
  });

  it('rings only once what caused it is committed, and never for a rollback', async () => {
    const w = await classTeam();
    const heard: BusMessage[] = [];
    const stop = pubsub().subscribe(bellTopic(w.ana.id), (m) => heard.push(m));
    await db
      .$transaction(async (tx) => {
        await notify(tx, { userId: w.ana.id, kind: 'mark', actorId: w.teacher.id, mapId: w.mapId });
        await new Promise((r) => setTimeout(r, 200));
        expect(heard).toEqual([]); // not yet: not committed
        throw new Error('changed my mind');
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    await db.$transaction((tx) =>
      notify(tx, { userId: w.ana.id, kind: 'mark', actorId: w.teacher.id, mapId: w.mapId }),
    );
    await until(() => heard.length === 1);
    stop();
  });

  it('keeps each person to a number of open bells', async () => {
    const user = await createUser('Tabs');
    const bells = Array.from({ length: MAX_BELL_STREAMS_PER_PERSON }, () => openBell(user.id));
    await until(() => bells.every((b) => b.counts().length === 1));
    const one = await getEvents(
      new Request('http://localhost:3000/api/notifications/events', {
        headers: headersFor(user.id),
      }),
    );
    expect(one.status).toBe(503);
    bells.forEach((b) => b.close());
    await Promise.all(bells.map((b) => b.done));
    const again = openBell(user.id);
    await until(() => again.counts().length === 1);
    again.close();
  });
});

const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');
describe.runIf(onPostgres)('the bell between app servers (PostgreSQL)', () => {
  const channel = `bell_test_${crypto.randomBytes(4).toString('hex')}`;
  const [a, b] = [0, 1].map(() =>
    postgresPubSub(process.env.DATABASE_URL!, { channel, log: () => {} }),
  );
  afterAll(() => Promise.all([a!.close(), b!.close()]));

  it('carries a person’s bell topic like a map’s', async () => {
    await Promise.all([a!.ready(), b!.ready()]);
    const heard: BusMessage[] = [];
    const stop = b!.subscribe(bellTopic('someone'), (m) => heard.push(m));
    a!.publish(bellTopic('someone'), { type: 'bell' });
    await until(() => heard.length === 1);
    expect(heard).toEqual([{ type: 'bell' }]);
    stop();
  });
});
