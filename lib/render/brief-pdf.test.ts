import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildBrief } from '@/lib/domain/brief';
import { deepMap } from '@/tests/support/maps/fixtures';
import { renderBriefPdf } from './brief-pdf';

/** The text of every page of a PDF, read by pdf.js as a PDF reader would, one string a page. */
async function pdfPages(bytes: Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/'),
  }).promise;
  const pages: { text: string; sizes: number[] }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const items = content.items.filter((x) => 'str' in x);
    pages.push({
      text: items.map((x) => x.str + (x.hasEOL ? ' ' : '')).join(''),
      sizes: items
        .filter((x) => x.str.trim())
        .map((x) => Math.hypot(x.transform[0]!, x.transform[1]!)),
    });
  }
  return pages;
}

const squash = (t: string) => t.replace(/\s+/g, ' ');

describe('the brief as a PDF', () => {
  it('carries every claim and note of a four-level map, in readable type over several pages', async () => {
    const doc = deepMap();
    const pages = await pdfPages(await renderBriefPdf(buildBrief(doc, 'thesis-1')));
    const text = squash(pages.map((p) => p.text).join(' '));
    for (const c of doc.claims) {
      expect(text, c.id).toContain(squash(c.text));
      if (c.note) expect(text, `note of ${c.id}`).toContain(squash(c.note));
    }
    // One sources list, not the full citation under every quote.
    expect(text.split('https://clock.uclan.ac.uk/30847/').length - 1).toBe(1);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)!.text).toContain(`page ${pages.length} of ${pages.length}`);
    // Nothing smaller than the page footer's 9 pt; the claims themselves at 12 pt.
    const sizes = pages.flatMap((p) => p.sizes);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(sizes.filter((s) => Math.round(s) === 12).length).toBeGreaterThanOrEqual(
      doc.claims.length,
    );
  });
});
