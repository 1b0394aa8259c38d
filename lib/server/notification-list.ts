import 'server-only';
import { isMarkKind } from '@/lib/domain/marks';
import {
  BELL_LIST_MAX,
  DUE_SOON_MS,
  dueSoonKey,
  isNotificationKind,
  notificationHref,
  notificationText,
  type NotificationItem,
} from '@/lib/domain/notifications';
import type { Lens } from '@/lib/domain/visibility';
import type { Db, Tx } from './db';
import { countableIds, notify, unreadCount, type NotificationDraft } from './notifications';
import { readerLens } from './visibility';

/**
 * The bell as its person reads it: the count (with the assignments due within a day, made when
 * it is read) and the list, each notification in words made for this reader (names through the
 * reader's lens of its map: lib/domain/visibility.ts), leading to its map and claim.
 */

/**
 * Makes the "due within a day" notifications of this person's assignments that have none yet:
 * once per assignment and person (its key), for work they are a member of, in classes they are
 * still in and that are not archived.
 */
export async function ensureDueSoon(db: Db | Tx, userId: string): Promise<void> {
  const now = Date.now();
  const works = await db.workMember.findMany({
    where: {
      userId,
      work: {
        assignment: {
          dueAt: { gt: new Date(now), lte: new Date(now + DUE_SOON_MS) },
          class: { archivedAt: null, members: { some: { userId } } },
        },
      },
    },
    select: { work: { select: { mapId: true, assignmentId: true } } },
  });
  if (works.length === 0) return;
  const keyOf = (w: (typeof works)[number]) => dueSoonKey(w.work.assignmentId, userId);
  const have = await db.notification.findMany({
    where: { key: { in: works.map(keyOf) } },
    select: { key: true },
  });
  const made = new Set(have.map((n) => n.key));
  const drafts: NotificationDraft[] = works
    .filter((w) => !made.has(keyOf(w)))
    .map((w) => ({
      userId,
      kind: 'due-soon',
      mapId: w.work.mapId,
      data: { assignmentId: w.work.assignmentId },
      key: keyOf(w),
    }));
  if (drafts.length > 0) await notify(db, drafts);
}

/** The bell's number: unread notifications, with any assignment due within a day counted in. */
export async function bellCount(db: Db | Tx, userId: string): Promise<number> {
  await ensureDueSoon(db, userId);
  return unreadCount(db, userId);
}

/** When each person's due-soon notifications were last made here (the header's bell, below). */
const dueSoonChecked = new Map<string, number>();
const DUE_SOON_EVERY_MS = 60_000;

/**
 * The bell's number in the header of every page: as bellCount, but the due-soon check runs at
 * most once a minute per person on this app server (a class opening its assignment, then its map,
 * then the articles checks once). A due-soon notification is at most that late; opening the bell
 * (listNotifications) always checks.
 */
export async function headerBellCount(db: Db | Tx, userId: string): Promise<number> {
  const now = Date.now();
  if (now - (dueSoonChecked.get(userId) ?? 0) >= DUE_SOON_EVERY_MS) {
    if (dueSoonChecked.size >= 10_000) dueSoonChecked.clear();
    await ensureDueSoon(db, userId);
    dueSoonChecked.set(userId, now);
  }
  return unreadCount(db, userId);
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);

/** The newest notifications of this person that they may still see, in words for them. */
export async function listNotifications(
  db: Db,
  opts: { userId: string; zone: string },
): Promise<{ items: NotificationItem[]; unread: number }> {
  await ensureDueSoon(db, opts.userId);
  // The newest that still count (a map since deleted or left takes no place in the list).
  const rows = await db.notification.findMany({
    where: { userId: opts.userId, id: { in: await countableIds(db, opts.userId, BELL_LIST_MAX) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const items = await describeNotifications(db, { ...opts, rows });
  return { items, unread: await unreadCount(db, opts.userId) };
}

type NotificationRow = Awaited<ReturnType<Db['notification']['findMany']>>[number];

/**
 * Notifications of one person in the words that person may be told (the bell's list, and the
 * emailed copy: lib/server/notification-mail.ts): names through their lens of each map, nothing
 * about a map they can no longer open, a mark or comment only where their role shows those.
 */
export async function describeNotifications(
  db: Db | Tx,
  opts: { userId: string; zone: string; rows: NotificationRow[] },
): Promise<NotificationItem[]> {
  const { rows } = opts;
  const data = new Map(rows.map((r) => [r.id, parseData(r.data)]));
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [
    ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
  ];
  const mapIds = ids((r) => r.mapId);
  const [maps, claims, actors, works, suggestions] = await Promise.all([
    db.argumentMap.findMany({ where: { id: { in: mapIds } }, select: { id: true, title: true } }),
    db.claim.findMany({
      where: { id: { in: ids((r) => r.claimId) }, deletedAt: null },
      select: { id: true, mapId: true, text: true },
    }),
    db.user.findMany({
      where: { id: { in: ids((r) => r.actorId) } },
      select: { id: true, name: true },
    }),
    db.assignmentWork.findMany({
      where: { mapId: { in: mapIds } },
      select: { mapId: true, assignment: { select: { title: true, dueAt: true } } },
    }),
    db.suggestion.findMany({
      where: { id: { in: ids((r) => str(data.get(r.id)?.suggestionId)) } },
      select: { id: true, mapId: true, text: true },
    }),
  ]);
  // Each map is seen through this reader's lens; a map they can no longer open shows nothing.
  const lenses = new Map<string, Lens | null>();
  for (const mapId of mapIds) {
    lenses.set(mapId, await readerLens(db, mapId, { userId: opts.userId }).catch(() => null));
  }
  const titleOf = new Map(maps.map((m) => [m.id, m.title]));
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  const actorOf = new Map(actors.map((a) => [a.id, a.name]));
  const workOf = new Map(works.map((w) => [w.mapId, w.assignment]));
  const suggestionOf = new Map(suggestions.map((s) => [s.id, s]));

  const items: NotificationItem[] = [];
  for (const r of rows) {
    const lens = r.mapId ? lenses.get(r.mapId) : null;
    if (!r.mapId || !lens || !isNotificationKind(r.kind)) continue;
    if (r.kind === 'mark' && !lens.see.marks) continue;
    if (r.kind === 'comment-reply' && !lens.see.comments) continue;
    const d = data.get(r.id) ?? {};
    const claim = r.claimId ? claimOf.get(r.claimId) : undefined;
    const claimText = claim && claim.mapId === r.mapId ? claim.text : null;
    const actorName = r.actorId ? lens.person(r.actorId, actorOf.get(r.actorId) ?? '').name : '';
    const assignment = workOf.get(r.mapId);
    const suggestion = suggestionOf.get(str(d.suggestionId) ?? '');
    const mapTitle = titleOf.get(r.mapId) ?? '';
    const text = notificationText(
      {
        kind: r.kind,
        actorName,
        mapTitle,
        claimText,
        assignmentTitle: assignment?.title ?? null,
        suggestionText: suggestion && suggestion.mapId === r.mapId ? suggestion.text : null,
        markKind: isMarkKind(d.markKind) ? d.markKind : null,
        dueAt: assignment?.dueAt?.toISOString() ?? null,
        role: str(d.role),
      },
      opts.zone,
    );
    items.push({
      id: r.id,
      kind: r.kind,
      text,
      href: notificationHref(r.mapId, claimText !== null ? r.claimId : null),
      place: mapTitle,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    });
  }
  return items;
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
