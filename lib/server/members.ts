import 'server-only';
import type { MemberRole } from '@/lib/domain/capabilities';
import { isMemberRole, type InviteOutcome, type PersonView } from '@/lib/domain/people';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { mapRole, requireMapAccess } from './access';
import { readerLens } from './visibility';
import type { Db, Tx } from './db';
import { lockMap } from './locks';
import { accessChanged } from './live/access';
import { sendInviteMail } from './mail';

/**
 * The people of a map: its owner (ArgumentMap.ownerId) and its members (MapMember). Only the
 * owner ('map.share') sees the list, with emails, and changes it; a member may leave on their own.
 * Every change of someone's access is published after it commits, so that person's open pages
 * close their live stream and reload with what they may do now.
 */

export const NO_ACCOUNT =
  'No account uses that email. Ask them to sign up first, or send them a link.';
const NO_LONGER_MEMBER =
  'That person no longer has access to this map. Close and reopen Share to see who does.';
const OWNER_STAYS =
  'The owner always keeps full access to their map. To hand it on, they can make a copy for someone.';

const MISSING_MAP = () => appError('map.gone');

/** The owner first, then the members by name, with their roles and how they joined. */
export async function listPeople(
  tx: Tx,
  opts: { userId: string; mapId: string },
): Promise<PersonView[]> {
  await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
  const map = await tx.argumentMap.findUnique({
    where: { id: opts.mapId },
    select: {
      owner: { select: { id: true, name: true, email: true } },
      members: {
        select: {
          role: true,
          user: { select: { id: true, name: true, email: true } },
          viaLink: { select: { role: true } },
        },
      },
    },
  });
  if (!map) throw MISSING_MAP();
  // Only the owner opens this list (the teacher, for an assignment's map), but anyone else would
  // see it through their lens too (a student in an anonymous assignment: pseudonyms).
  const { person } = await readerLens(tx, opts.mapId, { userId: opts.userId });
  const owner: PersonView = {
    userId: person(map.owner.id, map.owner.name).id,
    name: person(map.owner.id, map.owner.name).name,
    email: map.owner.email,
    role: 'owner',
    viaLink: null,
  };
  const members = map.members.flatMap((m): PersonView[] =>
    isMemberRole(m.role)
      ? [
          {
            userId: person(m.user.id, m.user.name).id,
            name: person(m.user.id, m.user.name).name,
            email: m.user.email,
            role: m.role,
            viaLink: m.viaLink && isMemberRole(m.viaLink.role) ? m.viaLink.role : null,
          },
        ]
      : [],
  );
  members.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.email.localeCompare(b.email));
  return [owner, ...members];
}

/**
 * Gives the account with this email a role in the map. The account must exist; someone new to the
 * map is emailed a link to it, in the same transaction (`mailed`: whether that mail really goes
 * out, lib/server/mail.ts). Someone already a member gets the new role, and from then on
 * counts as invited by name: revoking the link they first came through no longer removes them.
 * A viewer sees the notes only with `includeNotes` (off unless said, as for view links).
 */
export async function inviteByEmail(
  db: Db,
  opts: {
    userId: string;
    mapId: string;
    email: string;
    role: MemberRole;
    includeNotes?: boolean;
  },
): Promise<{ person: PersonView; outcome: InviteOutcome; mailed: boolean }> {
  const result = await db.$transaction(async (tx) => {
    await lockMap(tx, opts.mapId);
    const map = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
    const email = opts.email.trim();
    const user = await tx.user.findFirst({
      where: { email: { in: [...new Set([email, email.toLowerCase()])] } },
      select: { id: true, name: true, email: true },
    });
    if (!user) throw new AppError('NOT_FOUND', NO_ACCOUNT, 'email');
    if (user.id === map.ownerId) {
      throw new AppError('CONFLICT', 'That is your own email: you own this map already.', 'email');
    }
    const key = { mapId_userId: { mapId: opts.mapId, userId: user.id } };
    const existing = await tx.mapMember.findUnique({
      where: key,
      select: { role: true, includeNotes: true },
    });
    const includeNotes = opts.role === 'viewer' && opts.includeNotes === true;
    await tx.mapMember.upsert({
      where: key,
      create: { mapId: opts.mapId, userId: user.id, role: opts.role, includeNotes },
      update: { role: opts.role, viaLinkId: null, includeNotes },
    });
    const outcome: InviteOutcome = !existing
      ? 'added'
      : existing.role === opts.role && existing.includeNotes === includeNotes
        ? 'unchanged'
        : 'changed';
    const person: PersonView = { userId: user.id, ...user, role: opts.role, viaLink: null };
    const mailed =
      outcome === 'added' &&
      (await sendInviteMail(tx, {
        mapId: opts.mapId,
        inviterId: opts.userId,
        invitee: user,
        role: opts.role,
      }));
    return { person, outcome, mailed };
  });
  if (result.outcome === 'changed') {
    accessChanged({ userId: result.person.userId, reason: 'role', mapIds: [opts.mapId] });
  }
  return result;
}

/** Changes a member's role (the owner's own role never changes). */
export async function changeRole(
  db: Db,
  opts: { userId: string; mapId: string; memberId: string; role: MemberRole },
): Promise<{ role: MemberRole }> {
  const changed = await db.$transaction(async (tx) => {
    await lockMap(tx, opts.mapId);
    const map = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
    if (opts.memberId === map.ownerId) throw new AppError('CONFLICT', OWNER_STAYS);
    const key = { mapId_userId: { mapId: opts.mapId, userId: opts.memberId } };
    const member = await tx.mapMember.findUnique({ where: key, select: { role: true } });
    if (!member) throw new AppError('NOT_FOUND', NO_LONGER_MEMBER);
    if (member.role === opts.role) return false;
    // A viewer's notes are a choice made when inviting them: a new role starts without them.
    await tx.mapMember.update({ where: key, data: { role: opts.role, includeNotes: false } });
    return true;
  });
  if (changed) accessChanged({ userId: opts.memberId, reason: 'role', mapIds: [opts.mapId] });
  return { role: opts.role };
}

/**
 * Removes a member: the owner may remove anyone but themselves, and a member may remove
 * themselves ("Leave map"). Their open pages of the map close at once.
 */
export async function removeMember(
  db: Db,
  opts: { userId: string; mapId: string; memberId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockMap(tx, opts.mapId);
    if (opts.memberId === opts.userId) {
      const role = await mapRole(tx, opts.userId, opts.mapId);
      if (!role) throw MISSING_MAP();
      if (role === 'owner') {
        throw new AppError(
          'CONFLICT',
          'You own this map, so you cannot leave it. Delete it from My maps if you no longer need it.',
        );
      }
    } else {
      const map = await requireMapAccess(tx, opts.userId, opts.mapId, 'map.share');
      if (opts.memberId === map.ownerId) throw new AppError('CONFLICT', OWNER_STAYS);
    }
    const { count } = await tx.mapMember.deleteMany({
      where: { mapId: opts.mapId, userId: opts.memberId },
    });
    if (count === 0) throw new AppError('NOT_FOUND', NO_LONGER_MEMBER);
  });
  accessChanged({ userId: opts.memberId, reason: 'removed', mapIds: [opts.mapId] });
}

/** A member leaves a map shared with them. */
export function leaveMap(db: Db, opts: { userId: string; mapId: string }) {
  return removeMember(db, { ...opts, memberId: opts.userId });
}
