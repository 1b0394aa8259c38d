import { plural } from '../format';
import {
  locateQuote,
  selectorAt,
  type QuoteLocation,
  type TextQuoteSelector,
} from './quote-anchoring';

/**
 * Quotes after an article's text is edited (a teacher editing their debate): every quote is
 * found again in the new text the way it was first anchored (lib/domain/quote-anchoring.ts) and
 * takes its new place and context. A quote that can no longer be found is kept, never deleted:
 * its words stay, and it points nowhere (start = end), so every reader sees at once that its
 * text is not at its place (`isAnchored`) and says "This quote is no longer in the article". If
 * a later edit puts the words back, it is found again.
 */

/** What every reader is told of a quote lost in an edit of its article. */
export const LOST_QUOTE = 'This quote is no longer in the article';

/** A stored quote: its selector and its place in its article. */
export type AnchorPlace = TextQuoteSelector & QuoteLocation;

/**
 * Whether a quote's words are at its place in the article. Every quote is stored as the
 * article's own text at its offsets, so this fails only for a quote lost in an edit.
 */
export function isAnchored(
  anchor: Pick<AnchorPlace, 'exact' | 'block' | 'start' | 'end'>,
  blocks: readonly { text: string }[],
): boolean {
  return (
    anchor.end > anchor.start &&
    blocks[anchor.block]?.text.slice(anchor.start, anchor.end) === anchor.exact
  );
}

/** What an edit did to one quote. */
export type ReanchorOutcome =
  /** Found where it was, the same words. */
  | 'kept'
  /** Found elsewhere (or its words or context changed): its place is updated. */
  | 'moved'
  /** Not in the new text: flagged (it was in the old one). */
  | 'lost'
  /** Not in the new text, as it was already not in the old one. */
  | 'still-lost';

/**
 * Finds a quote again in an article's new text: its new place and selector, or, when it cannot
 * be found, the same words pointing nowhere.
 */
export function reanchor(
  anchor: AnchorPlace,
  oldBlocks: readonly { text: string }[],
  newBlocks: readonly string[],
): { outcome: ReanchorOutcome; place: AnchorPlace } {
  const wasAnchored = isAnchored(anchor, oldBlocks);
  const location = locateQuote(newBlocks, anchor, anchor.block);
  if (!location) {
    const block = Math.max(0, Math.min(anchor.block, newBlocks.length - 1));
    return {
      outcome: wasAnchored ? 'lost' : 'still-lost',
      place: { ...anchor, block, start: 0, end: 0 },
    };
  }
  const place = { ...selectorAt(newBlocks, location), ...location };
  const same =
    wasAnchored &&
    place.block === anchor.block &&
    place.start === anchor.start &&
    place.end === anchor.end &&
    place.exact === anchor.exact;
  return { outcome: same ? 'kept' : 'moved', place };
}

/** What an edit does to a debate's quotes, counted for the teacher (live claims only). */
export interface EditImpact {
  /** Quotes, and the maps they are in, by outcome. */
  moved: { quotes: number; maps: number };
  lost: { quotes: number; maps: number };
  kept: { quotes: number; maps: number };
  stillLost: { quotes: number; maps: number };
  /** A few of the quotes lost, by their words, with how many maps quote them. */
  lostExamples: { exact: string; maps: number }[];
}

const LOST_EXAMPLES = 5;

/** Counts outcomes of quotes (each with its map) into an EditImpact. */
export function countImpact(
  quotes: readonly { mapId: string; exact: string; outcome: ReanchorOutcome }[],
): EditImpact {
  const tally = (outcome: ReanchorOutcome) => {
    const these = quotes.filter((q) => q.outcome === outcome);
    return { quotes: these.length, maps: new Set(these.map((q) => q.mapId)).size };
  };
  const lostMaps = new Map<string, Set<string>>();
  for (const q of quotes) {
    if (q.outcome !== 'lost') continue;
    const maps = lostMaps.get(q.exact) ?? new Set<string>();
    maps.add(q.mapId);
    lostMaps.set(q.exact, maps);
  }
  return {
    moved: tally('moved'),
    lost: tally('lost'),
    kept: tally('kept'),
    stillLost: tally('still-lost'),
    lostExamples: [...lostMaps]
      .slice(0, LOST_EXAMPLES)
      .map(([exact, maps]) => ({ exact, maps: maps.size })),
  };
}

const inMaps = (n: { quotes: number; maps: number }) =>
  `${plural(n.quotes, 'quote')} in ${plural(n.maps, 'map')}`;

/**
 * The impact in words, before saving ("will") or after ("did"): what moves with its text, what
 * can no longer be found and is flagged. Quotes that stay where they are go unmentioned.
 */
export function impactSentences(impact: EditImpact, when: 'before' | 'after'): string[] {
  const will = when === 'before';
  const out: string[] = [];
  const { moved, lost, stillLost, kept } = impact;
  if (moved.quotes) {
    const its = moved.quotes === 1 ? 'its' : 'their';
    out.push(
      `${inMaps(moved)} ${will ? 'will move' : 'moved'} with ${its} text to ${its} new place.`,
    );
  }
  if (lost.quotes) {
    const one = lost.quotes === 1;
    const stay = one ? 'it stays in its map' : 'they stay in their maps';
    const willStay = one ? 'it will stay in its map' : 'they will stay in their maps';
    out.push(
      will
        ? `${inMaps(lost)} will no longer be in the article: ${willStay}, flagged “${LOST_QUOTE}”.`
        : `${inMaps(lost)} ${one ? 'is' : 'are'} no longer in the article: ${stay}, flagged “${LOST_QUOTE}”.`,
    );
  }
  if (stillLost.quotes) {
    const one = stillLost.quotes === 1;
    out.push(
      `${inMaps(stillLost)} ${one ? 'was' : 'were'} already not in the article, and still ${one ? 'is' : 'are'} not.`,
    );
  }
  if (out.length === 0)
    out.push(
      kept.quotes
        ? `Every quote (${inMaps(kept)}) ${will ? 'stays' : 'stayed'} where it is.`
        : 'No map quotes these articles yet.',
    );
  return out;
}
