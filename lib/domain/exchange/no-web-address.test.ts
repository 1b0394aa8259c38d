import { describe, expect, it } from 'vitest';
import { buildBrief } from '../brief';
import type { MapDocument } from './document';
import { fromAif } from './from-aif';
import { parseArgdown } from './argdown-parser';
import { fromArgdown } from './from-argdown';
import { materialize } from './imported-map';
import { idCounter, sampleMap } from '@/tests/support/maps/fixtures';
import { toAif } from './to-aif';
import { toArgdown } from './to-argdown';
import { toMarkdown } from './to-markdown';
import { toWebAnnotations } from './to-web-annotations';

/** The sample map on a debate whose two articles were pasted in without a web address. */
function withoutWebAddress(): MapDocument {
  const doc = sampleMap();
  return {
    ...doc,
    debate: {
      ...doc.debate,
      theses: doc.debate.theses.map((t) => ({ ...t, source: { ...t.source, url: '' } })),
    },
  };
}

describe('an article without a web address, in every export', () => {
  const doc = withoutWebAddress();

  it('W3C annotations name it by its stable URN, with nothing empty in place of a link', () => {
    const wa = toWebAnnotations(doc, 'https://example.org/maps/m1');
    expect(wa.first.items).toHaveLength(doc.anchors.length);
    for (const item of wa.first.items) {
      expect(item.target.source.id).toMatch(/^urn:counterpoint:source:\S+$/);
      expect(item.target.source).not.toHaveProperty('dcterms:isPartOf');
    }
    expect(JSON.stringify(wa)).not.toContain('""');
  });

  it('AIF leaves the address out, and reads back the same', () => {
    const aif = toAif(doc);
    const text = JSON.stringify(aif);
    expect(text).not.toMatch(/"(url|sourceUrl)"/);
    const quotes = Object.values(aif.counterpoint!.claims).flatMap((c) => c.quotes ?? []);
    expect(quotes.length).toBeGreaterThan(0);
    const again = toAif(materialize(fromAif(text), doc.debate, 'AIF', idCounter()));
    expect(JSON.stringify(again)).toBe(text);
  });

  it('Markdown says there is none, and Argdown is read by its own parser and back', () => {
    const md = toMarkdown(doc);
    expect(md).toContain('(2018-02-23), no web address given');
    expect(md).not.toContain('<>');
    const argdown = toArgdown(doc);
    const parsed = parseArgdown(argdown);
    expect(parsed.parserErrors ?? []).toEqual([]);
    expect(parsed.lexerErrors ?? []).toEqual([]);
    const back = materialize(fromArgdown(argdown), doc.debate, 'Argdown', idCounter());
    expect(back.claims).toHaveLength(doc.claims.length);
    expect(back.anchors).toHaveLength(doc.anchors.length);
  });

  it('the brief lists the source with an empty address, for the page to say so', () => {
    const brief = buildBrief(doc, doc.debate.theses[0]!.id);
    expect(brief.sources.map((s) => s.url)).toEqual(['', '']);
  });
});
