import { orderedClaims, thesisLabel, type MapDocument } from './document';

// Argdown (https://argdown.org): each thesis is a statement [T1]/[T2]; each claim a statement [Cn]
// written under its parent with "+" (supports) or "-" (attacks); a cross-link is written under
// its source as "+> [target]" or "-> [target]". What Argdown has no syntax for (strength, note,
// quotes, exact text) goes in the statement's {data}, as JSON (valid YAML flow).

const SPECIAL = /[\\[\]<>{}#*_@`~=$|]/g;

/** Escapes what Argdown would read as markup; line breaks become spaces (exact text goes in data). */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (ch) => `\\${ch}`);
}

// Argdown's escaping has corner cases; where the text has markup characters or odd spacing, the
// exact text also goes in the data, so an import never depends on them.
const needsExactText = (text: string) =>
  text !== text.replace(/\s+/g, ' ').trim() || /[\\[\]<>{}#*_@`~=$|:]/.test(text);

// Braces and brackets inside strings would end Argdown's {data} early: write them as \u escapes.
const json = (v: unknown) =>
  JSON.stringify(v).replace(/[{}[\]]/g, (ch, i: number, all: string) => {
    // Only inside string literals: count unescaped quotes before this position.
    const before = all.slice(0, i).replace(/\\./g, '');
    return (before.match(/"/g)?.length ?? 0) % 2 === 1
      ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
      : ch;
  });

function data(entries: Record<string, unknown>): string {
  const kept = Object.entries(entries).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length),
  );
  if (!kept.length) return '';
  return ` {${kept.map(([k, v]) => `${JSON.stringify(k)}: ${json(v)}`).join(', ')}}`;
}

/** The map as Argdown text that Argdown's own parser reads back into the same relations. */
export function toArgdown(doc: MapDocument): string {
  const ordered = orderedClaims(doc);
  const label = new Map(ordered.map((o) => [o.claim.id, o.label]));
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source.slug]));
  const out = [
    '===',
    `title: ${JSON.stringify(doc.title)}`,
    `motion: ${JSON.stringify(doc.debate.motion)}`,
    'generator: counterpoint',
    '===',
    '',
  ];
  for (const thesis of doc.debate.theses) {
    out.push(`# ${thesisLabel(thesis)}: ${escapeArgdown(thesis.label)}`, '');
    out.push(
      `[${thesisLabel(thesis)}]: ${escapeArgdown(thesis.text)}${data({ source: thesis.source.slug })}`,
    );
    for (const o of ordered.filter((x) => x.thesis.id === thesis.id)) {
      const pad = '  '.repeat(o.depth + 1);
      const quotes = doc.anchors
        .filter((a) => a.claimId === o.claim.id)
        .map((a) => ({
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
      for (const l of doc.links.filter((x) => x.fromClaimId === o.claim.id)) {
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
