import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mapRole } from '@/lib/server/access';
import { renameTeam } from '@/lib/server/classroom/assignments';
import { FORMER_TEACHER } from '@/lib/server/classroom/access';
import { createManagedStudents, setAccountKind } from '@/lib/server/classroom/accounts';
import { createClass, getClassPage, renameClass } from '@/lib/server/classroom/classes';
import { listRoster } from '@/lib/server/classroom/roster';
import { deleteMap } from '@/lib/server/maps';
import { addClaim } from '../support/members';
import { createUser, db, debate, teamAssignment, theAdmin } from '../support/factories';

// A teacher the admin makes a student account: from their next request their classes are
// read-only for them (they see them, change nothing), and the maps of those classes' assignments
// are view-only for them, until the admin makes them a teacher again. The kind is read from the
// database in every class and map access check, never from the session.

async function world() {
  const { debate: d, a } = await debate();
  const admin = await theAdmin();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id: classId } = await createClass(db, { userId: teacher.id, name: 'Civics 9' });
  const { id: assignmentId } = await teamAssignment({
    teacherId: teacher.id,
    classId,
    debateId: d.id,
    teamCount: 1,
  });
  const work = await db.assignmentWork.findFirstOrThrow({ where: { assignmentId } });
  return { admin, teacher, classId, assignmentId, work, thesisId: a.id };
}

describe('a teacher made a student', () => {
  it('keeps their classes read-only, and their assignment maps view-only', async () => {
    const w = await world();
    const t = w.teacher.id;
    await renameClass(db, { userId: t, classId: w.classId, name: 'Civics 9A' });
    await addClaim(t, w.work.mapId, w.thesisId);

    await setAccountKind(db, { userId: w.admin.id, targetId: t, kind: 'student' });

    const refused = { code: 'FORBIDDEN', message: FORMER_TEACHER };
    await expect(
      renameClass(db, { userId: t, classId: w.classId, name: 'Mine still' }),
    ).rejects.toMatchObject(refused);
    await expect(
      createManagedStudents(db, { userId: t, classId: w.classId, names: ['New Kid'] }),
    ).rejects.toMatchObject(refused);
    await expect(
      renameTeam(db, { userId: t, assignmentId: w.assignmentId, workId: w.work.id, name: 'X' }),
    ).rejects.toMatchObject(refused);
    // Reading stays: the class page, the roster, and the maps, view only.
    await expect(getClassPage(db, { userId: t, classId: w.classId })).resolves.toMatchObject({
      role: 'teacher',
    });
    await expect(listRoster(db, { userId: t, classId: w.classId })).resolves.toEqual([]);
    expect(await mapRole(db, t, w.work.mapId)).toBe('viewer');
    await expect(addClaim(t, w.work.mapId, w.thesisId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(deleteMap(db, { userId: t, mapId: w.work.mapId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Their own maps outside classes stay theirs.
    const own = await db.argumentMap.create({
      data: {
        id: crypto.randomUUID(),
        title: 'Mine',
        debateId: (await debate()).debate.id,
        ownerId: t,
      },
    });
    expect(await mapRole(db, t, own.id)).toBe('owner');

    // Made a teacher again: everything is back.
    await setAccountKind(db, { userId: w.admin.id, targetId: t, kind: 'teacher' });
    await renameClass(db, { userId: t, classId: w.classId, name: 'Civics 9B' });
    expect(await mapRole(db, t, w.work.mapId)).toBe('owner');
    await addClaim(t, w.work.mapId, w.thesisId);
  });
});
