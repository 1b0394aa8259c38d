import 'server-only';

/** A grade for one LMS person on one AGS line item, as the outbox keeps it. */
export interface ScorePayload {
  platformId: string;
  lineItemUrl: string;
  /** The LMS person (the launch's `sub`). */
  userSub: string;
  /** Null withdraws the score (the grade was unreleased). */
  scoreGiven: number | null;
  scoreMaximum: number;
  comment?: string;
  /** ISO time of the change, so the LMS keeps the newest. */
  timestamp: string;
}

/** Posts the score to the line item's scores endpoint (AGS); throws when it could not. */
export async function deliverScore(score: ScorePayload): Promise<void> {
  throw new Error(`LTI scores are not sent yet (${score.lineItemUrl}).`);
}
