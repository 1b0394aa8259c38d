import 'server-only';
import type { Db, Tx } from './db';

/**
 * What a notification is about (the bell). Stored as a kind and ids, never as text: each reader's
 * words are made when read, so an anonymous assignment's pseudonyms hold.
 */
export type NotificationKind =
  | 'comment-reply'
  | 'feedback-released'
  | 'suggestion-accepted'
  | 'suggestion-answered'
  | 'suggestion-declined'
  | 'mark'
  | 'due-soon'
  | 'joined-map';

export interface NotificationDraft {
  /** Who it is for. */
  userId: string;
  kind: NotificationKind;
  /** Who caused it; nobody is notified of their own action. */
  actorId?: string | null;
  mapId?: string | null;
  claimId?: string | null;
  /** Other ids and small facts (assignment id, suggestion id, mark kind). */
  data?: Record<string, unknown>;
  /** When set, the notification happens at most once (e.g. "due-soon:<assignment>:<user>"). */
  key?: string;
}

/**
 * Records notifications, in the caller's transaction when given one so they exist exactly when
 * what caused them does. A draft for the person who caused it is dropped; one whose key exists
 * already is skipped.
 */
export async function notify(db: Db | Tx, drafts: NotificationDraft | NotificationDraft[]) {
  const list = (Array.isArray(drafts) ? drafts : [drafts]).filter(
    (d) => !d.actorId || d.actorId !== d.userId,
  );
  for (const d of list) {
    const data = {
      userId: d.userId,
      kind: d.kind,
      actorId: d.actorId ?? null,
      mapId: d.mapId ?? null,
      claimId: d.claimId ?? null,
      data: JSON.stringify(d.data ?? {}),
      key: d.key ?? null,
    };
    if (d.key) await db.notification.upsert({ where: { key: d.key }, create: data, update: {} });
    else await db.notification.create({ data });
  }
}
