import type { Role } from './capabilities';

/**
 * Marks for review: a teacher or an editor flags a claim for its author to look at again
 * (Kialo Edu's "flag for review"). A mark has a kind, an optional explanation, and is open until
 * it is resolved. Who may mark is the capability `claim.mark` (lib/domain/capabilities.ts); who
 * sees marks is lib/domain/visibility.ts (`marks`); who may clear one is `mayResolveMark` below.
 */

export const MARK_KINDS = [
  'unsupported',
  'unclear',
  'not-a-claim',
  'duplicate',
  'off-topic',
  'needs-quote',
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const isMarkKind = (value: unknown): value is MarkKind =>
  typeof value === 'string' && (MARK_KINDS as readonly string[]).includes(value);

/** Each kind: its name, and what its author is asked to do about it. */
export const MARK_KIND_INFO: Record<MarkKind, { label: string; ask: string }> = {
  unsupported: {
    label: 'Unsupported',
    ask: 'Give a reason or evidence for it, in a pro reply or a quote.',
  },
  unclear: { label: 'Unclear', ask: 'Say it more plainly, so a reader knows what you mean.' },
  'not-a-claim': {
    label: 'Not a claim',
    ask: 'Write it as a statement someone could agree or disagree with.',
  },
  duplicate: {
    label: 'Duplicate',
    ask: 'The map makes this point already: merge the two, or say how this one differs.',
  },
  'off-topic': {
    label: 'Off topic',
    ask: 'Tie it to the claim it answers, or move it where it belongs.',
  },
  'needs-quote': {
    label: 'Needs a quote',
    ask: 'Attach the passage of the article it comes from (Quote…).',
  },
};

/** An explanation is at most this long. */
export const MARK_EXPLANATION_MAX = 500;

/** An open mark as a reader who may see marks receives it. */
export interface MarkView {
  id: string;
  claimId: string;
  kind: MarkKind;
  explanation: string;
  /** Who marked it, as this reader is shown people (a pseudonym, "Teacher", or the real name). */
  byName: string;
  createdAt: string;
  /** Whether this reader may clear it: its claim's author, who marked it, or the map's owner. */
  canResolve: boolean;
  /** Whether this reader wrote the claim (the mark asks them to act). */
  forMe: boolean;
}

/**
 * Who may resolve an open mark: the claim's author (once they have acted on it), whoever made
 * the mark, and the map's owner (the teacher, in a class). Another editor may not clear a mark
 * made on someone else's claim. Each of them must still see marks in the map (`role` allows it).
 */
export function mayResolveMark(opts: {
  userId: string;
  role: Role | null;
  claimAuthorId: string | null;
  markedById: string;
}): boolean {
  if (opts.role !== 'owner' && opts.role !== 'editor') return false;
  return (
    opts.role === 'owner' || opts.userId === opts.claimAuthorId || opts.userId === opts.markedById
  );
}
