import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, startMap, test } from '../fixtures';

// The brief is the whole map: a four-level chain built with the keyboard, every claim and the
// deepest claim's note are in the brief's text, and in its PDF.

const CHAIN = [
  ['p', 'Track II opened a channel'],
  ['c', 'The channel closed after the games'],
  ['c', 'The hotline reopened in 2018'],
  ['p', 'Moon and Kim met three times that year'],
] as const;

test('a four-level map is in the brief whole, notes included, on the page and in the PDF', async ({
  page,
}) => {
  const mapUrl = await startMap(page);
  await page.locator('[data-thesis-keys]').first().focus();
  for (const [key, text] of CHAIN) {
    await page.keyboard.press(key);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-claim-row]', { hasText: text })).toBeFocused();
  }
  await page.keyboard.press('n');
  await page.keyboard.type('Three summits is the strongest fact we have.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('[data-save-status="saved"]').waitFor();

  await page.goto(`${mapUrl}/brief?side=1`);
  const brief = page.locator('main');
  for (const [, text] of CHAIN) await expect(brief).toContainText(text);
  await expect(brief).toContainText('Three summits is the strongest fact we have.');

  const pdf = await page.request.get(`${mapUrl}/export/brief-pdf?side=1`);
  expect(pdf.ok()).toBe(true);
  const text = await pdfText(await pdf.body());
  for (const [, claim] of CHAIN) expect(text).toContain(claim);
  expect(text).toContain('Three summits is the strongest fact we have.');
});

/** The PDF's text as a reader sees it, all pages, whitespace squashed. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/'),
  }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const x of content.items) if ('str' in x) text += x.str + (x.hasEOL ? ' ' : '');
  }
  return text.replace(/\s+/g, ' ');
}
