import { describe, expect, it } from 'vitest';
import { can, ROLES } from './capabilities';
import { isMarkKind, MARK_KIND_INFO, MARK_KINDS, mayResolveMark } from './marks';
import { visibility } from './visibility';

describe('mark kinds', () => {
  it('has the six kinds of the issue, each with a label and what its author is asked to do', () => {
    expect(MARK_KINDS.map((k) => MARK_KIND_INFO[k].label)).toEqual([
      'Unsupported',
      'Unclear',
      'Not a claim',
      'Duplicate',
      'Off topic',
      'Needs a quote',
    ]);
    for (const k of MARK_KINDS) expect(MARK_KIND_INFO[k].ask).toMatch(/\.$/);
  });

  it('knows its kinds and nothing else', () => {
    expect(isMarkKind('needs-quote')).toBe(true);
    expect(isMarkKind('Needs a quote')).toBe(false);
    expect(isMarkKind(undefined)).toBe(false);
  });
});

describe('who may mark, see and resolve', () => {
  it('lets exactly those who see marks make them: the owner and editors', () => {
    for (const role of ROLES) {
      const sees = visibility({ kind: 'member', role, notes: true, anonymous: false }).marks;
      expect(can(role, 'claim.mark'), role).toBe(sees);
    }
    expect(visibility({ kind: 'link', notes: true, ownerName: true }).marks).toBe(false);
  });

  const mark = { claimAuthorId: 'author', markedById: 'marker' };
  it('lets the author, the marker and the owner resolve, and no other editor', () => {
    expect(mayResolveMark({ ...mark, userId: 'author', role: 'editor' })).toBe(true);
    expect(mayResolveMark({ ...mark, userId: 'marker', role: 'editor' })).toBe(true);
    expect(mayResolveMark({ ...mark, userId: 'teacher', role: 'owner' })).toBe(true);
    expect(mayResolveMark({ ...mark, userId: 'teammate', role: 'editor' })).toBe(false);
  });

  it('refuses anyone who does not see marks, even the author', () => {
    for (const role of ['commenter', 'viewer', null] as const) {
      expect(mayResolveMark({ ...mark, userId: 'author', role })).toBe(false);
    }
  });

  it('does not mistake a claim without an author for one of theirs', () => {
    expect(
      mayResolveMark({ claimAuthorId: null, markedById: 'm', userId: 'x', role: 'editor' }),
    ).toBe(false);
  });
});
