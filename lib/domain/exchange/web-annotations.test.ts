import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DebateView, SourceView } from '../views';
import type { MapDocument } from './document';
import {
  arbitraryMap,
  PROPERTY_TIMEOUT,
  sampleMap,
  seededDebate,
} from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { toWebAnnotations } from './to-web-annotations';

interface Quote {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
interface Position {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The text positions count in, rebuilt as the export's own description says (not from our code). */
const documentedText = (source: SourceView) => source.blocks.map((b) => b.text).join('\n\n');
/** Positions count Unicode code points. */
const slice = (text: string, start: number, end: number) =>
  Array.from(text).slice(start, end).join('');

/** The debate with characters outside the BMP (two UTF-16 units each) before every quote. */
function astralDebate(): DebateView {
  const debate = seededDebate();
  return {
    ...debate,
    theses: debate.theses.map((t) => ({
      ...t,
      source: {
        ...t.source,
        blocks: [{ type: 'heading', text: '😀 𝕂orea 𝔸nalysis 🇰🇷' }, ...t.source.blocks],
      },
    })),
  };
}

/** Every annotation's selectors, checked against the documented text of its article. */
function expectPositionsOnQuotes(doc: MapDocument) {
  const wa = toWebAnnotations(doc, 'https://example.org/maps/m1');
  expect(wa.first.items).toHaveLength(doc.anchors.length);
  const texts = new Map(
    doc.debate.theses.map((t) => [articleId(t.source), documentedText(t.source)]),
  );
  for (const item of wa.first.items) {
    const [quote, position] = item.target.selector as [Quote, Position];
    const text = texts.get(item.target.source.id)!;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    expect(slice(text, position.start, position.end)).toBe(quote.exact);
    expect(
      slice(text, Math.max(0, position.start - Array.from(quote.prefix).length), position.start),
    ).toBe(quote.prefix);
    expect(slice(text, position.end, position.end + Array.from(quote.suffix).length)).toBe(
      quote.suffix,
    );
  }
}

const articleId = (source: SourceView) =>
  source.url === 'https://theglobepost.com/'
    ? `urn:counterpoint:source:${source.slug}`
    : source.url;

describe('Web Annotation export', () => {
  it('gives every quote a TextQuoteSelector and a TextPositionSelector on the article', () => {
    const doc = sampleMap();
    const wa = toWebAnnotations(doc, 'https://example.org/s/abc');
    expect(wa['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(wa.total).toBe(2);
    const first = wa.first.items[0]!;
    expect(first.target.source.id).toBe('https://clock.uclan.ac.uk/30847/');
    expect(first.body.value).toBe('Kim invited Moon to visit the North');
    const [quote, position] = first.target.selector as [Quote, Position];
    expect(quote.exact).toBe('Kim Jong-un might just have opened a path to real negotiations');
    const text = documentedText(doc.debate.theses[0]!.source);
    expect(slice(text, position.start, position.end)).toBe(quote.exact);
  });

  it('names the article itself, never a home page: a stable URN where the capture has no URL', () => {
    const wa = toWebAnnotations(sampleMap());
    const globe = wa.first.items[1]!.target.source;
    expect(globe).toEqual({
      id: 'urn:counterpoint:source:globe-post-olympic-charm-offensive-2018',
      type: 'Text',
      'dcterms:title': 'North Korea’s Olympic Charm Offensive',
      'dcterms:publisher': 'The Globe Post',
      'dcterms:isPartOf': { id: 'https://theglobepost.com/' },
    });
    const synthetic = toWebAnnotations(syntheticMap(seededDebate(), 1000));
    const targets = new Set(synthetic.first.items.map((i) => i.target.source.id));
    expect([...targets].sort()).toEqual([
      'https://clock.uclan.ac.uk/30847/',
      'urn:counterpoint:source:globe-post-olympic-charm-offensive-2018',
    ]);
  });

  it('gives the collection, the embedded page and every annotation an id, and says what positions count', () => {
    for (const url of ['https://example.org/maps/m1', undefined]) {
      const wa = toWebAnnotations(syntheticMap(seededDebate(), 500), url);
      const ids = [wa.id, wa.first.id, ...wa.first.items.map((i) => i.id)];
      for (const id of ids) expect(id).toMatch(/^(https:\/\/|urn:counterpoint:)\S+$/);
      expect(new Set(ids).size).toBe(ids.length);
      expect(wa.first.partOf).toBe(wa.id);
      expect(wa['rdfs:comment']).toMatch(/code points .* joined by two line feeds/);
    }
  });

  it('puts every TextPositionSelector on its quote in the documented text: sample and synthetic maps', () => {
    expectPositionsOnQuotes(sampleMap());
    expectPositionsOnQuotes(syntheticMap(seededDebate(), 2000));
    expectPositionsOnQuotes(syntheticMap(seededDebate(), 500, 7));
  });

  it('counts positions in code points, so characters outside the BMP do not shift them', () => {
    const doc = syntheticMap(astralDebate(), 1000);
    expect(doc.anchors.length).toBeGreaterThan(50);
    expectPositionsOnQuotes(doc);
  });

  it(
    'puts every TextPositionSelector on its quote for any map (property)',
    () => {
      fc.assert(
        fc.property(arbitraryMap(), (doc) => expectPositionsOnQuotes(doc)),
        { numRuns: 60 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('keeps the note under a term the Web Annotation context does not drop', () => {
    const wa = toWebAnnotations(sampleMap());
    expect(wa.first.items[0]!.body).toMatchObject({
      'schema:description': 'An invitation is not a summit.',
    });
  });
});
