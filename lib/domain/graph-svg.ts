import {
  boxHelps,
  LINE_PX,
  MAX_LINES,
  TEXT_PX,
  THESIS_LINES,
  wrapLines,
  type Graph,
} from './graph';
import { ARROW_COLOUR, arrowDash, routePath, type GraphLayout } from './graph-layout';
import { plural } from '../format';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLOURS = {
  helps: { border: '#059669', fill: '#ecfdf5', ink: '#065f46' },
  against: { border: '#e11d48', fill: '#fff1f2', ink: '#9f1239' },
  thesis: { border: '#1c1917', fill: '#ffffff', ink: '#44403c' },
};
const PAD = 40;

/**
 * The whole graph as one SVG picture, drawn from the layout (not from the screen, which holds
 * only the boxes in view): every box with its text in lines, every arrow along its route. It is
 * vector, so a map of any size stays readable when zoomed.
 */
export function graphSvg(graph: Graph, layout: GraphLayout, title: string): string {
  const { width, height } = layout.bounds;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * PAD}" height="${height + 2 * PAD}" viewBox="${-PAD} ${-PAD} ${width + 2 * PAD} ${height + 2 * PAD}" font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif">`,
    `<title>${esc(title)}</title>`,
    '<defs>',
    ...Object.entries(ARROW_COLOUR).map(
      ([k, c]) =>
        `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    '</defs>',
    `<rect x="${-PAD}" y="${-PAD}" width="${width + 2 * PAD}" height="${height + 2 * PAD}" fill="#ffffff"/>`,
  ];
  for (const e of graph.edges) {
    const points = layout.routes[e.id];
    if (!points || points.length < 2) continue;
    const dash = arrowDash(e);
    out.push(
      `<path class="arrow" d="${routePath(points, e.cross)}" fill="none" stroke="${ARROW_COLOUR[e.stance]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#arrow-${e.stance})"/>`,
    );
  }
  for (const n of graph.nodes) {
    const p = layout.positions[n.id];
    if (!p) continue;
    const c = n.kind === 'thesis' ? COLOURS.thesis : boxHelps(n) ? COLOURS.helps : COLOURS.against;
    const label =
      n.kind === 'thesis'
        ? 'THESIS'
        : `${n.stance === 'pro' ? '+' : '−'} ${n.role === 'rebuttal' ? 'REBUTTAL' : n.stance === 'pro' ? 'PRO' : 'CON'}`;
    const lines = wrapLines(n.text);
    const max = n.kind === 'thesis' ? THESIS_LINES : MAX_LINES;
    const shown = lines.slice(0, max);
    if (lines.length > max) shown[max - 1] = `${shown[max - 1]!.slice(0, 28)}…`;
    const dash = n.stance === 'con' ? ' stroke-dasharray="6 4"' : '';
    const extras = [
      n.strength !== null ? `${'●'.repeat(n.strength)}${'○'.repeat(5 - n.strength)}` : '',
    ].join('');
    const foot =
      n.kind === 'claim'
        ? [
            n.quotes ? plural(n.quotes, 'quote') : 'No quote',
            n.hasNote ? 'Note' : '',
            n.hiddenReplies ? `+${n.hiddenReplies} hidden` : '',
          ]
            .filter(Boolean)
            .join(' · ')
        : '';
    out.push(
      `<g data-box="${esc(n.id)}"><rect x="${p.x}" y="${p.y}" width="${n.width}" height="${n.height}" rx="6" fill="${c.fill}" stroke="${c.border}" stroke-width="2"${dash}/>`,
      `<text x="${p.x + 12}" y="${p.y + 22}" font-size="12" font-weight="700" fill="${c.ink}">${esc(label)}${extras ? `  ${extras}` : ''}</text>`,
      `<text x="${p.x + 12}" y="${p.y + 32}" font-size="${TEXT_PX}" fill="#1c1917">${shown
        .map((l) => `<tspan x="${p.x + 12}" dy="${LINE_PX}">${esc(l)}</tspan>`)
        .join('')}</text>`,
      foot
        ? `<text x="${p.x + 12}" y="${p.y + n.height - 12}" font-size="12" font-weight="600" fill="#44403c">${esc(foot)}</text>`
        : '',
      '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
