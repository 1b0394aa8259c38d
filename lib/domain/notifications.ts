import { formatDateTime } from '../format';
import { ROLE_LABELS, isRole } from './capabilities';
import { MARK_KIND_INFO, type MarkKind } from './marks';
import { truncate } from './text';

/**
 * The bell: what concerns a person. A notification is stored as a kind and ids
 * (lib/server/notifications.ts), never as text: its words are made here when it is read, from
 * facts already named as this reader is shown people (a classmate's pseudonym and "Teacher" in
 * an anonymous assignment, real names otherwise), so no sentence ever holds a name its reader
 * may not see.
 */

export const NOTIFICATION_KINDS = [
  'comment-reply',
  'feedback-released',
  'suggestion-accepted',
  'suggestion-answered',
  'suggestion-declined',
  'mark',
  'due-soon',
  'joined-map',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** What a notification is about, as this reader may be told it. */
export interface NotificationFacts {
  kind: NotificationKind;
  /** Who did it, named for this reader; empty when unknown (an account since deleted). */
  actorName: string;
  mapTitle: string;
  /** The claim it is about; null when there is none or it was deleted. */
  claimText: string | null;
  /** The assignment (feedback released, due soon). */
  assignmentTitle: string | null;
  /** A suggestion's own words (accepted, answered, declined). */
  suggestionText: string | null;
  markKind: MarkKind | null;
  /** When the assignment is due (ISO). */
  dueAt: string | null;
  /** The role someone joined with. */
  role: string | null;
}

/** A notification as the bell lists it. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  text: string;
  /** Where it leads: the map, at the claim when there is one. */
  href: string;
  /** The map's title, under the text. */
  place: string;
  createdAt: string;
  read: boolean;
}

/** The unread count as the bell hears it (the bell's live stream, lib/server/live). */
export interface BellCount {
  unread: number;
}

/** The bell lists at most this many, newest first. */
export const BELL_LIST_MAX = 30;

const QUOTE_MAX = 80;
const q = (text: string) => `“${truncate(text.replace(/\s+/g, ' ').trim(), QUOTE_MAX)}”`;

/** The sentence the bell shows this reader, in their time zone. */
export function notificationText(f: NotificationFacts, zone: string): string {
  const who = f.actorName || 'Someone';
  const inMap = `in ${q(f.mapTitle)}`;
  const suggestion = f.suggestionText !== null ? q(f.suggestionText) : inMap;
  switch (f.kind) {
    case 'comment-reply':
      return f.claimText !== null
        ? `${who} replied to your comment on ${q(f.claimText)}.`
        : `${who} replied to your comment ${inMap}.`;
    case 'feedback-released':
      return `${who} released feedback on your work for ${q(f.assignmentTitle ?? f.mapTitle)}.`;
    case 'suggestion-accepted':
      return `${who} accepted your suggestion ${suggestion}: it is a claim now.`;
    case 'suggestion-answered':
      return `${who} answered your suggestion ${suggestion}.`;
    case 'suggestion-declined':
      return `${who} declined your suggestion ${suggestion}.`;
    case 'mark': {
      const what = f.markKind ? `: ${MARK_KIND_INFO[f.markKind].label}` : ' for review';
      return f.claimText !== null
        ? `${who} marked your claim ${q(f.claimText)}${what}.`
        : `${who} marked one of your claims ${inMap}${what}.`;
    }
    case 'due-soon': {
      const title = q(f.assignmentTitle ?? f.mapTitle);
      return f.dueAt
        ? `${title} is due ${formatDateTime(f.dueAt, zone)}.`
        : `${title} is due soon.`;
    }
    case 'joined-map': {
      const as = f.role && isRole(f.role) ? ` (${ROLE_LABELS[f.role].toLowerCase()})` : '';
      return `${who} joined your map ${q(f.mapTitle)}${as}.`;
    }
  }
}

/** Where a notification leads: its map, opened at its claim when there is a live one. */
export function notificationHref(mapId: string, claimId: string | null): string {
  const base = `/maps/${encodeURIComponent(mapId)}`;
  return claimId ? `${base}?claim=${encodeURIComponent(claimId)}` : base;
}

/** "3 unread notifications" for the bell's name (a screen reader hears the count with it). */
export function bellLabel(unread: number): string {
  if (unread === 0) return 'Notifications';
  return `Notifications: ${unread > 99 ? 'more than 99' : unread} unread`;
}

/** The badge's text: the count, or 99+. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));

/** A due-soon notification is made once per assignment and person: its key. */
export const dueSoonKey = (assignmentId: string, userId: string) =>
  `due-soon:${assignmentId}:${userId}`;

/** How long before the due time a student's bell says an assignment is due. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;
