import type { VoteEvent, VoteTally } from '@/lib/schemas/live';

/** The class's impact votes as a map page holds them. */
export interface VotesState {
  tallies: Record<string, VoteTally>;
  mine: Record<string, number>;
  canVote: boolean;
}

/**
 * The votes after one claim's new tally (from this tab's own vote, or from the live stream):
 * a tally of no votes is dropped; `mine` changes only when the event carries it (the voter's
 * own tabs), null clearing it.
 */
export function withVote(state: VotesState, vote: VoteEvent): VotesState {
  const tallies = { ...state.tallies };
  if (vote.tally.count === 0) delete tallies[vote.claimId];
  else tallies[vote.claimId] = vote.tally;
  if (vote.mine === undefined) return { ...state, tallies };
  const mine = { ...state.mine };
  if (vote.mine === null) delete mine[vote.claimId];
  else mine[vote.claimId] = vote.mine;
  return { ...state, tallies, mine };
}
