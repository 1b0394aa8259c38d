import { describe, expect, it } from 'vitest';
import type { MapChange } from '../schemas/live';
import { redactChange } from './live-redact';

const hidden = { includeNotes: false, showName: false };

describe('a change as a view link sees it', () => {
  it('drops a note unless the owner shows notes, and keeps the rest of the edit', () => {
    const change: MapChange = {
      revision: 4,
      actorId: 'u1',
      op: {
        id: 'o1',
        kind: 'claim.update',
        claimId: 'c1',
        set: { text: 'New', note: 'private plan' },
        base: { note: 'old' },
      },
    };
    const out = redactChange(change, hidden);
    expect(JSON.stringify(out)).not.toContain('private plan');
    expect(out).toMatchObject({ revision: 4, actorId: '', op: { set: { text: 'New' } } });
    expect(JSON.stringify(redactChange(change, { ...hidden, includeNotes: true }))).toContain(
      'private plan',
    );
  });

  it('keeps the revision of a comment but not its words or its author', () => {
    const change: MapChange = {
      revision: 9,
      actorId: 'u2',
      op: {
        id: 'o2',
        kind: 'comment.add',
        commentId: 'k1',
        claimId: 'c1',
        parentId: null,
        body: 'our weak spot',
      },
      data: { authorName: 'Ana' },
    };
    const out = redactChange(change, { includeNotes: true, showName: true });
    expect(out.revision).toBe(9);
    expect(JSON.stringify(out)).not.toMatch(/weak spot|Ana|u2/);
  });

  it('blanks the notes and drops the comments of a restored batch', () => {
    const change: MapChange = {
      revision: 12,
      actorId: 'u1',
      op: { id: 'o3', kind: 'claim.restore', deletionId: 'd1' },
      data: {
        claims: [{ id: 'c1', text: 'Back', note: 'how we beat them', stance: 'pro' }],
        anchors: [],
        links: [],
        comments: [{ id: 'k1', body: 'weak spot', authorName: 'Ana' }],
      },
    };
    const out = JSON.stringify(redactChange(change, hidden));
    expect(out).toContain('Back');
    expect(out).not.toMatch(/how we beat them|weak spot|Ana/);
    expect(JSON.stringify(redactChange(change, { ...hidden, includeNotes: true }))).toContain(
      'how we beat them',
    );
  });
});
