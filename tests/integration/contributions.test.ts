import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '@/lib/server/classroom/assignments';
import { addClassMember, createClass, lockClass } from '@/lib/server/classroom/classes';
import { assignmentDashboard, dashboardCsvFor } from '@/lib/server/classroom/dashboard';
import { importMap } from '@/lib/server/import-map';
import { duplicateMap, getMapForMember } from '@/lib/server/maps';
import { getOrCreateShareLink, getSharedMap } from '@/lib/server/share-links';
import { apply, claim, createUser, db, debate, quote, remove } from '../support/factories';
import { ownerView } from '../support/map-view';

// Who did what in a team map, from the claims' authors and the operation log: the teacher's
// dashboard and CSV per student, the map's authors as each reader may see them, and what copies
// and imports make of authorship.

/** A teacher and a class of Ana, Ben and Cai, all three in the one team of a team assignment. */
async function teamOfThree(anonymous = false) {
  const { debate: d, a } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id: classId } = await createClass(db, { userId: teacher.id, name: 'Civics 9' });
  const students = [];
  for (const name of ['Ana', 'Ben', 'Cai']) {
    const s = await createUser(name);
    await db.$transaction(async (tx) => {
      await lockClass(tx, classId);
      await addClassMember(tx, classId, s.id);
    });
    students.push(s);
  }
  const [ana, ben, cai] = students as [
    (typeof students)[0],
    (typeof students)[0],
    (typeof students)[0],
  ];
  const { id: assignmentId } = await createAssignment(db, {
    userId: teacher.id,
    classId,
    debateId: d.id,
    title: 'Olympic thaw',
    instructions: '',
    dueAt: null,
    anonymous,
    mode: 'team',
    teamCount: 1,
    sides: 'split',
  });
  const work = await db.assignmentWork.findFirstOrThrow({ where: { assignmentId } });
  const mapId = work.mapId;

  // Ana: a claim with her quote. Ben: an objection to it, a quote on Ana's claim, a comment, and
  // a claim he deleted. Cai: a rebuttal, a comment, an edit of Ana's words, a quote he removed.
  // The teacher comments too.
  const p1 = await claim(ana.id, mapId, a.id, null, 'pro', 'Sport opens doors between rivals');
  await quote(ana.id, mapId, p1.id, a.sourceId);
  const o1 = await claim(ben.id, mapId, a.id, p1.id, 'con', 'Games end but enmity stays');
  await quote(ben.id, mapId, p1.id, a.sourceId, 'might just have opened a path');
  const comment = (userId: string, claimId: string, body: string) =>
    apply(userId, mapId, {
      kind: 'comment.add',
      commentId: crypto.randomUUID(),
      claimId,
      parentId: null,
      body,
    });
  await comment(ben.id, p1.id, 'Which passage?');
  const oops = await claim(ben.id, mapId, a.id, null, 'pro', 'A mistake');
  await remove(ben.id, mapId, oops.id);
  const r1 = await claim(cai.id, mapId, a.id, o1.id, 'con', 'Contacts outlast the games');
  await comment(cai.id, o1.id, 'Answered below');
  await apply(cai.id, mapId, {
    kind: 'claim.update',
    claimId: p1.id,
    set: { text: 'Sport opens doors between old rivals' },
    base: { text: 'Sport opens doors between rivals' },
  });
  const dropped = await quote(cai.id, mapId, r1.id, a.sourceId, 'The two Koreas');
  await apply(cai.id, mapId, { kind: 'anchor.remove', anchorId: dropped.id });
  await comment(teacher.id, o1.id, 'Good objection');
  return { teacher, ana, ben, cai, classId, assignmentId, work, mapId, p1, o1, r1 };
}

describe('who did what in a team map', () => {
  it('gives the teacher per-student counts on the dashboard and in the CSV', async () => {
    const w = await teamOfThree();
    const data = await assignmentDashboard(db, w.teacher.id, w.assignmentId);
    const row = data.rows.find((r) => r.workId === w.work.id)!;
    expect(row).toMatchObject({ claims: 3, comments: 3, anchored: 1 });
    const people = data.people[w.work.id]!;
    expect(people.map((p) => [p.name, p.kind])).toEqual([
      ['Ana', 'member'],
      ['Ben', 'member'],
      ['Cai', 'member'],
      ['Rivera', 'teacher'],
    ]);
    const counts = people.map(({ name, claims, quotes, rebuttals, comments, edits, words }) => ({
      name,
      claims,
      quotes,
      rebuttals,
      comments,
      edits,
      words,
    }));
    expect(counts).toEqual([
      // Ana's words as Cai left them (six): words count what the claim says now.
      { name: 'Ana', claims: 1, quotes: 1, rebuttals: 0, comments: 0, edits: 0, words: 6 },
      { name: 'Ben', claims: 1, quotes: 1, rebuttals: 0, comments: 1, edits: 1, words: 5 },
      { name: 'Cai', claims: 1, quotes: 0, rebuttals: 1, comments: 1, edits: 2, words: 4 },
      { name: 'Rivera', claims: 0, quotes: 0, rebuttals: 0, comments: 1, edits: 0, words: 0 },
    ]);
    for (const p of people) expect(Date.now() - Date.parse(p.lastActive!)).toBeLessThan(60_000);
    // The rows add up to the work's own numbers.
    expect(people.reduce((n, p) => n + p.claims, 0)).toBe(row.claims);
    expect(people.reduce((n, p) => n + p.comments, 0)).toBe(row.comments);

    const { csv } = await dashboardCsvFor(db, w.teacher.id, w.assignmentId);
    const [works, perPerson] = csv.split('\r\n\r\n');
    expect(works!.trim().split('\r\n')).toHaveLength(2);
    const lines = perPerson!.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Student,Work,Side,Role,Claims,Quotes,Rebuttals,Comments,Edits,Words,Last active (UTC)',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'Ana,Team 1',
      'Ben,Team 1',
      'Cai,Team 1',
      'Rivera,Team 1',
    ]);
    // In the class's zone (here none is set and the teacher's is UTC), as csvTime writes it.
    expect(lines[3]).toMatch(/^Cai,Team 1,[^,]+,member,1,0,1,1,2,4,\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('shows each claim’s author to the team; an anonymous class sees pseudonyms, the teacher names, a link no one', async () => {
    const w = await teamOfThree(true);
    // The teacher's dashboard and map: real names always.
    const data = await assignmentDashboard(db, w.teacher.id, w.assignmentId);
    expect(data.people[w.work.id]!.map((p) => p.name)).toEqual(['Ana', 'Ben', 'Cai', 'Rivera']);
    const teacherView = await ownerView(w.mapId);
    expect(teacherView.authors!.byClaim[w.p1.id]).toBe(w.ana.id);
    expect(teacherView.authors!.names[w.ben.id]).toBe('Ben');

    // Ana sees herself by name, her classmates by pseudonym, the teacher as Teacher, and no ids.
    const { map, selfId } = await getMapForMember(db, { userId: w.ana.id, mapId: w.mapId });
    const pseudonyms = new Map(
      (await db.classMember.findMany({ where: { classId: w.classId } })).map((m) => [
        m.userId,
        m.pseudonym,
      ]),
    );
    const { byClaim, names } = map.authors!;
    expect(byClaim[w.p1.id]).toBe(selfId);
    expect(names[selfId]).toBe('Ana');
    expect(names[byClaim[w.o1.id]!]).toBe(pseudonyms.get(w.ben.id));
    expect(names[byClaim[w.r1.id]!]).toBe(pseudonyms.get(w.cai.id));
    expect(Object.values(names)).toContain('Teacher');
    const text = JSON.stringify({ ...map, debate: null });
    for (const secret of [w.ana.id, w.ben.id, w.cai.id, w.teacher.id, '"Ben"', '"Cai"', 'Rivera'])
      expect(text).not.toContain(secret);

    // A read-only link shows no authors, even with the owner's name shown.
    const link = await getOrCreateShareLink(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      options: { includeNotes: true, showName: true },
    });
    const shared = await getSharedMap(db, { token: link.token });
    expect(shared.authors).toBeUndefined();
    expect(JSON.stringify({ ...shared, debate: null })).not.toMatch(/"(Ana|Ben|Cai)"/);
  });

  it('keeps authors in the owner’s own copy; a copy or an import by anyone else is theirs', async () => {
    const w = await teamOfThree();
    const authorsOf = async (mapId: string) =>
      (
        await db.claim.findMany({
          where: { mapId, deletedAt: null },
          select: { text: true, authorId: true },
          orderBy: { text: 'asc' },
        })
      ).map((c) => [c.text, c.authorId]);

    const own = await duplicateMap(db, { userId: w.teacher.id, mapId: w.mapId });
    expect(await authorsOf(own.id)).toEqual([
      ['Contacts outlast the games', w.cai.id],
      ['Games end but enmity stays', w.ben.id],
      ['Sport opens doors between old rivals', w.ana.id],
    ]);
    // Its map view names them for its owner.
    const ownView = await ownerView(own.id);
    expect(ownView.authors!.names[w.cai.id]).toBe('Cai');

    const bens = await duplicateMap(db, { userId: w.ben.id, mapId: w.mapId });
    expect((await authorsOf(bens.id)).map(([, by]) => by)).toEqual([w.ben.id, w.ben.id, w.ben.id]);

    const imported = await importMap(db, {
      userId: w.cai.id,
      format: 'argdown',
      text: '[T1]: a\n  + [C1]: Imported support\n  - [C2]: Imported objection\n',
    });
    expect((await authorsOf(imported.id)).map(([, by]) => by)).toEqual([w.cai.id, w.cai.id]);
  });
});
