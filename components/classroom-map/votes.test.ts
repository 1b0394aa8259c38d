import { describe, expect, it } from 'vitest';
import { withVote, type VotesState } from './votes';

const start: VotesState = {
  tallies: { A: { average: 2, count: 1 } },
  mine: { A: 2 },
  canVote: true,
};

describe('withVote', () => {
  it('takes a classmate’s vote as the claim’s new tally, leaving my rating alone', () => {
    const next = withVote(start, { claimId: 'A', tally: { average: 3, count: 2 } });
    expect(next).toEqual({ ...start, tallies: { A: { average: 3, count: 2 } } });
    expect(withVote(start, { claimId: 'B', tally: { average: 4, count: 1 } }).tallies.B).toEqual({
      average: 4,
      count: 1,
    });
  });

  it('sets or clears my own rating when the event carries it, and drops a tally of no votes', () => {
    expect(
      withVote(start, { claimId: 'A', tally: { average: 4, count: 1 }, mine: 4 }).mine,
    ).toEqual({ A: 4 });
    const cleared = withVote(start, { claimId: 'A', tally: { average: 0, count: 0 }, mine: null });
    expect(cleared).toEqual({ tallies: {}, mine: {}, canVote: true });
  });
});
