import type { OutlineRow } from '@/lib/domain/argument-tree';
import type { AnchorView, ClaimView } from '@/lib/domain/views';

/** What the outline draws, in order: claim rows, and the new-claim form where it is open. */
export interface OutlineItem {
  key: string;
  /** Null for the composer. */
  row: OutlineRow<ClaimView> | null;
}

/** The composer's key (no claim id looks like it). */
export const COMPOSER_KEY = '\u0000composer';

/**
 * The rows with the composer after the claim it opened under (`afterClaimId`), or at the end
 * for a new claim of the thesis (null); no composer when `afterClaimId` is undefined.
 */
export function outlineItems(
  rows: OutlineRow<ClaimView>[],
  afterClaimId: string | null | undefined,
): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const row of rows) {
    items.push({ key: row.claim.id, row });
    if (afterClaimId === row.claim.id) items.push({ key: COMPOSER_KEY, row: null });
  }
  if (afterClaimId === null) items.push({ key: COMPOSER_KEY, row: null });
  return items;
}

/**
 * A first guess at an item's height in pixels, before it is drawn and measured: the text's lines
 * at the width of a typical map column, a note, quotes. Close guesses keep the scrollbar steady.
 */
export function rowHeightGuess(item: OutlineItem, anchorsByClaim: Map<string, AnchorView[]>) {
  if (!item.row) return 180;
  const { claim } = item.row;
  const lines = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));
  const quotes = anchorsByClaim.get(claim.id)?.length ?? 0;
  return (
    48 +
    23 * (lines(claim.text, 80) - 1) +
    (claim.note ? 12 + 20 * lines(claim.note, 90) : 0) +
    quotes * 62
  );
}
