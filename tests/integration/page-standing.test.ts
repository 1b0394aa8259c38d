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
      const vic = await createUser('Vic');
      await inviteByEmail(db, {
        userId: owner.id,
        mapId: map.id,
        email: vic.email,
        role: 'viewer',
      });
      const link = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
      const w = await teamWorld();
      const student = w.works[0]!.members[0]!.userId;
      const edit = { userId: w.teacher.id, assignmentId: w.assignmentId, title: 'Olympic thaw' };
      await updateAssignment(db, { ...edit, instructions: '', dueAt: null, anonymous: true });

      const noted = await createUser('Noted');
      await inviteByEmail(db, {
        userId: owner.id,
        mapId: map.id,
        email: noted.email,
        role: 'viewer',
        includeNotes: true,
      });
      // The other team's map, in a class archived: its student and its teacher only read it.
      const archived = await teamWorld();
      await setClassArchived(db, {
        userId: archived.teacher.id,
        classId: archived.classId,
        archived: true,
      });
      const shelved = archived.works[0]!;
      const pages: [LiveReader, string, string][] = [
        [await readerNow(noted.id, map.id), map.id, await pageSeen(noted.id, map.id)],
        [
          await readerNow(shelved.members[0]!.userId, shelved.mapId),
          shelved.mapId,
          await pageSeen(shelved.members[0]!.userId, shelved.mapId),
        ],
        [
          await readerNow(archived.teacher.id, shelved.mapId),
          shelved.mapId,
          await pageSeen(archived.teacher.id, shelved.mapId),
        ],
        [await readerNow(owner.id, map.id), map.id, await pageSeen(owner.id, map.id)],
        [await readerNow(vic.id, map.id), map.id, await pageSeen(vic.id, map.id)],
        [
          await linkReader(link.token, map.id),
          map.id,
          (await getSharedMapPage(db, { token: link.token })).seen,
        ],
        [
          await readerNow(student, w.works[0]!.mapId),
          w.works[0]!.mapId,
          await pageSeen(student, w.works[0]!.mapId),
        ],
        [
          await readerNow(w.teacher.id, w.works[0]!.mapId),
          w.works[0]!.mapId,
          await pageSeen(w.teacher.id, w.works[0]!.mapId),
        ],
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
      const invite = (email: string, role: 'viewer' | 'editor', includeNotes = false) =>
        inviteByEmail(db, { userId: owner.id, mapId: map.id, email, role, includeNotes });
      await invite(vic.email, 'viewer');
      await invite(eve.email, 'editor');
      const link = await getOrCreateShareLink(db, { userId: owner.id, mapId: map.id });
      const rendered = {
        vic: await pageSeen(vic.id, map.id),
        eve: await pageSeen(eve.id, map.id),
        link: (await getSharedMapPage(db, { token: link.token })).seen,
      };

      // Then, before any of the three pages' streams opens:
      await invite(vic.email, 'viewer', true);
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
      const email = vic.email;
      await inviteByEmail(db, { userId: w.teacher.id, mapId: work.mapId, email, role: 'viewer' });
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
      const edit = { userId: w.teacher.id, assignmentId: w.assignmentId, title: 'Olympic thaw' };
      await updateAssignment(db, { ...edit, instructions: '', dueAt: null, anonymous: true });
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
