import PDFDocument from 'pdfkit';
import type { Brief, BriefPoint } from '@/lib/domain/brief';

// The debate brief as a PDF, with pdfkit's built-in Helvetica and Times (no font files to ship).

const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

/** Renders a brief to PDF bytes. */
export function renderBriefPdf(brief: Brief): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
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

  const heading = (text: string, size = 14) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor('#1c1917').text(text);
    doc.moveDown(0.3);
  };
  const body = (text: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc.font('Helvetica').fontSize(10.5).fillColor('#1c1917').text(text, opts);
  const quotes = (p: BriefPoint, indent: number) => {
    for (const q of p.quotes) {
      doc
        .font('Times-Italic')
        .fontSize(10.5)
        .fillColor('#44403c')
        .text(`“${flat(q.exact)}”`, { indent });
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor('#57534e')
        .text(`— ${q.citation}, ${q.url}`, { indent });
    }
  };
  const rating = (p: BriefPoint) => (p.claim.strength ? `  [strength ${p.claim.strength}/5]` : '');

  doc.font('Helvetica').fontSize(9).fillColor('#57534e').text(`Motion: ${brief.motion}`);
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor('#1c1917')
    .text(`Brief: ${brief.thesis.label}`);
  body(flat(brief.thesis.text));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#57534e')
    .text(`From the map “${brief.title}”. Opponent: ${brief.opponent.label}.`);
  if (brief.gaps) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10.5).fillColor('#9f1239');
    doc.text(
      `${brief.gaps} objection${brief.gaps === 1 ? ' has' : 's have'} no prepared rebuttal (marked GAP below).`,
    );
  }

  heading('1. Our case (strongest first)');
  if (!brief.case.length) body('No supporting claims yet.');
  brief.case.forEach((p, i) => {
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#065f46')
      .text(`${i + 1}. ${flat(p.claim.text)}${rating(p)}`);
    quotes(p, 14);
    for (const s of p.support) {
      body(`+ ${flat(s.claim.text)}`, { indent: 14 });
      quotes(s, 28);
    }
    if (p.claim.note) body(`Note: ${flat(p.claim.note)}`, { indent: 14 });
  });

  heading('2. Objections to expect, and our rebuttals');
  if (!brief.objections.length) body('No objections mapped yet.');
  brief.objections.forEach((o, i) => {
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(o.gap ? '#9f1239' : '#1c1917');
    doc.text(
      `${o.gap ? 'GAP – ' : ''}Objection ${i + 1}${o.fromOtherSide ? ' (from the other side)' : ''}: ${flat(o.claim.text)}`,
    );
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#57534e')
      .text(`Against ${flat(o.target)}`, { indent: 14 });
    quotes(o, 14);
    if (o.gap) body('No rebuttal prepared yet.', { indent: 14 });
    for (const r of o.rebuttals) {
      doc
        .font('Helvetica-Bold')
        .fontSize(10.5)
        .fillColor('#065f46')
        .text(`Rebuttal: ${flat(r.claim.text)}${rating(r)}`, { indent: 14 });
      quotes(r, 28);
    }
  });

  heading('3. Our objections to the other side');
  if (!brief.attacks.length) body('None mapped yet.');
  for (const a of brief.attacks) {
    body(`– ${flat(a.claim.text)}${rating(a)}`);
    body(`Against ${flat(a.target)}${a.byLink ? ' (cross-link from our side)' : ''}`, {
      indent: 14,
    });
    quotes(a, 14);
  }
  doc.end();
  return done;
}
