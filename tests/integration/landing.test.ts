import { describe, expect, it } from 'vitest';
import { createClass, joinClass } from '@/lib/server/classroom/classes';
import { landingFor } from '@/lib/server/landing';
import { listMyMaps } from '@/lib/server/maps';
import { createUser, db, debate } from '../support/factories';

describe('where someone lands after signing in or up', () => {
  it('sends a teacher to classes, a student of a class home, anyone else to My maps', async () => {
    await debate();
    const teacher = await createUser('Teacher');
    await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
    const { id: classId } = await createClass(db, { userId: teacher.id, name: 'Period 2' });
    const code = (await db.classroom.findUniqueOrThrow({ where: { id: classId } })).joinCode!;
    const pupil = await createUser('Pupil');
    await joinClass(db, { userId: pupil.id, code });
    const loner = await createUser('Loner');

    expect(await landingFor(db, teacher.id)).toBe('/classes');
    expect(await landingFor(db, pupil.id, { newMap: true })).toBe('/');
    expect(await landingFor(db, loner.id)).toBe('/maps');
  });

  it('makes a new map straight after sign-up, once', async () => {
    await debate();
    const user = await createUser('Newcomer');
    const first = await landingFor(db, user.id, { newMap: true });
    expect(first).toMatch(/^\/maps\/[^/]+$/);
    expect(await landingFor(db, user.id, { newMap: true })).toBe('/maps');
    expect(await listMyMaps(db, { userId: user.id })).toHaveLength(1);
  });
});
