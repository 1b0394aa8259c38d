import { describe, expect, it } from 'vitest';
import { updateAssignment } from '@/lib/server/classroom/assignments';
import { setClassArchived } from '@/lib/server/classroom/archive';
import { userReader, type LiveReader } from '@/lib/server/live/readers';
import { getMapPage } from '@/lib/server/map-page';
import { changeRole, inviteByEmail } from '@/lib/server/members';
import { getOrCreateShareLink, getSharedMapPage } from '@/lib/server/share-links';
import { createUser, db, userWithMap } from '../support/factories';
import { sleep, teamWorld, watch } from '../support/live-streams';

// A change to what someone may see of a map, made after their page was rendered and before its
// live stream opened, has no message left to tell the page: the page sends what it was rendered
// for (lib/domain/page-standing.ts) and the stream compares it with the reader's standing now.
// Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).

/** The reader the events route makes for a signed-in person (lib/server/live/readers.ts). */
const readerNow = (userId: string, mapId: string) =>
  userReader(db, { id: userId, name: 'Reader' }, mapId, null);

/** What the map page renders for `userId` says it was rendered for. */
const pageSeen = async (userId: string, mapId: string) =>
  (await getMapPage(db, { userId, mapId })).seen;

/** `ownerId` invites the account with `email` to their map. */
const invite = (
  ownerId: string,
  mapId: string,
  email: string,
  role: 'viewer' | 'editor',
  includeNotes = false,
) => inviteByEmail(db, { userId: ownerId, mapId, email, role, includeNotes });

/** The teacher makes the assignment of `w` anonymous (students see pseudonyms from then on). */
const makeAnonymous = (w: Awaited<ReturnType<typeof teamWorld>>) =>
  updateAssignment(db, {
    userId: w.teacher.id,
    assignmentId: w.assignmentId,
    title: 'Olympic thaw',
    instructions: '',
    dueAt: null,
    anonymous: true,
  });

/** A page as rendered now: the reader its stream opens as, the map, what it was rendered for. */
type OpenPage = [LiveReader, string, string];

/** A member's page of `mapId`. */
const memberPage = async (userId: string, mapId: string): Promise<OpenPage> => [
  await readerNow(userId, mapId),
  mapId,
  await pageSeen(userId, mapId),
];

async function linkReader(token: string, mapId: string): Promise<LiveReader> {
  const row = await db.shareLink.findUniqueOrThrow({ where: { token } });
  const options = { includeNotes: row.includeNotes, showName: row.showName };
  expect(row.mapId).toBe(mapId);
  return { kind: 'link', linkId: row.id, options };
}

describe(
  'a page whose reader’s standing changed before its stream opened',
  { timeout: 30_000 },
  () => {
    it('a page and its stream agree on every kind of reader when nothing changed', async () => {
      const { user: owner, map } = await userWithMap();
      // Two invited viewers: one without the owner's notes, one with them.
      const [vic, noted] = [await createUser('Vic'), await createUser('Noted')];
      await invite(owner.id, map.id, vic.email, 'viewer');
      await invite(owner.id, map.id, noted.email, 'viewer', true);
      const link = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
      const w = await teamWorld();
      const student = w.works[0]!.members[0]!.userId;
      await makeAnonymous(w);

      // The other team's map, in a class archived: its student and its teacher only read it.
      const archived = await teamWorld();
      await setClassArchived(db, {
        userId: archived.teacher.id,
        classId: archived.classId,
        archived: true,
      });
      const shelved = archived.works[0]!;
      const pages: OpenPage[] = [
        await memberPage(noted.id, map.id),
        await memberPage(shelved.members[0]!.userId, shelved.mapId),
        await memberPage(archived.teacher.id, shelved.mapId),
        await memberPage(owner.id, map.id),
        await memberPage(vic.id, map.id),
        [
          await linkReader(link.token, map.id),
          map.id,
          (await getSharedMapPage(db, { token: link.token })).seen,
        ],
        await memberPage(student, w.works[0]!.mapId),
        await memberPage(w.teacher.id, w.works[0]!.mapId),
      ];
      const streams = pages.map(([reader, mapId, seen]) => watch(reader, mapId, { seen }));
      for (const stream of streams) {
        expect(await stream.ended(300)).toEqual({ closed: false, access: null });
        stream.stop();
      }
    });

    it('is told at once what changed, in the words a live change would have used', async () => {
      const { user: owner, map } = await userWithMap();
      const [vic, eve] = [await createUser('Vic'), await createUser('Eve')];
      await invite(owner.id, map.id, vic.email, 'viewer');
      await invite(owner.id, map.id, eve.email, 'editor');
      const link = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
      const rendered = {
        vic: await pageSeen(vic.id, map.id),
        eve: await pageSeen(eve.id, map.id),
        link: (await getSharedMapPage(db, { token: link.token })).seen,
      };

      // Then, before any of the three pages' streams opens:
      await invite(owner.id, map.id, vic.email, 'viewer', true);
      await changeRole(db, {
        userId: owner.id,
        mapId: map.id,
        memberId: eve.id,
        role: 'commenter',
      });
      await getOrCreateShareLink(db, {
        userId: owner.id,
        mapId: map.id,
        options: { includeNotes: true },
      });

      const vics = watch(await readerNow(vic.id, map.id), map.id, { seen: rendered.vic });
      const eves = watch(await readerNow(eve.id, map.id), map.id, { seen: rendered.eve });
      const links = watch(await linkReader(link.token, map.id), map.id, { seen: rendered.link });
      expect(await vics.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({
          lost: false,
          message: expect.stringContaining('changed what you may see'),
        }),
      });
      expect((await eves.ended()).access?.message).toMatch(/you can now comment on it/);
      expect((await links.ended()).access?.message).toMatch(/changed what this link shows/);
    });

    it('an archive reaches an open page that only views anyway (its role stays the same)', async () => {
      const w = await teamWorld();
      const work = w.works[0]!;
      const vic = await createUser('Vic');
      await invite(w.teacher.id, work.mapId, vic.email, 'viewer');
      const stream = watch(await readerNow(vic.id, work.mapId), work.mapId);
      await sleep(200); // the stream has read what Vic may see
      await setClassArchived(db, { userId: w.teacher.id, classId: w.classId, archived: true });
      expect(await stream.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({
          reason: 'archived',
          lost: false,
          message: expect.stringMatching(/^This class was archived/),
        }),
      });
    });

    it('a class archived, or an assignment made anonymous, in between', async () => {
      const w = await teamWorld();
      const [a, b] = w.works.map((work) => ({ id: work.members[0]!.userId, mapId: work.mapId }));
      const seenA = await pageSeen(a!.id, a!.mapId);
      await makeAnonymous(w);
      const anon = watch(await readerNow(a!.id, a!.mapId), a!.mapId, { seen: seenA });
      expect(await anon.ended()).toEqual({
        closed: true,
        access: expect.objectContaining({ lost: false }),
      });

      const seenB = await pageSeen(b!.id, b!.mapId);
      await setClassArchived(db, { userId: w.teacher.id, classId: w.classId, archived: true });
      const archived = watch(await readerNow(b!.id, b!.mapId), b!.mapId, { seen: seenB });
      expect((await archived.ended()).access?.message).toMatch(/was archived/);
    });
  },
);
