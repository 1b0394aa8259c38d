import { locateQuote, type QuoteLocation, selectorAt } from '../quote-anchoring';
import type { AnchorView, SourceView } from '../views';
import type { MapDocument } from './document';

// Every anchored quote as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the
// claim is the body; the target is the quoted passage of the article, found by a
// TextQuoteSelector and a TextPositionSelector.
//
// Which text the selectors count in: none of the articles' web pages is the text students quote
// (pages add titles, bylines, captions, menus and comments, which differ between captures). So
// positions count in a text any client can rebuild from the article's paragraphs, stated in the
// collection itself (POSITIONS_COUNT_IN): the article's body blocks, as Counterpoint shows them,
// joined by a blank line. As the model requires, they count Unicode code points,
// not UTF-16 units. Prefix and suffix are the quote's context within its own block: they stop at
// the block's edges, as a page's DOM has no blank line between paragraphs (Apache Annotator and
// Hypothesis match prefix + exact + suffix in the page's text).
//
// Which article: the target's source is the article's own URL when its capture has one. The Globe
// Post's capture has none (its seed URL is the publisher's home page, which would make every quote
// a quote of the home page), so such a source is named by a URN made from its seed slug, stable
// across databases (ids are not); the model allows any IRI as a source. The source is written as
// an object that also gives the title and publisher (Dublin Core, whose prefixes the Web
// Annotation context defines), and, for a URN, the publisher's site as dcterms:isPartOf: the
// article is part of that site, which is all the capture tells of where it was published.

/** How TextPositionSelector offsets are to be read, written into every export. */
const POSITIONS_COUNT_IN =
  'TextPositionSelector start and end count Unicode code points in the text of the target’s ' +
  'source as Counterpoint shows it: the article’s body blocks (paragraphs, headings and block ' +
  'quotes, in order; title, standfirst, byline and captions excluded), each exactly as shown, ' +
  'joined by two line feeds ("\\n\\n"). TextQuoteSelector prefix and suffix are the text just ' +
  'before and after the quote within its own block, never across a block’s edge. Where the source is a urn:counterpoint:source: URN, the capture of the article has no ' +
  'URL of its own; dcterms:isPartOf names the publisher’s site when one is known.';

/** A web address, or null. */
function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** The target's source: the article, by its own URL or by a stable URN (see above). */
function articleResource(source: SourceView) {
  const url = webUrl(source.url);
  // A site's bare home page cannot name one article.
  const own = url !== null && (url.pathname !== '/' || url.search !== '');
  return {
    id: own ? source.url : `urn:counterpoint:source:${encodeURIComponent(source.slug)}`,
    type: 'Text',
    'dcterms:title': source.title,
    'dcterms:publisher': source.publisher,
    ...(!own && url ? { 'dcterms:isPartOf': { id: source.url } } : {}),
  };
}

/** The length of a string in Unicode code points (a surrogate pair is one). */
const codePoints = (s: string) =>
  s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/** An article's blocks, with each block's start in code points of the documented text. */
function positionText(source: SourceView) {
  const points: number[] = [];
  let point = 0;
  for (const block of source.blocks) {
    points.push(point);
    point += codePoints(block.text) + 2; // the "\n\n" that joins blocks
  }
  return { points, blocks: source.blocks.map((b) => b.text) };
}

/** The two selectors of one quote, or null when the stored place no longer holds its words. */
function selectors(t: ReturnType<typeof positionText>, anchor: AnchorView) {
  let at: QuoteLocation | null = anchor;
  if (t.blocks[at.block]?.slice(at.start, at.end) !== anchor.exact)
    at = locateQuote(t.blocks, anchor, anchor.block);
  if (!at) return null;
  // Context stops at the block's edges: the blank line that joins blocks in the documented
  // text is not in any page's DOM, where blocks are elements (<p>, <h4>, <blockquote>).
  const { exact, prefix, suffix } = selectorAt(t.blocks, at);
  const start = t.points[at.block]! + codePoints(t.blocks[at.block]!.slice(0, at.start));
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start, end: start + codePoints(exact) },
  ];
}

/** The map's quotes as a Web Annotation collection in JSON-LD. */
export function toWebAnnotations(doc: MapDocument, mapUrl?: string) {
  const id = mapUrl ? `${mapUrl}#annotations` : 'urn:counterpoint:annotations';
  const claims = new Map(doc.claims.map((c) => [c.id, c]));
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source]));
  const texts = new Map<string, ReturnType<typeof positionText>>();
  const items = doc.anchors.flatMap((a) => {
    const claim = claims.get(a.claimId);
    const source = sources.get(a.sourceId);
    if (!claim || !source) return [];
    if (!texts.has(source.id)) texts.set(source.id, positionText(source));
    const selector = selectors(texts.get(source.id)!, a);
    if (!selector) return [];
    return [
      {
        id: `urn:counterpoint:anchor:${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: 'commenting',
        body: {
          type: 'TextualBody',
          value: claim.text,
          format: 'text/plain',
          purpose: 'commenting',
          // The Web Annotation context has no "description": a schema.org term survives JSON-LD.
          ...(claim.note ? { 'schema:description': claim.note } : {}),
        },
        target: { type: 'SpecificResource', source: articleResource(source), selector },
      },
    ];
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationCollection',
    label: `${doc.title}: quoted evidence`,
    'rdfs:comment': POSITIONS_COUNT_IN,
    total: items.length,
    first: {
      id: mapUrl ? `${mapUrl}#annotations-page-1` : 'urn:counterpoint:annotations:page-1',
      type: 'AnnotationPage',
      partOf: id,
      startIndex: 0,
      items,
    },
  };
}
