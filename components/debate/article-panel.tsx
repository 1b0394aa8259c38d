import type { ReactNode } from 'react';
import type { SourceView } from '@/lib/domain/views';
import { ArticleBody } from './article-body';
import { SourceAttribution } from './source-attribution';

/** An article with its attribution, in a card; `body` replaces the plain text when given. */
export function ArticlePanel({
  source,
  body,
  scroll = false,
}: {
  source: SourceView;
  body?: ReactNode;
  scroll?: boolean;
}) {
  return (
    <article
      aria-label={`Article: ${source.title}`}
      className={`rounded-lg border border-stone-200 bg-white p-4 sm:p-6 ${scroll ? 'max-h-[75vh] overflow-y-auto' : ''}`}
      tabIndex={scroll ? 0 : undefined}
    >
      <SourceAttribution source={source} />
      <hr className="my-4 border-stone-200" />
      {body ?? <ArticleBody sourceId={source.id} blocks={source.blocks} />}
    </article>
  );
}
