import { blockOffset, type MapDocument } from './document';

// Every anchored quote as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the
// claim is the body, the article's original URL the target, found by a TextQuoteSelector and a
// TextPositionSelector. Positions count in the article's text with paragraphs joined by a blank
// line ("\n\n"), as articleText() builds it.

/** The map's quotes as a Web Annotation collection in JSON-LD. */
export function toWebAnnotations(doc: MapDocument, mapUrl?: string) {
  const claims = new Map(doc.claims.map((c) => [c.id, c]));
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source]));
  const items = doc.anchors
    .filter((a) => claims.has(a.claimId) && sources.has(a.sourceId))
    .map((a) => {
      const claim = claims.get(a.claimId)!;
      const source = sources.get(a.sourceId)!;
      const start = blockOffset(source, a.block) + a.start;
      return {
        id: `urn:counterpoint:anchor:${a.id}`,
        type: 'Annotation',
        motivation: 'commenting',
        body: {
          type: 'TextualBody',
          value: claim.text,
          format: 'text/plain',
          purpose: 'commenting',
          ...(claim.note ? { description: claim.note } : {}),
        },
        target: {
          source: source.url,
          selector: [
            { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start, end: start + (a.end - a.start) },
          ],
        },
      };
    });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: mapUrl ? `${mapUrl}#annotations` : 'urn:counterpoint:annotations',
    type: 'AnnotationCollection',
    label: `${doc.title}: quoted evidence`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
