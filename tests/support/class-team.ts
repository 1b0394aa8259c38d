import { DEFAULT_RUBRIC } from '@/lib/domain/classroom/rubric';
import { createMap } from '@/lib/server/maps';
import { claim, createUser, db, debate } from './factories';

/**
 * A class with one team map: the teacher owns it (as the app makes assignment maps), Ana and Ben
 * are its editors (and the work's members), Cai is in the class on another team. Ana wrote a
 * claim in it. Rows are written directly, as the assignment module would.
 */
export async function classTeam(opts: { anonymous?: boolean; dueAt?: Date | null } = {}) {
  const { debate: d, a } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const [ana, ben, cai] = await Promise.all(['Ana', 'Ben', 'Cai'].map((n) => createUser(n)));
  const cls = await db.classroom.create({ data: { name: 'Civics 9', teacherId: teacher.id } });
  for (const [i, s] of [ana!, ben!, cai!].entries()) {
    await db.classMember.create({
      data: {
        classId: cls.id,
        userId: s.id,
        pseudonym: ['Blue Heron', 'Red Fox', 'Green Owl'][i]!,
      },
    });
  }
  const assignment = await db.assignment.create({
    data: {
      classId: cls.id,
      debateId: d.id,
      title: 'Olympic thaw',
      mode: 'team',
      anonymous: opts.anonymous ?? false,
      dueAt: opts.dueAt ?? null,
      rubric: JSON.stringify(DEFAULT_RUBRIC),
    },
  });
  const map = await createMap(db, { userId: teacher.id, title: 'Team A', debateId: d.id });
  const work = await db.assignmentWork.create({
    data: { assignmentId: assignment.id, name: 'Team A', side: 'first', mapId: map.id },
  });
  for (const m of [ana!, ben!]) {
    await db.workMember.create({ data: { workId: work.id, userId: m.id } });
    await db.mapMember.create({ data: { mapId: map.id, userId: m.id, role: 'editor' } });
  }
  const anaClaim = await claim(ana!.id, map.id, a.id, null, 'pro', 'Sport opens doors');
  return {
    teacher,
    ana: ana!,
    ben: ben!,
    cai: cai!,
    cls,
    assignment,
    work,
    mapId: map.id,
    thesisId: a.id,
    claimId: anaClaim.id,
  };
}
