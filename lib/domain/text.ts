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
 * The longest start of `text` that is at most `max` UTF-16 code units (what the database limits
 * count) and ends between whole characters: the one cut for user text (never `.slice(0, n)`).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/** The longest end of `text` of at most `max` code units that starts on a whole character. */
export function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const segments = [...segmenter.segment(text)].map((s) => s.segment);
  let out = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    if (out.length + segments[i]!.length > max) break;
    out = segments[i]! + out;
  }
  return out;
}

/**
 * At most `max` UTF-16 code units, cut between whole characters, with "…" when something was
 * cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${clip(text, max - 1).trimEnd()}…`;
}
