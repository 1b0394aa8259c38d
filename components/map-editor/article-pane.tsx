'use client';

import { useMemo } from 'react';
import { ArticleBody } from '@/components/debate/article-body';
import { StaticArticleBody } from '@/components/debate/article-html';
import { ArticlePanel } from '@/components/debate/article-panel';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useEditorState, useSession } from '@/components/map/session';
import { Button } from '@/components/ui/button';
import type { MarkRange } from '@/lib/domain/text-segments';
import { isAnchored } from '@/lib/domain/reanchor';
import type { AnchorView, SourceView } from '@/lib/domain/views';
import { SelectionQuoteBar } from './selection-quote-bar';

/**
 * The study desk's reading pane: one article at a time beside the map, scrolling on its own, so
 * the claim being written and the passage it comes from are on screen together. It turns to the
 * article of the claim selected (or of the quote clicked), and either article can be picked at
 * the top. On a phone it is a sheet over the lower part of the screen, opened from a button.
 * On a wide screen it stays below the site header while the map scrolls, and is short enough to
 * stay there at the end of the page too (the page's own bottom margin, 4rem, included): its
 * choice of article never goes under the header.
 */
export function ArticlePane() {
  const session = useSession();
  const { anchors, screen } = useEditorState();
  const { reading, highlight, sheet } = screen;
  const thesis = session.theses[reading]!;
  const source = thesis.source;
  const marks = useMemo(() => marksFor(anchors, highlight, source), [anchors, highlight, source]);
  // The server draws the article as one string of HTML (the same elements, nothing marked): a
  // whole class opening the map at once costs the server less. Its quotes are marked once the page
  // is live, a moment later.
  const hydrated = useHydrated();

  return (
    <>
      <button
        type="button"
        onClick={() => {
          session.setSheet(true);
          // The selected claim goes to the top of what the sheet leaves in view, once the page
          // has the room below it that comes with the sheet (a short map has none before).
          const row = document.querySelector(
            `[data-claim-row="${CSS.escape(screen.activeId ?? '')}"]`,
          );
          requestAnimationFrame(() => {
            if (row) window.scrollBy({ top: row.getBoundingClientRect().top - 16 });
          });
        }}
        className={`fixed bottom-3 right-3 z-30 rounded-full bg-stone-900 px-4 py-3 text-sm font-semibold text-white shadow-lg lg:hidden ${sheet ? 'hidden' : ''}`}
        data-no-print
      >
        Read the article
      </button>
      <section
        aria-label="Reading pane"
        data-reading-pane
        data-no-print
        className={`${sheet ? 'fixed inset-x-0 bottom-0 z-30 flex h-[55vh] rounded-t-xl border-t-2 shadow-2xl' : 'hidden'} flex-col border-stone-300 bg-stone-50 lg:sticky lg:top-[calc(var(--site-header)+0.5rem)] lg:z-auto lg:flex lg:h-[calc(100vh-var(--site-header)-4.5rem)] lg:rounded-lg lg:border lg:shadow-none`}
      >
        <div className="flex items-center gap-2 border-b border-stone-200 p-2">
          <div role="group" aria-label="Article shown" className="flex flex-1 gap-1">
            {session.theses.map((t, i) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={reading === i}
                onClick={() => session.read(i as 0 | 1)}
                className={`min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-sm font-semibold ${reading === i ? 'bg-white text-stone-900 shadow' : 'text-stone-700 hover:bg-stone-200'}`}
              >
                {t.source.publisher}
              </button>
            ))}
          </div>
          <Button
            size="sm"
            variant="ghost"
            className="lg:hidden"
            onClick={() => session.setSheet(false)}
          >
            Close
          </Button>
        </div>
        <div className="border-b border-stone-200 px-3 py-2 text-sm text-stone-800">
          <p className="line-clamp-2 lg:line-clamp-none">
            <span className="font-semibold">
              Thesis {reading + 1}: {thesis.label}.
            </span>{' '}
            {thesis.text}
          </p>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-2" data-pane-scroll>
          <ArticlePanel
            source={source}
            body={
              hydrated ? (
                <ArticleBody
                  sourceId={source.id}
                  blocks={source.blocks}
                  marks={marks}
                  highlightBlock={highlight?.sourceId === source.id ? highlight.block : undefined}
                />
              ) : (
                <StaticArticleBody sourceId={source.id} blocks={source.blocks} />
              )
            }
          />
        </div>
        {session.canEdit && <SelectionQuoteBar />}
      </section>
    </>
  );
}

/**
 * The article marks for one source: every quote, and the one being shown; not a quote whose words
 * are no longer at its place (its article was edited since), which would mark other words.
 */
function marksFor(anchors: AnchorView[], highlight: AnchorView | null, source: SourceView) {
  const marks: Record<number, MarkRange[]> = {};
  const here = (a: AnchorView) => a.sourceId === source.id && isAnchored(a, source.blocks);
  for (const a of anchors) {
    if (!here(a)) continue;
    (marks[a.block] ??= []).push({ start: a.start, end: a.end, kind: 'anchored' });
  }
  if (highlight && here(highlight)) {
    (marks[highlight.block] ??= []).push({
      start: highlight.start,
      end: highlight.end,
      kind: 'highlight',
    });
  }
  return marks;
}
