/**
 * Assignment and Grade Services 2.0 (1EdTech): the score the tool posts for one learner on a
 * line item, and where it goes. A released grade is a FullyGraded, Completed score out of the
 * rubric's points; withdrawing it posts a score with no scoreGiven and NotReady, which clears the
 * learner's result in the gradebook.
 */

export const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json';
export const LINE_ITEM_MEDIA_TYPE = 'application/vnd.ims.lis.v2.lineitem+json';
export const LINE_ITEMS_MEDIA_TYPE = 'application/vnd.ims.lis.v2.lineitemcontainer+json';

/** The scores endpoint of a line item: its path + "/scores", its query kept (AGS §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.toString();
}

export interface ScoreInput {
  userSub: string;
  /** Null withdraws the score. */
  scoreGiven: number | null;
  scoreMaximum: number;
  comment?: string;
  timestamp: string;
}

export function scoreBody(score: ScoreInput): Record<string, unknown> {
  if (score.scoreGiven === null) {
    return {
      userId: score.userSub,
      timestamp: score.timestamp,
      activityProgress: 'Initialized',
      gradingProgress: 'NotReady',
    };
  }
  return {
    userId: score.userSub,
    scoreGiven: score.scoreGiven,
    scoreMaximum: score.scoreMaximum,
    ...(score.comment ? { comment: score.comment } : {}),
    timestamp: score.timestamp,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
  };
}

/** A line items container URL with a query parameter added (its own query kept). */
export function withQuery(url: string, params: Record<string, string>): string {
  const out = new URL(url);
  for (const [key, value] of Object.entries(params)) out.searchParams.set(key, value);
  return out.toString();
}
