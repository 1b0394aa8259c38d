import type { AccessReason } from '@/lib/domain/access-ended';
import type { Op } from './ops';

/**
 * What an open map hears from the server (GET /api/maps/:id/events, server-sent events), and
 * what travels between the app servers' pub/sub. Changes carry the map's revision: a listener
 * applies them in revision order and asks for the ones it missed.
 */

/** One applied operation, as everyone watching the map receives it. */
export interface MapChange {
  revision: number;
  actorId: string;
  op: Op;
  /** What the server knows better than the operation: a quote as found, a restored batch, a comment as stored. */
  data?: unknown;
}

/** Where someone is in the map right now: one entry per open tab. */
export interface PresenceEntry {
  tabId: string;
  userId: string;
  name: string;
  claimId: string | null;
  editing: boolean;
}

/** A claim's class impact votes: the average (one decimal) and how many voted. */
export interface VoteTally {
  average: number;
  count: number;
}

/**
 * Someone rated a claim (lib/server/votes.ts), as it travels between servers. Never sent as it
 * is: each reader gets the claim's new tally, and the voter's own tabs their rating
 * (lib/domain/visibility.ts seeVote), so who gave which rating never leaves the server.
 */
export interface VoteMessage {
  type: 'vote';
  claimId: string;
  tally: VoteTally;
  voterId: string;
  impact: number | null;
}

/** A vote as one reader receives it (the `vote` event): `mine` only in the voter's own tabs. */
export interface VoteEvent {
  claimId: string;
  tally: VoteTally;
  mine?: number | null;
}

export type LiveMessage =
  | ({ type: 'change' } & MapChange)
  | VoteMessage
  | { type: 'presence'; entry: PresenceEntry }
  | { type: 'leave'; tabId: string; userId: string }
  /** The debate's motion, theses or articles were edited (its page offers to reload). */
  | { type: 'debate-edited' }
  /**
   * The map's marks for review changed (lib/server/marks.ts): readers who may see marks load
   * them again. Marks are not operations, so they are not in the log; a lost one is made up for
   * when the tab reconnects (it loads the marks again then).
   */
  | { type: 'marks' }
  /** On a person's bell topic (lib/server/live/bell.ts): their notifications changed. */
  | { type: 'bell' }
  /**
   * The map's suggestions changed (one by `authorId` was made or decided): sent on, without the
   * id, only to the readers who see that suggestion (lib/domain/visibility.ts), who load their
   * list again.
   */
  | { type: 'suggestions'; authorId: string }
  /**
   * Someone's access changed (lib/server/live/access.ts): their open streams (of `mapIds`, or of
   * every map) check it again and end with the reason if it is gone or different.
   */
  | {
      type: 'access';
      userId?: string;
      linkId?: string;
      reason?: AccessReason;
      mapIds?: string[];
    };

/** The answer to GET /api/maps/:id/changes?since=N. */
export type ChangesResponse =
  | { revision: number; changes: MapChange[] }
  /** Too far behind (or older than the log): load the whole map again. */
  | { reload: true };
