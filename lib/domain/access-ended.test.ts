import { describe, expect, it } from 'vitest';
import { ACCESS_REASONS, accessEnded, isAccessReason } from './access-ended';

describe('why a page’s access ended', () => {
  it('says every reason in words, signed out or not, with access lost or changed', () => {
    for (const reason of ACCESS_REASONS) {
      for (const outcome of [
        { signedOut: true as const },
        { signedOut: false as const, now: null },
        { signedOut: false as const, now: 'viewer' as const },
      ]) {
        const ended = accessEnded(reason, outcome);
        expect(ended.reason).toBe(reason);
        expect(ended.message.length).toBeGreaterThan(20);
        expect(ended.lost).toBe(outcome.signedOut || outcome.now === null);
        // The page's way on (sign in again) follows the session, whatever the reason.
        expect(ended.signedOut === true).toBe(outcome.signedOut);
      }
    }
  });

  it('names the cause the person can act on', () => {
    expect(accessEnded('moved', { signedOut: false, now: null }).message).toMatch(/another team/);
    expect(accessEnded('password', { signedOut: true }).message).toMatch(/password was changed/);
    expect(accessEnded('signed-out', { signedOut: true }).message).toMatch(
      /^You signed out, so this page was signed out too/,
    );
    expect(accessEnded('role', { signedOut: false, now: 'commenter' }).message).toMatch(
      /can now comment on it/,
    );
    expect(accessEnded('demoted', { signedOut: false, now: 'viewer' }).message).toMatch(
      /no longer a teacher account: you can now only view it/,
    );
    expect(accessEnded('archived', { signedOut: false, now: 'viewer' }).message).toMatch(
      /^This class was archived: its work is read-only now/,
    );
    expect(accessEnded('archived', { signedOut: false, now: 'editor' }).message).toMatch(
      /taken out of the archive: you can edit this map again/,
    );
    // Someone who only views anyway: the archive, either way, says which way.
    expect(
      accessEnded('archived', { signedOut: false, now: 'viewer', archived: false }).message,
    ).toMatch(/taken out of the archive: you can only view this map again/);
    expect(isAccessReason('moved')).toBe(true);
    expect(isAccessReason('nope')).toBe(false);
  });
});
