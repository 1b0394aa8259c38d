import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { seededDebate } from '@/tests/support/maps/fixtures';
import type { Block } from '@/lib/domain/views';
import { ArticleBody } from './article-body';
import { articleHtml, StaticArticleBody } from './article-html';

// The debate pages show each article as HTML written once per version of the debate
// (article-html.tsx): it must be exactly what ArticleBody draws for an article with nothing
// marked, so the page, its anchors (#<source>-block-<n>) and its styles are the same.

const react = (sourceId: string, blocks: Block[]) =>
  renderToStaticMarkup(createElement(ArticleBody, { sourceId, blocks }));
const ours = (sourceId: string, blocks: Block[]) =>
  renderToStaticMarkup(createElement(StaticArticleBody, { sourceId, blocks }));

describe('an article as HTML made once', () => {
  it('is ArticleBody’s markup, for both seeded articles', () => {
    for (const t of seededDebate().theses) {
      expect(ours(t.source.id, t.source.blocks)).toBe(react(t.source.id, t.source.blocks));
    }
  });

  it('escapes what the text holds and keeps every kind of block', () => {
    const blocks: Block[] = [
      { type: 'heading', text: 'Tom & Jerry <b>"quoted"</b>' },
      { type: 'paragraph', text: "It's <script>alert(1)</script> & more" },
      { type: 'quote', text: '“A quote” > nothing' },
    ];
    expect(ours('src-1', blocks)).toBe(react('src-1', blocks));
    expect(ours('src-1', blocks)).not.toContain('<script>');
  });

  it('is made once per blocks array (a debate view is kept until the debate is edited)', () => {
    const blocks: Block[] = [{ type: 'paragraph', text: 'Once.' }];
    const first = articleHtml('s', blocks);
    blocks[0] = { type: 'paragraph', text: 'Changed in place, which a kept view never is.' };
    expect(articleHtml('s', blocks)).toBe(first);
    expect(articleHtml('s', [...blocks])).toContain('Changed in place');
  });
});
