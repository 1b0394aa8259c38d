import { describe, expect, it } from 'vitest';
import type { Op, OpDraft } from '../schemas/ops';
import { describeEntry, groupEntries, type HistoryEntry } from './history';
import { commentEntry } from './history-comments';

const C1 = '00000000-0000-4000-8000-0000000000c1';
const C2 = '00000000-0000-4000-8000-0000000000c2';

let n = 0;
function entry(draft: OpDraft, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  n++;
  return {
    revision: n,
    actorId: 'u1',
    actorName: 'Ada',
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, n)).toISOString(),
    op: { ...draft, id: `op-${n}` } as Op,
    before: null,
    ...extra,
  };
}

const add = (commentId: string, body: string, parentId: string | null = null) =>
  entry({ kind: 'comment.add', commentId, claimId: 'A', parentId, body });
const claims = new Map([['A', { text: 'Sanctions work' }]]);

describe('comment events in History', () => {
  it('says who did what on which claim', () => {
    const live = { claimId: 'A', parentId: null, deleted: false, body: 'Which source?' };
    const reply = { claimId: 'A', parentId: C1, deleted: false, body: 'The second article' };
    const lines = [
      commentEntry(add(C1, 'Which source says so?'), live),
      commentEntry(add(C2, 'The second article', C1), reply),
      commentEntry(entry({ kind: 'comment.edit', commentId: C1, body: 'Which source?' }), live),
      commentEntry(entry({ kind: 'comment.resolve', commentId: C1, resolved: true }), live),
      commentEntry(entry({ kind: 'comment.resolve', commentId: C1, resolved: false }), live),
      commentEntry(entry({ kind: 'comment.delete', commentId: C2 }), {
        ...reply,
        deleted: true,
      }),
    ].map((e) => describeEntry(e, claims));
    expect(lines).toEqual([
      // The words it was posted with were edited since: only the words it has now are shown.
      'Commented on “Sanctions work”',
      'Replied to a comment on “Sanctions work”: “The second article”',
      'Edited a comment on “Sanctions work”: “Which source?”',
      'Resolved a thread on “Sanctions work”',
      'Reopened a thread on “Sanctions work”',
      'Deleted a comment on “Sanctions work”',
    ]);
  });

  it('never carries the words of a comment deleted now, nor what an edit replaced', () => {
    const gone = { claimId: 'A', parentId: null, deleted: true, body: 'SECRET second words' };
    const added = commentEntry(add(C1, 'SECRET first words'), gone);
    const edited = commentEntry(
      entry(
        { kind: 'comment.edit', commentId: C1, body: 'SECRET second words' },
        { before: { body: 'SECRET first words' } as unknown as HistoryEntry['before'] },
      ),
      gone,
    );
    expect(JSON.stringify([added, edited])).not.toContain('SECRET');
    expect(added.comment).toEqual({ claimId: 'A', reply: false });
    expect(describeEntry(added, claims)).toBe('Commented on “Sanctions work”');
    expect(describeEntry(edited, claims)).toBe('Edited a comment on “Sanctions work”');

    // A live comment's entries show its words now, never an earlier draft: neither what an edit
    // replaced nor the words it was first posted with.
    const now = { ...gone, deleted: false, body: 'Now' };
    const live = commentEntry(
      entry(
        { kind: 'comment.edit', commentId: C1, body: 'Now' },
        { before: { body: 'EARLIER' } as unknown as HistoryEntry['before'] },
      ),
      now,
    );
    expect(live.before).toBeNull();
    expect(JSON.stringify(live)).not.toContain('EARLIER');
    expect(describeEntry(live, claims)).toBe('Edited a comment on “Sanctions work”: “Now”');
    const firstPosted = commentEntry(add(C1, 'EARLIER'), now);
    expect(JSON.stringify(firstPosted)).not.toContain('EARLIER');

    // A comment the server cannot find any more: no words, the claim from the op if it has one.
    const unknown = commentEntry(add(C2, 'SECRET'), undefined);
    expect(JSON.stringify(unknown)).not.toContain('SECRET');
    expect(unknown.comment).toEqual({ claimId: 'A', reply: false });
    const unknownDelete = commentEntry(entry({ kind: 'comment.delete', commentId: C2 }), undefined);
    expect(describeEntry(unknownDelete, claims)).toBe('Deleted a comment on a claim');
  });

  it('counts comments and threads in a group’s summary', () => {
    const live = { claimId: 'A', parentId: null, deleted: false, body: 'One!' };
    const [group] = groupEntries([
      entry({
        kind: 'claim.add',
        claimId: 'B',
        thesisId: 't1',
        parentId: null,
        stance: 'pro',
        text: 'x',
        order: 'a0',
      }),
      commentEntry(add(C1, 'One'), live),
      commentEntry(add(C2, 'Two', C1), live),
      commentEntry(entry({ kind: 'comment.edit', commentId: C1, body: 'One!' }), live),
      commentEntry(entry({ kind: 'comment.resolve', commentId: C1, resolved: true }), live),
    ]);
    expect(group!.summary).toBe('Added 1 claim, added 2 comments, edited 1, resolved 1 thread');
  });
});
