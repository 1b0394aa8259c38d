import { describe, expect, it } from 'vitest';
import { requireMapAccess } from '@/lib/server/access';
import { updateAssignment } from '@/lib/server/classroom/assignments';
import { setClassArchived } from '@/lib/server/classroom/archive';
import type { LiveReader } from '@/lib/server/live/readers';
import { getMapPage } from '@/lib/server/map-page';
import { changeRole, inviteByEmail } from '@/lib/server/members';
import { getOrCreateShareLink, getSharedMapPage } from '@/lib/server/share-links';
import { createUser, db, userWithMap } from '../support/factories';
import { teamWorld, watch } from '../support/live-streams';

// A change to what someone may see of a map, made after their page was rendered and before its
// live stream opened, has no message left to tell the page: the page sends what it was rendered
// for (lib/domain/page-standing.ts) and the stream compares it with the reader's standing now.
// Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).

/** The reader the events route makes for a signed-in person (lib/server/live/readers.ts). */
async function readerNow(userId: string, mapId: string): Promise<LiveReader> {
  const { role, archived } = await requireMapAccess(db, userId, mapId, 'map.read');
  return { kind: 'user', userId, name: 'Reader', role, archived };
}

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

      const pages: [LiveReader, string, string][] = [
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
