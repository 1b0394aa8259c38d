'use client';

import { useMemo } from 'react';
import { ArticleBody } from '@/components/debate/article-body';
import { ArticlePanel } from '@/components/debate/article-panel';
import { ThesisCard } from '@/components/debate/thesis-card';
import type { MarkRange } from '@/lib/domain/text-segments';
import type { ThesisView } from '@/lib/domain/views';
import { Button } from '@/components/ui/button';
import { ClaimOutline } from './claim-outline';
import { useEditor } from './editor-context';
import { ThesisCounts } from './thesis-counts';

/** One side of the map: the thesis with its counts, its claims, and its article. */
export function EditorSide({
  thesis,
  marks,
  highlightBlock,
}: {
  thesis: ThesisView;
  marks: Record<number, MarkRange[]>;
  highlightBlock?: number;
}) {
  const {
    api,
    readOnly,
    openComposer,
    anchorsByClaim,
    linkEnds,
    composer,
    activeId,
    editingId,
    noteId,
  } = useEditor();
  const claims = useMemo(
    () => api.claims.filter((c) => c.thesisId === thesis.id),
    [api.claims, thesis.id],
  );
  return (
    <div className="space-y-4" data-thesis={thesis.id}>
      <div
        tabIndex={readOnly ? undefined : 0}
        role={readOnly ? undefined : 'group'}
        aria-label={
          readOnly ? undefined : `Thesis: ${thesis.label}. Press P or C to add a pro or con.`
        }
        onKeyDown={(e) => {
          if (readOnly || e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey)
            return;
          const key = e.key.toLowerCase();
          if (key === 'p' || key === 'c') {
            e.preventDefault();
            openComposer(null, thesis.id, key === 'p' ? 'pro' : 'con');
          }
        }}
        className="rounded-lg"
      >
        <ThesisCard thesis={thesis}>
          <ThesisCounts claims={api.claims} links={api.links} thesisId={thesis.id} />
          {!readOnly && (
            <div className="mt-3 flex gap-2" data-no-print>
              <Button size="sm" onClick={() => openComposer(null, thesis.id, 'pro')} title="P">
                + Add pro
              </Button>
              <Button size="sm" onClick={() => openComposer(null, thesis.id, 'con')} title="C">
                − Add con
              </Button>
            </div>
          )}
        </ThesisCard>
      </div>
      <ClaimOutline
        thesisId={thesis.id}
        claims={claims}
        anchorsByClaim={anchorsByClaim}
        linkEnds={linkEnds}
        composer={composer}
        activeId={activeId}
        editingId={editingId}
        noteId={noteId}
        readOnly={readOnly}
      />
      <ArticlePanel
        source={thesis.source}
        scroll
        body={
          <ArticleBody
            sourceId={thesis.source.id}
            blocks={thesis.source.blocks}
            marks={marks}
            highlightBlock={highlightBlock}
          />
        }
      />
    </div>
  );
}
