import type { AnchorView, SourceView } from '../views';
import type { CrossLink } from '../cross-links';
import { citation, NO_WEB_ADDRESS, orderedClaims, type MapDocument } from './document';
import { roles } from '../dialectic';
import { groupBy } from '../group-by';

// User text is written so that any CommonMark renderer (GitHub's extensions included: tables,
// strikethrough, autolinked URLs, math) shows it as the very text typed, and never as markup:
// - "<" and "&" become entities, so no HTML (raw tags, <script>) and no entity is ever read;
// - \ ` * _ [ ] > # | ~ $ @ are backslash-escaped (CommonMark 2.4: any ASCII punctuation may be):
//   code, emphasis, links and images, quotes, headings, tables, strikethrough, math, emails;
// - "." and ":" are escaped when a non-space follows ("example\.com", "https\://"), so no bare URL
//   or domain is turned into a link; "/" before "/" too. A sentence's "." and "x: y" stay as typed;
// - runs of whitespace and line breaks become one space: each item is one line (HTML would
//   collapse them anyway), and a line break could start a block (a list, a quote, a heading);
// - at the start of a block (the thesis after "> "), a list marker ("-", "+", "1.") is escaped.
// Every block (item line, quote, note, link line) is followed by a blank line, so a note can never
// be read as part of the quote before it (a blockquote swallows the lines that follow it).

const ALWAYS = /[\\`*_[\]>#|~$@]/;

/** User text as Markdown inline text that renders as exactly that text (whitespace collapsed). */
export function escapeMarkdown(text: string, blockStart = false): string {
  const flat = text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i]!;
    const next = flat[i + 1];
    if (ch === '<') out += '&lt;';
    else if (ch === '&') out += '&amp;';
    else if (ALWAYS.test(ch)) out += `\\${ch}`;
    else if ((ch === '.' || ch === ':') && next !== undefined && next !== ' ') out += `\\${ch}`;
    else if (ch === '/' && next === '/') out += '\\/';
    else out += ch;
  }
  if (blockStart) {
    // "- x", "+ x", "1. x", "1) x", "= x": a list or heading underline where a block starts.
    out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return out;
}

/** A source's link: an autolink when it is a plain web address, else escaped text. */
const sourceLink = (source: SourceView) =>
  !source.url
    ? NO_WEB_ADDRESS
    : /^https?:\/\/[^\s<>]+$/.test(source.url)
      ? `<${source.url}>`
      : escapeMarkdown(source.url);

/** A Markdown outline: nested lists per thesis, stance in bold, quotes as blockquotes with source. */
export function toMarkdown(doc: MapDocument): string {
  const ordered = orderedClaims(doc);
  const byId = new Map(ordered.map((o) => [o.claim.id, o]));
  const roleOf = roles(doc.claims);
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source]));
  const quotesOf = groupBy<AnchorView>(doc.anchors, (a) => a.claimId);
  const linksOf = groupBy<CrossLink>(doc.links, (l) => l.fromClaimId);
  const byThesis = groupBy(ordered, (o) => o.thesis.id);
  const md = escapeMarkdown;
  const out: string[] = [`# ${md(doc.title)}`, '', `**Motion:** ${md(doc.debate.motion)}`, ''];
  for (const thesis of doc.debate.theses) {
    out.push(`## Thesis ${thesis.position + 1}: ${md(thesis.label)}`, '');
    out.push(`> ${md(thesis.text, true)}`, '');
    out.push(`Source: ${md(citation(thesis.source))}, ${sourceLink(thesis.source)}`, '');
    for (const o of byThesis.get(thesis.id) ?? []) {
      const pad = '  '.repeat(o.depth);
      const kind =
        o.claim.stance === 'pro'
          ? 'Pro'
          : roleOf.get(o.claim.id) === 'rebuttal'
            ? 'Rebuttal'
            : 'Con';
      const strength = o.claim.strength ? ` _(strength ${o.claim.strength}/5)_` : '';
      out.push(`${pad}- **${kind}** (${o.label}): ${md(o.claim.text)}${strength}`, '');
      for (const a of quotesOf.get(o.claim.id) ?? []) {
        const s = sources.get(a.sourceId);
        out.push(
          `${pad}  > “${md(a.exact)}”`,
          `${pad}  > — ${s ? md(citation(s)) : 'unknown source'}`,
          '',
        );
      }
      if (o.claim.note.trim()) out.push(`${pad}  _Note:_ ${md(o.claim.note)}`, '');
      for (const l of linksOf.get(o.claim.id) ?? []) {
        const to = l.toClaimId ? byId.get(l.toClaimId) : undefined;
        const target = l.toClaimId
          ? `${to?.label ?? '?'} “${md(to?.claim.text ?? '')}”`
          : `the thesis “${md(doc.debate.theses.find((t) => t.id === l.toThesisId)?.label ?? '')}”`;
        out.push(
          `${pad}  ${l.stance === 'pro' ? '↗ Supports' : '↘ Attacks'} (other side): ${target}`,
          '',
        );
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
