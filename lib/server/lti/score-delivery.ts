import 'server-only';
import {
  LINE_ITEM_MEDIA_TYPE,
  LINE_ITEMS_MEDIA_TYPE,
  SCORE_MEDIA_TYPE,
  scoreBody,
  scoresUrl,
  withQuery,
} from '@/lib/domain/lti/ags';
import { db } from '../db';
import { AGS_SCOPES, serviceToken } from './service-token';

/** A grade for one LMS person on one AGS line item, as the outbox keeps it. */
export interface ScorePayload {
  platformId: string;
  /** The line item; '' when it is to be made first (`createLineItem`). */
  lineItemUrl: string;
  /**
   * The platform gave the course's line items container but no line item for this activity:
   * the line item is found (by resource link id) or made there before the score is sent, and
   * kept on the LtiResourceLink row.
   */
  createLineItem?: {
    resourceLinkRowId: string;
    resourceLinkId: string;
    lineItemsUrl: string;
    label: string;
    resourceId: string;
  };
  /** The LMS person (the launch's `sub`). */
  userSub: string;
  /** Null withdraws the score (the grade was unreleased). */
  scoreGiven: number | null;
  scoreMaximum: number;
  comment?: string;
  /** ISO time of the change, so the LMS keeps the newest. */
  timestamp: string;
}

async function ensureLineItem(score: ScorePayload): Promise<string> {
  const make = score.createLineItem!;
  const row = await db.ltiResourceLink.findUnique({
    where: { id: make.resourceLinkRowId },
    select: { lineItemUrl: true },
  });
  if (row?.lineItemUrl) return row.lineItemUrl;
  const token = await serviceToken(score.platformId, [AGS_SCOPES.lineItem, AGS_SCOPES.score]);
  const auth = { Authorization: `Bearer ${token}` };
  const found = await fetch(
    withQuery(make.lineItemsUrl, { resource_link_id: make.resourceLinkId }),
    {
      headers: { ...auth, Accept: LINE_ITEMS_MEDIA_TYPE },
      signal: AbortSignal.timeout(15_000),
    },
  );
  let url: string | null = null;
  if (found.ok) {
    const items = (await found.json()) as unknown;
    const first = Array.isArray(items) ? (items[0] as { id?: unknown } | undefined) : undefined;
    if (typeof first?.id === 'string') url = first.id;
  }
  if (!url) {
    const made = await fetch(make.lineItemsUrl, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': LINE_ITEM_MEDIA_TYPE, Accept: LINE_ITEM_MEDIA_TYPE },
      body: JSON.stringify({
        scoreMaximum: score.scoreMaximum,
        label: make.label,
        resourceLinkId: make.resourceLinkId,
        resourceId: make.resourceId,
        tag: 'counterpoint',
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!made.ok) throw new Error(`The LMS refused to make the grade column (${made.status}).`);
    const item = (await made.json()) as { id?: unknown };
    if (typeof item.id !== 'string') throw new Error('The LMS made a grade column without an id.');
    url = item.id;
  }
  await db.ltiResourceLink.updateMany({
    where: { id: make.resourceLinkRowId, lineItemUrl: null },
    data: { lineItemUrl: url },
  });
  return url;
}

/** Posts the score to the line item's scores endpoint (AGS); throws when it could not. */
export async function deliverScore(score: ScorePayload): Promise<void> {
  const lineItemUrl =
    score.lineItemUrl || (score.createLineItem ? await ensureLineItem(score) : '');
  if (!lineItemUrl) throw new Error('No line item to send the score to.');
  const token = await serviceToken(score.platformId, [AGS_SCOPES.lineItem, AGS_SCOPES.score]);
  const response = await fetch(scoresUrl(lineItemUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': SCORE_MEDIA_TYPE },
    body: JSON.stringify(scoreBody(score)),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`The LMS refused the score (${response.status}): ${text}`);
  }
}
