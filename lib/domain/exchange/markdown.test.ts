import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { orderedClaims, type MapDocument } from './document';
import { arbitraryMap, PROPERTY_TIMEOUT, sampleMap } from '@/tests/support/maps/fixtures';
import { escapeMarkdown, toMarkdown } from './to-markdown';

// The most permissive common setup: raw HTML passed through (as CommonMark and GitHub allow), bare
// URLs linked, GFM tables and strikethrough on.
const markdownIt = new MarkdownIt({ html: true, linkify: true });
const render = (doc: MapDocument) => markdownIt.render(toMarkdown(doc));

/** Text content of HTML that has no tags (what a browser shows). */
const textOf = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** What rendering keeps of a text: HTML shows runs of whitespace as one space. */
const shown = (text: string) => text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();

// The export's own markup: any other element came from user text.
const OWN_TAGS = new Set(['h1', 'h2', 'p', 'strong', 'em', 'blockquote', 'ul', 'li', 'a']);

function rendered(doc: MapDocument) {
  const html = render(doc);
  const claims = new Map(
    [
      ...html.matchAll(
        // In a tight list (no blank line inside) an item's text is not wrapped in <p>.
        /<(?:p|li)><strong>(?:Pro|Con|Rebuttal)<\/strong> \((C\d+)\): ([^<\n]*?)(?: <em>\(strength [1-5]\/5\)<\/em>)?(?=<\/p>|<\/li>|\n)/g,
      ),
    ].map((m) => [m[1]!, textOf(m[2]!)]),
  );
  return {
    html,
    title: textOf(/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '(no title)'),
    claims,
    notes: [...html.matchAll(/<p><em>Note:<\/em> ([^<]*)<\/p>/g)].map((m) => textOf(m[1]!)),
    quotes: [...html.matchAll(/<blockquote>\n<p>“([^<]*)”\n— [^<]*<\/p>\n<\/blockquote>/g)].map(
      (m) => textOf(m[1]!),
    ),
    tags: new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase())),
    hrefs: [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!),
  };
}

describe('Markdown export', () => {
  it('nests claims under their thesis with stance, quotes as blockquotes with source, notes and cross-links', () => {
    const md = toMarkdown(sampleMap());
    expect(md).toContain('# Team A: “final” case');
    expect(md).toContain('## Thesis 1: Track II can open talks');
    expect(md).toContain('- **Pro** (C1): Kim invited Moon to visit the North _(strength 4/5)_');
    expect(md).toContain('  - **Con** (C2): Sport diplomacy has limits');
    expect(md).toContain('    - **Rebuttal** (C3): The poll shows support for talks');
    expect(md).toContain('  > “Kim Jong-un might just have opened a path to real negotiations”');
    expect(md).toContain(
      '  > — “How informal diplomacy might just get the Koreas to the negotiating table”, Priscilla Jung Kim, The Conversation (2018-02-23)',
    );
    expect(md).toContain('  _Note:_ An invitation is not a summit.');
    expect(md).toContain('  ↘ Attacks (other side): C2 “Sport diplomacy has limits”');
    expect(md).toContain('  ↘ Attacks (other side): the thesis “Track II can open talks”');
  });

  it('ends each blockquote: the note and cross-links after a quote are not part of it', () => {
    const { html } = rendered(sampleMap());
    const quotes = [...html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1]!);
    expect(quotes).toHaveLength(4); // two theses, two quotes
    for (const q of quotes) expect(q).not.toMatch(/Note:|Supports|Attacks/);
    expect(html).toContain('<p><em>Note:</em> An invitation is not a summit.</p>');
    expect(html).toContain('<p>↘ Attacks (other side): the thesis “Track II can open talks”</p>');
  });

  it('shows markup, HTML, links and images typed in a claim as text, never as markup', () => {
    const doc = sampleMap();
    const texts = [
      '<script>alert(1)</script> *bold* _it_ `code` ~~gone~~',
      '[a link](javascript:alert(1)) ![an image](https://example.com/x.png) <img src=x onerror=alert(1)>',
      'See https://example.com/report, www.example.com, a@example.com and <https://example.com>',
      '# not a heading | a | table | &amp; &lt;b&gt; \\*',
    ];
    texts.forEach((t, i) => (doc.claims[i]!.text = t));
    doc.claims[0]!.note = '> not a quote\n\n- not a list\n1. nor this';
    const r = rendered(doc);
    expect(r.html).not.toMatch(/<script|<img|<code|<s>|<del|<table/);
    expect(r.hrefs.sort()).toEqual([
      'https://clock.uclan.ac.uk/30847/',
      'https://theglobepost.com/',
    ]);
    texts.forEach((t, i) => expect(r.claims.get(`C${i + 1}`)).toBe(t));
    expect(r.notes[0]).toBe('> not a quote - not a list 1. nor this');
  });

  it(
    'renders every claim, note and quote as exactly its text, and user text adds no markup (property)',
    () => {
      const sources = sampleMap().debate.theses.map((t) => t.source.url);
      fc.assert(
        fc.property(arbitraryMap(), (doc) => {
          const r = rendered(doc);
          const ordered = orderedClaims(doc);
          expect(r.title).toBe(shown(doc.title));
          expect(r.claims).toEqual(new Map(ordered.map((o) => [o.label, shown(o.claim.text)])));
          expect(r.notes).toEqual(ordered.map((o) => shown(o.claim.note)).filter(Boolean));
          expect(r.quotes).toEqual(
            ordered.flatMap((o) =>
              doc.anchors.filter((a) => a.claimId === o.claim.id).map((a) => shown(a.exact)),
            ),
          );
          expect([...r.tags].filter((t) => !OWN_TAGS.has(t))).toEqual([]);
          for (const href of r.hrefs) expect(sources).toContain(href);
        }),
        { numRuns: 80 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('escapes list markers where a block starts', () => {
    expect(escapeMarkdown('- a', true)).toBe('\\- a');
    expect(escapeMarkdown('12. a', true)).toBe('12\\. a');
    expect(escapeMarkdown('- a')).toBe('- a');
    expect(markdownIt.render(`> ${escapeMarkdown('1) a', true)}`)).toBe(
      '<blockquote>\n<p>1) a</p>\n</blockquote>\n',
    );
  });
});
