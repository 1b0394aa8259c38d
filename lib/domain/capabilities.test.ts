import { describe, expect, it } from 'vitest';
import { can, capabilityForOp, refusalFor, rolesWith } from './capabilities';

describe('capabilities', () => {
  it('gives each role only what it needs', () => {
    expect(can('owner', 'map.share')).toBe(true);
    expect(can('editor', 'map.edit')).toBe(true);
    expect(can('editor', 'map.share')).toBe(false);
    expect(can('editor', 'map.delete')).toBe(false);
    expect(can('commenter', 'comment.write')).toBe(true);
    expect(can('commenter', 'map.edit')).toBe(false);
    expect(can('viewer', 'map.read')).toBe(true);
    expect(can('viewer', 'comment.write')).toBe(false);
    expect(can(null, 'map.read')).toBe(false);
  });

  it('lists the roles allowed a capability, for the server’s membership check', () => {
    expect(rolesWith('map.edit')).toEqual(['owner', 'editor']);
    expect(rolesWith('comment.write')).toEqual(['owner', 'editor', 'commenter']);
  });

  it('maps comment operations to comment.write and every other change to map.edit', () => {
    expect(capabilityForOp('comment.add')).toBe('comment.write');
    expect(capabilityForOp('claim.update')).toBe('map.edit');
    expect(capabilityForOp('anchor.remove')).toBe('map.edit');
  });

  it('explains a refusal by what the person can do now', () => {
    expect(refusalFor('map.edit', 'commenter')).toMatch(/can comment on this map but not change/);
    expect(refusalFor('map.edit', 'viewer')).toMatch(/can view this map but not change/);
    expect(refusalFor('comment.write', 'viewer')).toMatch(/not comment on it/);
    expect(refusalFor('map.read', null)).toMatch(/do not have access/);
  });
});
