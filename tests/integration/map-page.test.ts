import { beforeAll, describe, expect, it } from 'vitest';
import { memoryPubSub, setPubSub } from '@/lib/server/live/pubsub';
import { getMapPage } from '@/lib/server/map-page';
import { addMark } from '@/lib/server/marks';
import { getOrCreateShareLink } from '@/lib/server/share-links';
import { castVote } from '@/lib/server/votes';
import { classTeam } from '../support/class-team';
import { claim, createUser, db, debate } from '../support/factories';

// A map's page reads everything it shows of the map in one call (lib/server/map-page.ts): the
// reader's access is checked and their lens read once, and each part is what that reader may see.

beforeAll(() => setPubSub(memoryPubSub()));

describe('getMapPage', () => {
  it('gives each reader of an anonymous team map their own view of marks, votes and the banner', async () => {
    const w = await classTeam({ anonymous: true });
    await addMark(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      claimId: w.claimId,
      kind: 'unsupported',
      explanation: 'Which source?',
    });
    await castVote(db, { userId: w.ana.id, mapId: w.mapId, claimId: w.claimId, impact: 4 });
    await castVote(db, { userId: w.ben.id, mapId: w.mapId, claimId: w.claimId, impact: 1 });

    const ana = await getMapPage(db, { userId: w.ana.id, mapId: w.mapId });
    expect(ana.role).toBe('editor');
    expect(ana.map.claims.map((c) => c.text)).toEqual(['Sport opens doors']);
    expect(ana.marks).toEqual([
      expect.objectContaining({ byName: 'Teacher', forMe: true, canResolve: true }),
    ]);
    expect(ana.votes).toEqual({
      tallies: { [w.claimId]: { average: 2.5, count: 2 } },
      mine: { [w.claimId]: 4 },
      canVote: true,
    });
    expect(ana.assignment).toMatchObject({ viewerRole: 'student', teacher: null });
    // The link is the owner's to see.
    expect(ana.link).toBeNull();
    // Ana goes by a pseudonymous id; the others' names are not in her copy (only pseudonyms).
    expect(ana.selfId).not.toBe(w.ana.id);
    expect(JSON.stringify(ana)).not.toMatch(/Ben|Rivera/);

    const teacher = await getMapPage(db, { userId: w.teacher.id, mapId: w.mapId });
    expect(teacher.role).toBe('owner');
    expect(teacher.marks).toEqual([
      expect.objectContaining({ byName: 'Rivera', forMe: false, canResolve: true }),
    ]);
    expect(teacher.votes?.mine).toEqual({});
    expect(teacher.assignment).toMatchObject({ viewerRole: 'teacher' });
    expect(teacher.link).toBeNull();
    const { token } = await getOrCreateShareLink(db, { userId: w.teacher.id, mapId: w.mapId });
    expect((await getMapPage(db, { userId: w.teacher.id, mapId: w.mapId })).link).toMatchObject({
      token,
    });

    // Cai is in the class, not in this map; a stranger is in neither: the map is missing to both.
    const stranger = await createUser('Stranger');
    for (const userId of [w.cai.id, stranger.id]) {
      await expect(getMapPage(db, { userId, mapId: w.mapId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('a viewer of someone’s own map: no marks, no votes until it is shared, no banner', async () => {
    const { a } = await debate();
    const owner = await createUser('Olive');
    const viewer = await createUser('Vic');
    const map = await db.argumentMap.create({
      data: { title: 'Mine', debateId: a.debateId, ownerId: owner.id },
    });
    await claim(owner.id, map.id, a.id, null, 'pro', 'Sport opens doors');
    const alone = await getMapPage(db, { userId: owner.id, mapId: map.id });
    expect(alone).toMatchObject({ role: 'owner', votes: null, assignment: null, marks: [] });
    await db.mapMember.create({ data: { mapId: map.id, userId: viewer.id, role: 'viewer' } });
    const seen = await getMapPage(db, { userId: viewer.id, mapId: map.id });
    expect(seen).toMatchObject({ role: 'viewer', marks: null, assignment: null, link: null });
    expect(seen.votes).toEqual({ tallies: {}, mine: {}, canVote: false });
  });
});
