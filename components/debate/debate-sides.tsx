import { ArticlePanel } from '@/components/debate/article-panel';
import { StaticArticleBody } from '@/components/debate/article-html';
import { ThesisCard } from '@/components/debate/thesis-card';
import { SideTabs } from '@/components/side-tabs';
import type { DebateView } from '@/lib/domain/views';

/**
 * A debate's two sides, each its thesis over its article: side by side, tabs on a phone. The
 * articles' text is HTML made once per version of the debate (article-html.tsx).
 */
export function DebateSides({ theses }: { theses: DebateView['theses'] }) {
  const [a, b] = theses;
  if (!a || !b) throw new Error('A debate needs two theses.');
  return (
    <SideTabs
      labels={[a.label, b.label]}
      panels={
        [a, b].map((t) => (
          <div key={t.id} className="space-y-4">
            <ThesisCard thesis={t} />
            <ArticlePanel
              source={t.source}
              body={<StaticArticleBody sourceId={t.source.id} blocks={t.source.blocks} />}
            />
          </div>
        )) as [React.ReactNode, React.ReactNode]
      }
    />
  );
}
