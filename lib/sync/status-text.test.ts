import { describe, expect, it } from 'vitest';
import { statusText } from './status-text';

describe('the save status line', () => {
  it('says where the changes are, with the count and the reason', () => {
    expect(statusText({ kind: 'saved' })).toBe('All changes saved');
    expect(statusText({ kind: 'saving', pending: 3 })).toBe('Saving 3 changes…');
    expect(statusText({ kind: 'saving', pending: 1 })).toBe('Saving 1 change…');
    expect(statusText({ kind: 'saving', pending: 0 })).toBe('Checking for unsaved changes…');
    const waiting = { kind: 'waiting', pending: 3, retryInMs: 2000 } as const;
    expect(statusText({ ...waiting, failure: 'offline', reason: 'x' })).toBe(
      'Offline: 3 changes waiting, will retry',
    );
    expect(
      statusText({
        ...waiting,
        failure: 'unavailable',
        reason: 'The server’s disk is full, so this change could not be saved yet.',
      }),
    ).toBe(
      'Could not save: The server’s disk is full, so this change could not be saved yet. 3 changes kept here, will retry.',
    );
    expect(statusText({ ...waiting, failure: 'signed-out', reason: '' })).toMatch(
      /^Signed out: 3 changes kept here/,
    );
  });
});
