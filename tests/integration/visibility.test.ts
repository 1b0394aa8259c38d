import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getMapRoute } from '@/app/api/maps/[mapId]/route';
import { GET as getChanges } from '@/app/api/maps/[mapId]/changes/route';
import { GET as getEvents } from '@/app/api/maps/[mapId]/events/route';
import { GET as getHistory } from '@/app/api/maps/[mapId]/history/route';
import { GET as getMarks } from '@/app/api/maps/[mapId]/marks/route';
import { POST as postOps } from '@/app/api/maps/[mapId]/ops/route';
import { GET as getTrash } from '@/app/api/maps/[mapId]/trash/route';
import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { visibility, type Reader } from '@/lib/domain/visibility';
import { announce } from '@/lib/server/live/presence';
import { addMark } from '@/lib/server/marks';
import { castVote } from '@/lib/server/votes';
import { memoryPubSub, setPubSub } from '@/lib/server/live/pubsub';
import { createMap, duplicateMap } from '@/lib/server/maps';
import { inviteByEmail, listPeople } from '@/lib/server/members';
import { copySharedMap, getOrCreateShareLink } from '@/lib/server/share-links';
import { apply, claim, createUser, db, debate, remove } from '../support/factories';
import { headersFor } from '../support/fake-session';
import { ownerView } from '../support/map-view';

// "One function deciding what each reader may see" (lib/domain/visibility.ts), held to at every
// exit: each kind of reader walks every exit that sends a map's contents, and nothing the table
// withholds from them (notes, comments, who did what, the log's deleted claims and earlier
// drafts) is in any answer. A route added under app/api/maps/[mapId] fails the last test until it
// is walked here or said to carry none of it.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const NOTE = 'SECRET-NOTE-7f3';
const COMMENT = 'AUTHOR-COMMENT-19c';
const DELETED = 'DELETED-CLAIM-a21';
const DRAFT = 'EARLIER-DRAFT-5be';
const MARK = 'MARK-EXPLANATION-3d0';

const KINDS = [
  'owner',
  'editor',
  'commenter',
  'viewer',
  'viewer with notes',
  'view link',
  'view link with notes and name',
  'class teacher',
  'anonymous student',
] as const;
type Kind = (typeof KINDS)[number];

const READERS: Record<Kind, Reader> = {
  owner: { kind: 'member', role: 'owner', notes: true, anonymous: false },
  editor: { kind: 'member', role: 'editor', notes: true, anonymous: false },
  commenter: { kind: 'member', role: 'commenter', notes: true, anonymous: false },
  viewer: { kind: 'member', role: 'viewer', notes: false, anonymous: false },
  'viewer with notes': { kind: 'member', role: 'viewer', notes: true, anonymous: false },
  'view link': { kind: 'link', notes: false, ownerName: false },
  'view link with notes and name': { kind: 'link', notes: true, ownerName: true },
  'class teacher': { kind: 'member', role: 'owner', notes: true, anonymous: false },
  'anonymous student': { kind: 'member', role: 'editor', notes: true, anonymous: true },
};

/** A map with a note, a comment, a deleted claim and an overwritten draft, read by `kind`. */
async function scene(kind: Kind) {
  const { debate: d, a } = await debate();
  const classKind = kind === 'class teacher' || kind === 'anonymous student';
  const owner = await createUser(classKind ? 'Rivera Teachername' : 'Olive Ownername');
  const author = await createUser('Edna Authorname');
  const map = await createMap(db, { userId: owner.id, title: 'Scene', debateId: d.id });
  const mapId = map.id;
  let reader: { userId: string | null; token?: string } = { userId: owner.id };
  if (classKind) {
    await db.user.update({ where: { id: owner.id }, data: { accountKind: 'teacher' } });
    const student = await createUser('Ben Readername');
    const cls = await db.classroom.create({ data: { name: 'Civics', teacherId: owner.id } });
    const assignment = await db.assignment.create({
      data: {
        classId: cls.id,
        debateId: d.id,
        title: 'Anonymous',
        mode: 'team',
        anonymous: true,
        rubric: JSON.stringify(DEFAULT_RUBRIC),
      },
    });
    const work = await db.assignmentWork.create({
      data: { assignmentId: assignment.id, name: 'Team', side: 'first', mapId },
    });
    for (const [i, s] of [author, student].entries()) {
      await db.classMember.create({
        data: { classId: cls.id, userId: s.id, pseudonym: ['Blue Heron', 'Red Fox'][i]! },
      });
      await db.workMember.create({ data: { workId: work.id, userId: s.id } });
      await db.mapMember.create({ data: { mapId, userId: s.id, role: 'editor' } });
    }
    if (kind === 'anonymous student') reader = { userId: student.id };
  } else {
    await inviteByEmail(db, { userId: owner.id, mapId, email: author.email, role: 'editor' });
    if (kind.startsWith('view link')) {
      const shown = kind !== 'view link';
      const link = await getOrCreateShareLink(db, {
        userId: owner.id,
        mapId,
        options: { includeNotes: shown, showName: shown },
      });
      reader = { userId: null, token: link.token };
    } else if (kind !== 'owner') {
      const person = await createUser('Rita Readername');
      const role = kind.startsWith('viewer') ? 'viewer' : (kind as 'editor' | 'commenter');
      const includeNotes = kind === 'viewer with notes';
      await inviteByEmail(db, { userId: owner.id, mapId, email: person.email, role, includeNotes });
      reader = { userId: person.id };
    }
  }
  const kept = await claim(author.id, mapId, a.id, null, 'pro', DRAFT);
  await apply(author.id, mapId, {
    kind: 'claim.update',
    claimId: kept.id,
    set: { text: 'Current text', note: NOTE },
    base: { text: DRAFT, note: '' },
  });
  await apply(author.id, mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId: kept.id,
    parentId: null,
    body: COMMENT,
  });
  // The owner (the class's teacher) marks the author's claim for review.
  await addMark(db, {
    userId: owner.id,
    mapId,
    claimId: kept.id,
    kind: 'unsupported',
    explanation: MARK,
  });
  const gone = await claim(author.id, mapId, a.id, null, 'con', DELETED);
  await remove(author.id, mapId, gone.id);
  // A batch whose restore (through the ops route) answers with its notes and comments.
  const back = await claim(author.id, mapId, a.id, null, 'con', 'Restorable');
  await apply(author.id, mapId, {
    kind: 'claim.update',
    claimId: back.id,
    set: { note: NOTE },
    base: { note: '' },
  });
  await apply(author.id, mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId: back.id,
    parentId: null,
    body: COMMENT,
  });
  const restoreId = await remove(author.id, mapId, back.id);
  return { mapId, owner, author, reader, restoreId, keptId: kept.id };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const url = (s: Scene, tail: string) => {
  const u = new URL(`http://localhost:3000/api/maps/${s.mapId}${tail}`);
  if (s.reader.token) u.searchParams.set('link', s.reader.token);
  return u.toString();
};
const params = (s: Scene) => ({ params: Promise.resolve({ mapId: s.mapId }) });
const asReader = (s: Scene) => headersFor(s.reader.userId);
const body = async (response: Response) => `${response.status} ${await response.text()}`;

/** The live stream's first moments, with the author present meanwhile. */
async function readEvents(s: Scene): Promise<string> {
  const abort = new AbortController();
  const request = new Request(url(s, '/events?since=0&tab=reader-tab-0001'), {
    headers: asReader(s),
    signal: abort.signal,
  });
  const response = await getEvents(request, params(s));
  if (!response.body) return body(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = `${response.status} `;
  setTimeout(() => {
    announce(s.mapId, {
      tabId: 'author-tab-0001',
      userId: s.author.id,
      name: s.author.name,
      claimId: null,
      editing: false,
    });
    // And votes on a claim.
    void castVote(db, { userId: s.author.id, mapId: s.mapId, claimId: s.keptId, impact: 3 });
  }, 100);
  const deadline = Date.now() + 400;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  abort.abort();
  await reader.cancel().catch(() => {});
  return text;
}

/** Every exit that sends a map's contents, by name: what it answers this reader. */
const EXITS: Record<string, (s: Scene) => Promise<string>> = {
  map: async (s) =>
    body(await getMapRoute(new Request(url(s, ''), { headers: asReader(s) }), params(s))),
  changes: async (s) =>
    body(
      await getChanges(
        new Request(url(s, '/changes?since=0'), { headers: asReader(s) }),
        params(s),
      ),
    ),
  events: readEvents,
  ops: async (s) => {
    const request = new Request(url(s, '/ops'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        ...asReader(s),
      },
      body: JSON.stringify({
        ops: [{ id: crypto.randomUUID(), kind: 'claim.restore', deletionId: s.restoreId }],
      }),
    });
    return body(await postOps(request, params(s)));
  },
  marks: async (s) =>
    body(await getMarks(new Request(url(s, '/marks'), { headers: asReader(s) }), params(s))),
  history: async (s) =>
    body(await getHistory(new Request(url(s, '/history'), { headers: asReader(s) }), params(s))),
  trash: async (s) =>
    body(await getTrash(new Request(url(s, '/trash'), { headers: asReader(s) }), params(s))),
  people: async (s) =>
    s.reader.userId
      ? JSON.stringify(
          await listPeople(db, { userId: s.reader.userId, mapId: s.mapId }).catch(
            (e: { code: string }) => e.code,
          ),
        )
      : 'no people list without an account',
  // "Make a copy": what the copy holds is the reader's to see.
  copy: async (s) => {
    const copy = s.reader.token
      ? await copySharedMap(db, { userId: (await createUser('Copier')).id, token: s.reader.token })
      : await duplicateMap(db, { userId: s.reader.userId!, mapId: s.mapId });
    return JSON.stringify(await ownerView(copy.id));
  },
};

beforeAll(() => setPubSub(memoryPubSub()));

describe('what each reader sees, at every exit', () => {
  for (const kind of KINDS) {
    it(`holds for ${kind}`, { timeout: 60_000 }, async () => {
      const see = visibility(READERS[kind]);
      const s = await scene(kind);
      const answers: Record<string, string> = {};
      for (const [exit, read] of Object.entries(EXITS)) answers[exit] = await read(s);
      const withheld: string[] = [];
      if (!see.notes) withheld.push(NOTE);
      if (!see.comments) withheld.push(COMMENT);
      if (!see.log) withheld.push(DELETED, DRAFT);
      if (!see.marks) withheld.push(MARK);
      if (see.people !== 'real') withheld.push(s.author.id, s.owner.id, s.author.name);
      if (see.people === 'pseudonymous') withheld.push(s.reader.userId!, s.owner.name);
      if (!see.ownerName) withheld.push(s.owner.name);
      for (const [exit, text] of Object.entries(answers)) {
        for (const secret of withheld) {
          // A copy is the reader's own map: its claims are theirs, under their own account.
          if (exit === 'copy' && secret === s.reader.userId) continue;
          expect(text, `${exit} shows ${secret}`).not.toContain(secret);
        }
      }
      // And what the table grants is there somewhere (the test is not passing by showing nothing).
      const all = Object.values(answers).join('\n');
      if (see.notes) expect(answers.map).toContain(NOTE);
      if (see.comments) expect(answers.map).toContain(COMMENT);
      if (see.marks) expect(answers.marks).toContain(MARK);
      if (see.log) expect(answers.changes).toContain(DELETED);
      if (see.log) expect(answers.history).toContain(DRAFT);
      if (see.log) expect(answers.events).toContain(DELETED);
      if (see.votes) expect(answers.events).toContain('event: vote');
      else expect(answers.events).not.toContain('event: vote');
      if (see.presence) expect(answers.events).toContain('author-tab-0001');
      else expect(answers.events).not.toContain('author-tab-0001');
      if (see.people === 'pseudonymous') expect(all).toMatch(/anon-[A-Za-z0-9_-]{22}/);
      if (see.people === 'real') expect(answers.map).toContain(s.author.name);
      // Who wrote each claim: for members (under pseudonyms where they are anonymous), never a link.
      if (see.people === 'hidden') expect(answers.map).not.toContain('byClaim');
      else expect(answers.map).toContain('"byClaim"');
      if (see.ownerName && see.people !== 'pseudonymous')
        expect(answers.map).toContain(s.owner.name);
    });
  }

  it('gives a person the same pseudonymous id across a map, and another in another map', async () => {
    const one = await scene('anonymous student');
    const two = await scene('anonymous student');
    const authorIds = async (s: Scene) => {
      const map = JSON.parse((await EXITS.map!(s)).slice(4)) as {
        comments: { authorId: string }[];
      };
      return new Set(map.comments.map((c) => c.authorId));
    };
    const [a, b] = [await authorIds(one), await authorIds(two)];
    expect(a.size).toBe(1);
    expect([...a][0]).not.toBe([...b][0]);
  });

  it('walks every route of a map, or says why one carries nothing to withhold', () => {
    const NOTHING_TO_WITHHOLD: Record<string, string> = {
      presence: 'answers { ok: true }; what it announces goes out through the live stream',
      votes: "impact averages and the reader's own ratings: no notes, comments or people",
    };
    const root = path.join(process.cwd(), 'app/api/maps/[mapId]');
    const routes = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => path.basename(f) === 'route.ts')
      .map((f) => path.dirname(f).replaceAll(path.sep, '/'))
      .map((d) => (d === '.' ? 'map' : d))
      .sort();
    const covered = [...Object.keys(EXITS), ...Object.keys(NOTHING_TO_WITHHOLD)];
    for (const route of routes) expect(covered, `app/api/maps/[mapId]/${route}`).toContain(route);
  });
});
