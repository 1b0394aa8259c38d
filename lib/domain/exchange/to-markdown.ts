import { citation, orderedClaims, type MapDocument } from './document';

/** A Markdown outline: nested lists per thesis, stance in bold, quotes as blockquotes with source. */
export function toMarkdown(doc: MapDocument): string {
  const ordered = orderedClaims(doc);
  const byId = new Map(ordered.map((o) => [o.claim.id, o]));
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source]));
  const out: string[] = [`# ${doc.title}`, '', `**Motion:** ${doc.debate.motion}`, ''];
  for (const thesis of doc.debate.theses) {
    out.push(`## Thesis ${thesis.position + 1}: ${thesis.label}`, '', `> ${thesis.text}`, '');
    out.push(`Source: ${citation(thesis.source)}, ${thesis.source.url}`, '');
    for (const o of ordered.filter((x) => x.thesis.id === thesis.id)) {
      const pad = '  '.repeat(o.depth);
      const parentStance = o.claim.parentId ? byId.get(o.claim.parentId)?.claim.stance : null;
      const kind = o.claim.stance === 'pro' ? 'Pro' : parentStance === 'con' ? 'Rebuttal' : 'Con';
      const strength = o.claim.strength ? ` _(strength ${o.claim.strength}/5)_` : '';
      out.push(
        `${pad}- **${kind}** (${o.label}): ${o.claim.text.replace(/\s*\n\s*/g, ' ')}${strength}`,
      );
      for (const a of doc.anchors.filter((x) => x.claimId === o.claim.id)) {
        const s = sources.get(a.sourceId);
        out.push(`${pad}  > “${a.exact}”`, `${pad}  > — ${s ? citation(s) : 'unknown source'}`);
      }
      if (o.claim.note) out.push(`${pad}  _Note:_ ${o.claim.note.replace(/\s*\n\s*/g, ' ')}`);
      for (const l of doc.links.filter((x) => x.fromClaimId === o.claim.id)) {
        const target = l.toClaimId
          ? `${byId.get(l.toClaimId)?.label ?? '?'} “${byId.get(l.toClaimId)?.claim.text ?? ''}”`
          : `the thesis “${doc.debate.theses.find((t) => t.id === l.toThesisId)?.label ?? ''}”`;
        out.push(
          `${pad}  ${l.stance === 'pro' ? '↗ Supports' : '↘ Attacks'} (other side): ${target}`,
        );
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
