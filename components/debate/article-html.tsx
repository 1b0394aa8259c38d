import type { Block } from '@/lib/domain/views';
import { ARTICLE_CLASS, BLOCK_CLASS } from './article-body';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * An article's blocks as HTML: the markup ArticleBody draws for an article with nothing marked
 * (the same elements, ids and classes), written as text once per article's version. The blocks
 * of a debate's view are shared by every reader until the debate is edited
 * (lib/server/shared-parts.ts), so the HTML is remembered by the blocks array itself.
 */
const made = new WeakMap<readonly Block[], string>();

export function articleHtml(sourceId: string, blocks: readonly Block[]): string {
  const hit = made.get(blocks);
  if (hit !== undefined) return hit;
  const id = escape(sourceId);
  const html = blocks
    .map((block, i) => {
      const attrs = `data-block="${i}" id="${id}-block-${i}"`;
      const text = escape(block.text);
      if (block.type === 'heading')
        return `<h4 ${attrs} class="${BLOCK_CLASS.heading}">${text}</h4>`;
      if (block.type === 'quote')
        return `<blockquote ${attrs} class="${BLOCK_CLASS.quote}">${text}</blockquote>`;
      return `<p ${attrs}>${text}</p>`;
    })
    .join('');
  made.set(blocks, html);
  return html;
}

/**
 * A debate page's article (nothing marked, nothing to click): the HTML above, so a page that
 * shows both articles renders two strings instead of a few hundred elements per request.
 */
export function StaticArticleBody({ sourceId, blocks }: { sourceId: string; blocks: Block[] }) {
  return (
    <div
      data-article={sourceId}
      className={ARTICLE_CLASS}
      dangerouslySetInnerHTML={{ __html: articleHtml(sourceId, blocks) }}
    />
  );
}
