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
  const work = await tx.assignmentWork.findUnique({
    where: { mapId },
    select: {
      assignment: {
        select: {
          anonymous: true,
          class: { select: { id: true, teacherId: true } },
        },
      },
    },
  });
  if (!work?.assignment.anonymous) return same;
  const { class: cls } = work.assignment;
  if (viewerId === cls.teacherId) return same;
  const members = await tx.classMember.findMany({
    where: { classId: cls.id },
    select: { userId: true, pseudonym: true },
  });
  const pseudonyms = new Map(members.map((m) => [m.userId, m.pseudonym]));
  const fn = (userId: string, realName: string) => {
    if (userId === viewerId) return realName;
    if (userId === cls.teacherId) return TEACHER_NAME;
    return pseudonyms.get(userId) || GUEST_NAME;
  };
  return Object.assign(fn, { anonymous: true });
}
