import 'server-only';
import type { MapChange, PresenceEntry } from '@/lib/schemas/live';
import type { Tx } from '../db';

/**
 * Anonymous mode. In the map of an assignment with `anonymous` on, a student sees classmates under
 * their ClassMember.pseudonym and the teacher as "Teacher"; the teacher sees real names. A
 * student sees their own name. Anyone else on the map (someone the teacher shared it with, not in
 * the class) shows as "Guest" to students.
 *
 * Applied wherever names of a map reach a student's browser: the map's comments (page load, live
 * changes, the changes catch-up), presence (per viewer, in the live stream), history actors, the
 * trash's "deleted by", and the people list (which only the owner, the teacher, can open).
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

type Named = { authorId: string; authorName: string };

const isNamed = (value: unknown): value is Named =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Named).authorId === 'string' &&
  typeof (value as Named).authorName === 'string';

/** A comment (or anything with authorId/authorName) with its author's shown name. */
export function renameAuthor<T extends Named>(item: T, names: DisplayName): T {
  return names.anonymous ? { ...item, authorName: names(item.authorId, item.authorName) } : item;
}

/**
 * A live change with the names it carries as the viewer is shown them: a comment as stored
 * (comment.add / edit data) and the comments of a restored batch.
 */
export function renameChange(change: MapChange, names: DisplayName): MapChange {
  if (!names.anonymous || !change.data) return change;
  return { ...change, data: renameData(change.data, names) };
}

/** An operation's result data (a comment, a restored batch) with the names the viewer is shown. */
export function renameData(value: unknown, names: DisplayName): unknown {
  if (!names.anonymous || !value || typeof value !== 'object') return value;
  const data = value as Record<string, unknown>;
  if (isNamed(data)) return renameAuthor(data, names);
  if (Array.isArray(data.comments)) {
    const comments = data.comments.map((c: unknown) => (isNamed(c) ? renameAuthor(c, names) : c));
    return { ...data, comments };
  }
  return value;
}

export function renamePresence(entry: PresenceEntry, names: DisplayName): PresenceEntry {
  return names.anonymous ? { ...entry, name: names(entry.userId, entry.name) } : entry;
}
