import type { TreeNode } from '../argument-tree';
import { roles } from '../dialectic';
import { toCsv } from './csv';

/**
 * Who did what in one piece of work (one map): a row per person, for the teacher's dashboard and
 * its CSV, the same in individual, team and whole-class work. Everything is counted from what the
 * map holds now and from its operation log (map_operation: every applied change, by whom). What
 * each number means:
 * - **claims**: the live claims they wrote (Claim.authorId: whoever's claim.add made it, the
 *   suggester of an accepted suggestion, the importer of an imported map; a duplicate of one's own
 *   map keeps its authors). Claims in the Trash do not count.
 * - **quotes**: the live quotes (anchors of live claims) they attached: the person whose applied
 *   anchor.add made that quote (the earliest, should the log hold two for one quote id). A quote
 *   the log has no anchor.add for came with a copied or imported map and counts for whoever wrote
 *   its claim.
 * - **rebuttals**: those of their live claims that are rebuttals in the debate's terms
 *   (lib/domain/dialectic.ts `roles`: a con reply to a claim that argues against its thesis, the
 *   claims the outline badges "Rebuttal"). They are also counted in `claims`.
 * - **comments**: the live comments they wrote on live claims (replies included, resolved ones
 *   too), as the work's own comments column counts them.
 * - **edits**: their applied operations that change what is already in the map: editing a claim's
 *   text, note, stance or strength (claim.update), moving it (claim.move), deleting or restoring
 *   claims (claim.delete, claim.restore), removing a quote (anchor.remove), adding or removing a
 *   cross-link (link.add, link.remove); an undo is an operation like any other. Adding a claim or
 *   a quote is counted above, not here, and so are comments (writing, editing, resolving them).
 *   Counted whatever became of the change later.
 * - **words**: the words of the live claims they wrote (runs of letters or digits; "don't" and
 *   "well-known" are one word each). Notes do not count.
 * - **lastActive**: the latest of their applied operations of any kind and the comments they
 *   wrote that are still there (ISO), null when they have done nothing in the map.
 *
 * Every member of the work has a row, even with nothing done; so does anyone else who did
 * something in it (the teacher, a student who has since moved to another team or left). Claims
 * and quotes with no author on record (from before authors were recorded, or whose account is
 * gone) are counted in one row of their own, `userId` null.
 */

export interface ContributionPerson {
  userId: string;
  name: string;
}

export interface ContributionInput {
  /** The work's members now: each gets a row. */
  members: readonly ContributionPerson[];
  /** The class's teacher (the maps' owner), marked as such when they did something. */
  teacherId: string;
  /** The names of everyone else who appears in the map's claims, log or comments. */
  names: ReadonlyMap<string, string>;
  /** The map's live claims, with who wrote them and their text. */
  claims: readonly (TreeNode & { authorId: string | null; text: string })[];
  /** The quotes of the map's live claims (others are ignored). */
  anchors: readonly { id: string; claimId: string }[];
  /** Applied anchor.add operations: who made which quote id, and when. */
  quoteAdds: readonly { anchorId: string; actorId: string; at: Date | string }[];
  /** Live comments (those on deleted claims are ignored). */
  comments: readonly { claimId: string; authorId: string; createdAt: Date | string }[];
  /** Applied operations, counted per person and kind, with the latest time of each. */
  operations: readonly { actorId: string; kind: string; count: number; lastAt: Date | string }[];
}

export type ContributorKind = 'member' | 'teacher' | 'other' | 'unknown';

export interface PersonContribution {
  /** Null for the row of what has no author on record. */
  userId: string | null;
  name: string;
  /** A member of the work now, its class's teacher, someone else, or no one on record. */
  kind: ContributorKind;
  claims: number;
  quotes: number;
  rebuttals: number;
  comments: number;
  edits: number;
  words: number;
  lastActive: string | null;
}

/** The operation kinds counted as edits (see above). */
export const EDIT_KINDS: ReadonlySet<string> = new Set([
  'claim.update',
  'claim.move',
  'claim.delete',
  'claim.restore',
  'anchor.remove',
  'link.add',
  'link.remove',
]);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words in a text: runs of letters or digits, joined by an apostrophe or a hyphen. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export const UNKNOWN_AUTHOR = 'No author on record';

const KIND_ORDER: Record<ContributorKind, number> = { member: 0, teacher: 1, other: 2, unknown: 3 };
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const time = (at: Date | string) => new Date(at).getTime();

/** One row per person (members first, by name; then the teacher, others, and what has no author). */
export function workContributions(input: ContributionInput): PersonContribution[] {
  const rows = new Map<string | null, PersonContribution>();
  const members = new Set(input.members.map((m) => m.userId));
  const row = (userId: string | null): PersonContribution => {
    let r = rows.get(userId);
    if (!r) {
      const kind: ContributorKind =
        userId === null
          ? 'unknown'
          : members.has(userId)
            ? 'member'
            : userId === input.teacherId
              ? 'teacher'
              : 'other';
      const name =
        userId === null
          ? UNKNOWN_AUTHOR
          : (input.members.find((m) => m.userId === userId)?.name ??
            input.names.get(userId) ??
            'Unknown');
      r = {
        userId,
        name,
        kind,
        claims: 0,
        quotes: 0,
        rebuttals: 0,
        comments: 0,
        edits: 0,
        words: 0,
        lastActive: null,
      };
      rows.set(userId, r);
    }
    return r;
  };
  const active = (r: PersonContribution, at: Date | string) => {
    const t = time(at);
    if (r.lastActive === null || t > Date.parse(r.lastActive))
      r.lastActive = new Date(t).toISOString();
  };
  for (const m of input.members) row(m.userId);

  const roleOf = roles(input.claims);
  const authorOf = new Map<string, string | null>();
  for (const c of input.claims) {
    authorOf.set(c.id, c.authorId);
    const r = row(c.authorId);
    r.claims += 1;
    r.words += countWords(c.text);
    if (roleOf.get(c.id) === 'rebuttal') r.rebuttals += 1;
  }

  const quotedBy = new Map<string, { actorId: string; at: number }>();
  for (const q of input.quoteAdds) {
    const seen = quotedBy.get(q.anchorId);
    if (!seen || time(q.at) < seen.at)
      quotedBy.set(q.anchorId, { actorId: q.actorId, at: time(q.at) });
  }
  for (const a of input.anchors) {
    if (!authorOf.has(a.claimId)) continue;
    const by = quotedBy.get(a.id)?.actorId ?? authorOf.get(a.claimId) ?? null;
    row(by).quotes += 1;
  }

  for (const c of input.comments) {
    if (!authorOf.has(c.claimId)) continue;
    const r = row(c.authorId);
    r.comments += 1;
    active(r, c.createdAt);
  }

  for (const op of input.operations) {
    const r = row(op.actorId);
    if (EDIT_KINDS.has(op.kind)) r.edits += op.count;
    active(r, op.lastAt);
  }

  return [...rows.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name),
  );
}

/** A piece of work's people, as the CSV lists them. */
export interface WorkPeople {
  /** The work's name as the dashboard shows it (the team's, "Whole class", the student's). */
  work: string;
  side: string;
  people: readonly PersonContribution[];
}

const KIND_WORDS: Record<ContributorKind, string> = {
  member: 'member',
  teacher: 'teacher',
  other: 'not a member now',
  unknown: '',
};

/**
 * The per-person table as CSV (the same quoting as the rest of the dashboard's CSV): one row per
 * person and piece of work. `time` writes "last active" (by default the ISO instant, in UTC),
 * under the header `timeHeader`.
 */
export function contributionsCsv(
  works: readonly WorkPeople[],
  time: (iso: string) => string = (iso) => iso,
  timeHeader = 'Last active (UTC)',
): string {
  return toCsv([
    [
      'Student',
      'Work',
      'Side',
      'Role',
      'Claims',
      'Quotes',
      'Rebuttals',
      'Comments',
      'Edits',
      'Words',
      timeHeader,
    ],
    ...works.flatMap((w) =>
      w.people.map((p) => [
        p.name,
        w.work,
        w.side,
        KIND_WORDS[p.kind],
        p.claims,
        p.quotes,
        p.rebuttals,
        p.comments,
        p.edits,
        p.words,
        p.lastActive ? time(p.lastActive) : '',
      ]),
    ),
  ]);
}
