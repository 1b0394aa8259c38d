import PDFDocument from 'pdfkit';
import { flattenBrief, roleLabel, type Brief, type BriefNode } from '@/lib/domain/brief';
import { LOST_QUOTE } from '@/lib/domain/reanchor';

// The debate brief as a PDF, with pdfkit's built-in Helvetica and Times (no font files to ship).
// Readable type (12 pt claims, 11 pt quotes and notes) over as many A4 pages as it needs: pdfkit
// starts a new page whenever text reaches the bottom margin.

const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

const INK = '#1c1917';
const MUTED = '#57534e';
const US = '#065f46';
const THEM = '#9f1239';
/** Indent per level, and the level after which deep trees stop indenting. */
const STEP = 16;
const MAX_INDENT = 6;

/** Renders a brief to PDF bytes. */
export function renderBriefPdf(brief: Brief): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: `Debate brief: ${brief.thesis.label}`,
      Subject: brief.motion,
      Creator: 'Counterpoint',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const heading = (text: string) => {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(16).fillColor(INK).text(text, 56);
    doc.moveDown(0.4);
  };
  const body = (text: string, indent = 0, color = INK) =>
    doc
      .font('Helvetica')
      .fontSize(11.5)
      .fillColor(color)
      .text(text, 56 + indent);

  const node = (n: BriefNode, ours: boolean) => {
    const x = Math.min(n.depth, MAX_INDENT) * STEP;
    const level = n.depth >= MAX_INDENT ? ` (level ${n.depth + 1})` : '';
    const rating = n.claim.strength ? `  [strength ${n.claim.strength}/5]` : '';
    doc.moveDown(0.5);
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(n.helps === 'us' ? US : THEM)
      .text(`${n.gap ? 'GAP – ' : ''}${roleLabel(n, ours)}${level}: `, 56 + x, undefined, {
        continued: true,
      })
      .font('Helvetica')
      .fillColor(INK)
      .text(`${flat(n.claim.text)}${rating}`);
    for (const q of n.quotes) {
      doc
        .moveDown(0.15)
        .font('Times-Italic')
        .fontSize(11.5)
        .fillColor('#44403c')
        .text(`“${flat(q.exact)}”`, 56 + x + STEP, undefined, { continued: true })
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor(MUTED)
        .text(
          `  — ${brief.sources[q.source - 1]?.short ?? 'source'}${q.lost ? ` (${LOST_QUOTE.toLowerCase()})` : ''}`,
        );
    }
    if (n.claim.note) {
      doc.moveDown(0.15);
      body(`Note: ${flat(n.claim.note)}`, x + STEP, MUTED);
    }
  };
  const tree = (nodes: BriefNode[], ours: boolean) => {
    if (!nodes.length) body('No claims yet.');
    for (const n of flattenBrief(nodes)) node(n, ours);
  };

  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`Motion: ${brief.motion}`);
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .fontSize(22)
    .fillColor(INK)
    .text(`Brief: ${brief.thesis.label}`);
  body(flat(brief.thesis.text));
  const missing = brief.claimCount - brief.shown;
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      `From the map “${brief.title}”. Opponent: ${brief.opponent.label}. ` +
        (missing > 0
          ? `${missing} claim${missing === 1 ? ' is' : 's are'} not shown (their place in the map is broken). `
          : `All ${brief.claimCount} claim${brief.claimCount === 1 ? '' : 's'} of the map are below. `) +
        'Green helps our side, red helps theirs.',
    );
  if (brief.gaps) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11.5).fillColor(THEM);
    doc.text(
      `${brief.gaps} objection${brief.gaps === 1 ? ' has' : 's have'} no prepared rebuttal (marked GAP below).`,
    );
  }

  heading(`1. Our case: ${brief.thesis.label}`);
  tree(brief.case, true);

  heading('2. Objections to expect, and our rebuttals');
  if (!brief.objections.length) body('No objections mapped yet.');
  brief.objections.forEach((o, i) => {
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(o.gap ? THEM : INK)
      .text(
        `${o.gap ? 'GAP – ' : ''}${i + 1}${o.fromOtherSide ? ' (from the other side)' : ''}: ${flat(o.claim.text)}`,
        56,
      );
    body(`Against ${flat(o.target)}`, STEP, MUTED);
    if (o.gap) body('No rebuttal prepared yet.', STEP, THEM);
    for (const r of o.rebuttals) body(`Rebuttal: ${flat(r.claim.text)}`, STEP, US);
  });

  heading(`3. Their case: ${brief.opponent.label}`);
  tree(brief.theirCase, false);

  heading('Sources');
  for (const s of brief.sources)
    body(`[${s.number}] ${s.citation}. ${s.url || 'No web address given.'}`);

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: without this pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${brief.thesis.label} · page ${i + 1} of ${range.count}`, 56, doc.page.height - 40, {
        width: doc.page.width - 112,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
