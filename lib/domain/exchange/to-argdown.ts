import { groupBy } from '../group-by';
import type { AnchorView } from '../views';
import type { CrossLink } from '../cross-links';
import { orderedClaims, thesisLabel, type MapDocument } from './document';

// Argdown (https://argdown.org): each thesis is a statement [T1]/[T2]; each claim a statement [Cn]
// written under its parent with "+" (supports) or "-" (attacks); a cross-link is written under
// its source as "+> [target]" or "-> [target]". What Argdown has no syntax for (strength, note,
// quotes) goes in the statement's {data}, as JSON (valid YAML flow).
//
// Escaping follows @argdown/core 2's own lexer (dist/lexer.js), not a guess:
// - "\x" is an escaped character for any x but a line break: it reads back as x, with the spaces
//   after it. So every character that starts a token anywhere in a line is escaped: \ @ # * _ [ ]
//   < > { } / = and tab (comments "//", "/*", "<!--"; front matter "==="; data "{"; tags, mentions,
//   bold and italic, statement and argument references; spaces and tabs at a token's start are
//   dropped).
// - , ; - ( ) . : are plain text ("control characters") that keep at most one space after them,
//   and ".x." / ":x:" are shortcodes (":+1:" becomes an emoji); they are escaped unless followed by
//   the end or one space and a non-space (", " and ". " in prose stay as typed).
// - Line breaks (\n, \r, U+2028, U+2029) cannot be escaped, and whitespace around a statement is
//   dropped. A text with either is shown on one line, trimmed, and its exact text also goes in the
//   data as "text", which the import reads instead.
// The relation markers (+ - +> -> <+ >< …), headings and list items only count at a line's start,
// where user text never is.

const ALWAYS = new Set([...'\\@#*_[]<>{}/=\t']);
const CONTROL = new Set([...',;-()']);
const SHORTCODE = new Set([...'.:']);
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Text as Argdown statement text that Argdown reads back as the same text (see above). */
export function escapeArgdown(text: string): string {
  const flat = text.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').trim();
  let out = '';
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i]!;
    const next = flat[i + 1];
    // "x, y" and "x." are safe as typed: the next token starts at a non-space.
    const thenWord =
      next === undefined || (next === ' ' && flat[i + 2] !== ' ' && flat[i + 2] !== '\t');
    const plain = CONTROL.has(ch)
      ? thenWord || (next !== ' ' && next !== '\t')
      : SHORTCODE.has(ch)
        ? thenWord
        : !ALWAYS.has(ch);
    out += plain ? ch : `\\${ch}`;
  }
  return out;
}

/** Whether a text's statement line cannot carry it exactly, so its data carries it too. */
export const needsExactText = (text: string) => LINE_BREAK.test(text) || text !== text.trim();

// Argdown's data token ends at the first "}" followed by whitespace and anything but "," or "}",
// and does not match U+2028/U+2029; YAML readers of Argdown data refuse DEL, C1 controls and
// U+FFFE/U+FFFF. Inside strings all of these, and every brace (so the data's own braces are the
// only ones, and no reader needs to look inside strings to find its end), are written as \u
// escapes, which JSON and YAML both read back. Plain replacements, one pass each: a note of 5,000
// braces costs no more than any other note.
const RARE_IN_DATA = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;
const unicodeEscape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
const jsonString = (s: string) =>
  JSON.stringify(s)
    .replaceAll('{', '\\u007b')
    .replaceAll('}', '\\u007d')
    .replace(RARE_IN_DATA, unicodeEscape);

// The front matter ends at the first "===", wherever it is.
const frontMatterString = (s: string) => jsonString(s).replaceAll('=', '\\u003d');

/** JSON for Argdown data, one value at a time, so escaping stays linear in the text's length. */
function json(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) return `[${value.map(json).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${json(k)}: ${json(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function data(entries: Record<string, unknown>): string {
  const kept = Object.fromEntries(
    Object.entries(entries).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length),
    ),
  );
  return Object.keys(kept).length ? ` ${json(kept)}` : '';
}

/** The map as Argdown text that Argdown's own parser reads back into the same relations. */
export function toArgdown(doc: MapDocument): string {
  const ordered = orderedClaims(doc);
  const label = new Map(ordered.map((o) => [o.claim.id, o.label]));
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source.slug]));
  const quotesOf = groupBy<AnchorView>(doc.anchors, (a) => a.claimId);
  const linksOf = groupBy<CrossLink>(doc.links, (l) => l.fromClaimId);
  const byThesis = groupBy(ordered, (o) => o.thesis.id);
  const out = [
    '===',
    `title: ${frontMatterString(doc.title)}`,
    `motion: ${frontMatterString(doc.debate.motion)}`,
    'generator: counterpoint',
    '===',
    '',
  ];
  for (const thesis of doc.debate.theses) {
    out.push(`# ${thesisLabel(thesis)}: ${escapeArgdown(thesis.label)}`, '');
    out.push(
      `[${thesisLabel(thesis)}]: ${escapeArgdown(thesis.text)}${data({
        text: needsExactText(thesis.text) ? thesis.text : undefined,
        source: thesis.source.slug,
      })}`,
    );
    for (const o of byThesis.get(thesis.id) ?? []) {
      const pad = '  '.repeat(o.depth + 1);
      const quotes = (quotesOf.get(o.claim.id) ?? []).map((a) => ({
        source: sources.get(a.sourceId),
        exact: a.exact,
        prefix: a.prefix,
        suffix: a.suffix,
      }));
      const extra = data({
        text: needsExactText(o.claim.text) ? o.claim.text : undefined,
        strength: o.claim.strength ?? undefined,
        note: o.claim.note || undefined,
        quotes,
      });
      out.push(
        `${pad}${o.claim.stance === 'pro' ? '+' : '-'} [${o.label}]: ${escapeArgdown(o.claim.text)}${extra}`,
      );
      for (const l of linksOf.get(o.claim.id) ?? []) {
        const to = l.toClaimId
          ? label.get(l.toClaimId)
          : thesisLabel(doc.debate.theses.find((t) => t.id === l.toThesisId)!);
        out.push(`${pad}  ${l.stance === 'pro' ? '+>' : '->'} [${to}]`);
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
