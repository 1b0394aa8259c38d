// @vitest-environment jsdom
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { seededDebate } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { toWebAnnotations } from '@/lib/domain/exchange/to-web-annotations';
import type { SourceView } from '@/lib/domain/views';
import { ArticleBody } from './article-body';

// Every exported quote must anchor where annotation clients look for it: in a page's DOM. An
// annotation client (here Apache Annotator, as Hypothesis does it) finds prefix + exact + suffix
// in the text of the page, where paragraphs are elements with no blank line between them.

/** The article as the app shows it (its own component), and as a plain web page would. */
const pages = {
  'the app’s article view': (source: SourceView) =>
    renderToStaticMarkup(
      createElement(ArticleBody, { sourceId: source.id, blocks: source.blocks }),
    ),
  'a plain web page': (source: SourceView) =>
    `<article>\n  <h1>${source.title}</h1>\n${source.blocks
      .map((b) => `  <p>${b.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}\n</article>`,
};

describe('exported Web Annotations anchor in a real DOM of each article', () => {
  for (const [name, render] of Object.entries(pages)) {
    it(`finds every quote of a large map in ${name}, once and exactly`, async () => {
      const debate = seededDebate();
      const doc = syntheticMap(debate, 1500);
      const items = toWebAnnotations(doc).first.items;
      expect(items.length).toBeGreaterThan(100);
      let found = 0;
      for (const { source } of debate.theses) {
        document.body.innerHTML = render(source);
        const targets = items.filter((i) => i.target.source['dcterms:title'] === source.title);
        for (const item of targets) {
          const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
          const matches = [];
          for await (const range of createTextQuoteSelectorMatcher({
            type: 'TextQuoteSelector',
            exact: String(quote.exact),
            prefix: String(quote.prefix),
            suffix: String(quote.suffix),
          })(document.body))
            matches.push(range.toString());
          expect(matches, `${quote.exact} in ${source.title}`).toEqual([quote.exact]);
          found++;
        }
      }
      expect(found).toBe(items.length);
    });
  }
});
