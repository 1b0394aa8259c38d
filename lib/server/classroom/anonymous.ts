import 'server-only';
import type { Tx } from '../db';

/**
 * Anonymous mode. In the map of an assignment with `anonymous` on, a student sees classmates under
 * their ClassMember.pseudonym and the teacher as "Teacher"; the teacher sees real names. A
 * student sees their own name. Anyone else on the map (someone the teacher shared it with, not in
 * the class) shows as "Guest" to students.
 *
 * Such a student also sees everyone's account id replaced by a per-map pseudonymous one. Both
 * are applied wherever people of a map reach a browser, through the reader's lens
 * (lib/server/visibility.ts, lib/domain/visibility.ts).
 */

/** (userId, real name) → the name this viewer is shown. `anonymous` false: names pass unchanged. */
export type DisplayName = ((userId: string, realName: string) => string) & { anonymous: boolean };

const same: DisplayName = Object.assign((_userId: string, realName: string) => realName, {
  anonymous: false,
});

export const TEACHER_NAME = 'Teacher';
export const GUEST_NAME = 'Guest';

/** How `viewerId` is shown the names of people on map `mapId`. */
export async function displayNamesFor(
  tx: Tx,
  mapId: string,
  viewerId: string | null,
): Promise<DisplayName> {
  // Plain SQL: this runs for every page and answer of a map (Prisma's planning cost more).
  const [work] = await tx.$queryRaw<{ anonymous: unknown; classId: string; teacherId: string }[]>`
    SELECT a."anonymous", c."id" AS "classId", c."teacherId" FROM "assignment_work" aw
    JOIN "assignment" a ON a."id" = aw."assignmentId" JOIN "classroom" c ON c."id" = a."classId"
    WHERE aw."mapId" = ${mapId}`;
  // SQLite answers 0 or 1, PostgreSQL a boolean.
  if (!work || !Number(work.anonymous)) return same;
  const cls = { id: work.classId, teacherId: work.teacherId };
  if (viewerId === cls.teacherId) return same;
  const members = await tx.$queryRaw<{ userId: string; pseudonym: string }[]>`
    SELECT "userId", "pseudonym" FROM "class_member" WHERE "classId" = ${cls.id}`;
  const pseudonyms = new Map(members.map((m) => [m.userId, m.pseudonym]));
  const fn = (userId: string, realName: string) => {
    if (userId === viewerId) return realName;
    if (userId === cls.teacherId) return TEACHER_NAME;
    return pseudonyms.get(userId) || GUEST_NAME;
  };
  return Object.assign(fn, { anonymous: true });
}
