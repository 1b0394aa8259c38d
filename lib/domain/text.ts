/**
 * Text as people see it: whole characters (graphemes), never half an emoji. One `truncate` for
 * the whole app, and one check for text that is not well-formed (a lone UTF-16 surrogate, which
 * no keyboard types but a script or a broken copy can send).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when the string has no lone surrogate (String.prototype.isWellFormed, for Node 20) and no
 * NUL character: no keyboard types either, and PostgreSQL refuses NUL in text (SQLite keeps it),
 * so both are refused at the door, alike on both databases.
 */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !text.includes('\u0000');
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * True when a cut between `before` and `after` (code units) is between whole characters for
 * certain: two ASCII characters are always two graphemes, but for a CR followed by an LF. Pages
 * cut claim texts for labels dozens of times each; segmenting the whole text for every one of
 * them was a tenth of a class map page's server time.
 */
const asciiCut = (before: number, after: number) =>
  before < 0x80 && after < 0x80 && !(before === 13 && after === 10);

/**
 * The longest start of `text` that is at most `max` UTF-16 code units (what the database limits
 * count) and ends between whole characters: the one cut for user text (never `.slice(0, n)`).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (asciiCut(text.charCodeAt(max - 1), text.charCodeAt(max))) return text.slice(0, max);
  // The character that holds code unit `max` does not fit: cut where it starts.
  return text.slice(0, segmenter.segment(text).containing(max)!.index);
}

/** The longest end of `text` of at most `max` code units that starts on a whole character. */
export function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const from = text.length - max;
  if (asciiCut(text.charCodeAt(from - 1), text.charCodeAt(from))) return text.slice(from);
  // The character that holds code unit `from - 1` does not fit: start where it ends.
  const { index, segment } = segmenter.segment(text).containing(from - 1)!;
  return text.slice(index + segment.length);
}

/**
 * At most `max` UTF-16 code units, cut between whole characters, with "…" when something was
 * cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${clip(text, max - 1).trimEnd()}…`;
}
