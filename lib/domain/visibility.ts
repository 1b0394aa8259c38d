import type { MapChange, PresenceEntry, VoteEvent, VoteMessage } from '../schemas/live';
import type { RestoredBatch } from './apply-op';
import { can, type Role } from './capabilities';
import type { HistoryEntry } from './history';
import type { ClaimView, CommentView, MapAuthors, MapView } from './views';

/**
 * The one function deciding what each reader of a map may see: notes, the owner's name, comments,
 * who did what (names and account ids), and the operation log. Every exit that sends a map's
 * contents (the map, its live changes and catch-up, the ops route's answers, history, trash,
 * people) passes what it sends through the helpers below with the reader's Lens
 * (lib/server/visibility.ts builds it), and tests/integration/visibility.test.ts walks every exit
 * for every kind of reader.
 */

/** Who is reading. */
export type Reader =
  /**
   * Someone with a role in the map. `notes`: a viewer sees notes only where the owner chose so
   * when inviting them (everyone else always does). `anonymous`: a student in an anonymous
   * assignment's map, who sees everyone (themselves included) under per-map pseudonyms; the
   * class's teacher is not anonymous.
   */
  | { kind: 'member'; role: Role; notes: boolean; anonymous: boolean }
  /** Whoever holds a view link, signed in or not: what the owner chose for the link. */
  | { kind: 'link'; notes: boolean; ownerName: boolean };

export interface Visibility {
  /** Claims' notes. */
  notes: boolean;
  /** The owner's name on the map. */
  ownerName: boolean;
  /** Comment threads (the class's conversation, with names). */
  comments: boolean;
  /**
   * Who did what (comment authors, who made a change, who is here, who deleted what): under
   * their names and account ids, under per-map pseudonyms and pseudonymous ids, or not at all.
   */
  people: 'real' | 'pseudonymous' | 'hidden';
  /**
   * Past operations: catch-up from any revision and the history, which hold deleted claims and
   * earlier drafts. Without it, the current map and the changes made while watching.
   */
  log: boolean;
  /** Who else has the map open. */
  presence: boolean;
  /**
   * Marks for review (lib/domain/marks.ts): the map's owner and editors, who may mark claims
   * themselves (students in their team's map: the marks on their own claims and their
   * teammates'); never commenters, viewers or view links.
   */
  marks: boolean;
  /**
   * Suggestions not yet part of the map: every one (those who decide them), one's own (those who
   * may only suggest), or none (a view link: no account to suggest with or to answer).
   */
  suggestions: SuggestionsSeen;
  /** The class's impact votes on each claim (averages and counts; one's own ratings). */
  votes: boolean;
}

export type SuggestionsSeen = 'all' | 'own' | 'none';

/**
 * Which suggestions a role sees: the map's editors and owner (suggestion.review) every one, until
 * and after it is decided; anyone else with a role only their own, with what happened to them.
 * No role (no access, or a view link): none.
 */
export function suggestionsSeen(role: Role | null): SuggestionsSeen {
  if (can(role, 'suggestion.review')) return 'all';
  return can(role, 'claim.suggest') ? 'own' : 'none';
}

/** Whether a reader who sees `seen` may see a suggestion by `authorId`. */
export const seesSuggestion = (seen: SuggestionsSeen, readerId: string, authorId: string) =>
  seen === 'all' || (seen === 'own' && readerId === authorId);

export function visibility(reader: Reader): Visibility {
  if (reader.kind === 'link') {
    return {
      notes: reader.notes,
      ownerName: reader.ownerName,
      comments: false,
      people: 'hidden',
      log: false,
      presence: false,
      marks: false,
      suggestions: 'none',
      votes: false,
    };
  }
  return {
    notes: reader.role !== 'viewer' || reader.notes,
    ownerName: true,
    comments: true,
    people: reader.anonymous ? 'pseudonymous' : 'real',
    log: true,
    presence: true,
    marks: can(reader.role, 'claim.mark'),
    suggestions: suggestionsSeen(reader.role),
    votes: true,
  };
}

/** A person as this reader is shown them: an id (real, pseudonymous, or '') and a name. */
export type ShowPerson = (userId: string, name: string) => { id: string; name: string };

/** A reader's visibility, and how people are shown to them. */
export interface Lens {
  see: Visibility;
  person: ShowPerson;
}

const HIDDEN: ShowPerson = () => ({ id: '', name: '' });
const SAME: ShowPerson = (id, name) => ({ id, name });

/** The lens for a reader; `pseudonym` names people for an anonymous reader (the server's). */
export function lensFor(reader: Reader, pseudonym?: ShowPerson): Lens {
  const see = visibility(reader);
  const person =
    see.people === 'hidden' ? HIDDEN : see.people === 'pseudonymous' ? pseudonym : SAME;
  if (!person) throw new Error('An anonymous reader needs pseudonyms.');
  return { see, person };
}

/** True when this lens changes nothing: what one such reader receives, all such readers may. */
export const seesAll = (lens: Lens) =>
  lens.see.notes && lens.see.comments && lens.see.people === 'real';

export function seeComment(comment: CommentView, lens: Lens): CommentView {
  if (lens.see.people === 'real') return comment;
  const shown = lens.person(comment.authorId, comment.authorName);
  return { ...comment, authorId: shown.id, authorName: shown.name };
}

const seeClaim = (claim: ClaimView, lens: Lens): ClaimView =>
  lens.see.notes || claim.note === '' ? claim : { ...claim, note: '' };

export function seeClaims(claims: ClaimView[], lens: Lens): ClaimView[] {
  return lens.see.notes ? claims : claims.map((c) => seeClaim(c, lens));
}

/**
 * Who wrote the claims, as this reader may see them: under real or pseudonymous ids and names, or
 * not at all (a view link: the owner's "show my name" is about the owner, not the authors).
 */
export function seeAuthors(authors: MapAuthors | undefined, lens: Lens): MapAuthors | undefined {
  if (!authors || lens.see.people === 'hidden') return undefined;
  if (lens.see.people === 'real') return authors;
  const byClaim: Record<string, string> = {};
  for (const [claimId, userId] of Object.entries(authors.byClaim))
    byClaim[claimId] = lens.person(userId, '').id;
  const names: Record<string, string> = {};
  for (const [userId, name] of Object.entries(authors.names)) {
    const shown = lens.person(userId, name);
    names[shown.id] = shown.name;
  }
  return { byClaim, names };
}

/** The map as this reader may see it. */
export function seeMap(map: MapView, ownerId: string, lens: Lens): MapView {
  const named = lens.see.ownerName && map.ownerName !== null;
  const { authors, ...rest } = map;
  const seenAuthors = seeAuthors(authors, lens);
  return {
    ...rest,
    ...(seenAuthors ? { authors: seenAuthors } : {}),
    ownerName: !named
      ? null
      : lens.see.people === 'pseudonymous'
        ? lens.person(ownerId, map.ownerName!).name
        : map.ownerName,
    claims: seeClaims(map.claims, lens),
    comments: lens.see.comments ? map.comments.map((c) => seeComment(c, lens)) : [],
  };
}

const isComment = (value: unknown): value is CommentView =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as CommentView).authorId === 'string' &&
  typeof (value as CommentView).authorName === 'string';

const isRestoredBatch = (data: unknown): data is RestoredBatch =>
  Boolean(data) && typeof data === 'object' && Array.isArray((data as RestoredBatch).claims);

/**
 * Whether an operation's answer can carry anything a reader may not see (a comment, a restored
 * batch with notes and comments); a quote's or a link's answer never does, so it needs no lens.
 */
export const opDataNeedsLens = (data: unknown) => isComment(data) || isRestoredBatch(data);

/** What an operation's answer carries besides it: a comment, a restored batch, a quote, a link. */
export function seeOpData(data: unknown, lens: Lens): unknown {
  if (isComment(data)) return lens.see.comments ? seeComment(data, lens) : undefined;
  if (isRestoredBatch(data)) {
    const batch = data;
    return {
      ...batch,
      claims: seeClaims(batch.claims, lens),
      comments: lens.see.comments ? (batch.comments ?? []).map((c) => seeComment(c, lens)) : [],
    };
  }
  return data;
}

/** An applied change as this reader receives it (its revision always: the order must hold). */
export function seeChange(change: MapChange, lens: Lens): MapChange {
  let { op } = change;
  const actorId = lens.person(change.actorId, '').id;
  if (op.kind.startsWith('comment.') && !lens.see.comments) {
    op = 'body' in op ? { ...op, body: '' } : op;
    return { revision: change.revision, actorId, op };
  }
  if (op.kind === 'claim.update' && !lens.see.notes && op.set.note !== undefined) {
    const { note: _note, ...set } = op.set;
    const { note: _base, ...base } = op.base;
    op = { ...op, set, base };
  }
  const data = seeOpData(change.data, lens);
  return { revision: change.revision, actorId, op, ...(data !== undefined ? { data } : {}) };
}

export function seePresence(entry: PresenceEntry, lens: Lens): PresenceEntry | null {
  if (!lens.see.presence) return null;
  const shown = lens.person(entry.userId, entry.name);
  return { ...entry, userId: shown.id, name: shown.name };
}

/** A page of history: who did each change as shown, and no note where notes are hidden. */
export function seeHistoryEntry(entry: HistoryEntry, lens: Lens): HistoryEntry | null {
  if (!lens.see.log) return null;
  const shown = lens.person(entry.actorId, entry.actorName);
  const seen = seeChange({ revision: entry.revision, actorId: '', op: entry.op }, lens);
  let before = entry.before;
  if (!lens.see.notes && before && 'fields' in before && before.fields.note !== undefined) {
    const { note: _note, ...fields } = before.fields;
    before = { fields };
  }
  return { ...entry, actorId: shown.id, actorName: shown.name, op: seen.op, before };
}

/**
 * A vote as this reader receives it live: the claim's new tally, and the rating itself only in
 * the voter's own tabs (`readerId`: the reader's account id; null for a view link, which sees no
 * votes). Who voted is never in it.
 */
export function seeVote(vote: VoteMessage, lens: Lens, readerId: string | null): VoteEvent | null {
  if (!lens.see.votes) return null;
  const { claimId, tally } = vote;
  return readerId !== null && readerId === vote.voterId
    ? { claimId, tally, mine: vote.impact }
    : { claimId, tally };
}
