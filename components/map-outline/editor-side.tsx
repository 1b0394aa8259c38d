'use client';

import { useMemo } from 'react';
import { ThesisCard } from '@/components/debate/thesis-card';
import { CommandButton } from '@/components/map/command-button';
import { useEditorState, useSession } from '@/components/map/session';
import type { linkEndsByClaim } from '@/lib/domain/cross-links';
import type { AnchorView, ThesisView } from '@/lib/domain/views';
import { showsAuthors } from '@/lib/editor/authors';
import { ClaimOutline } from './claim-outline';
import { ThesisCounts } from './thesis-counts';

/** One side of the map: the thesis with its counts, and its claims. */
export function EditorSide({
  thesis,
  readOnly,
  anchorsByClaim,
  linkEnds,
}: {
  thesis: ThesisView;
  readOnly: boolean;
  anchorsByClaim: Map<string, AnchorView[]>;
  linkEnds: ReturnType<typeof linkEndsByClaim>;
}) {
  const { claims: all, links, screen, authors } = useEditorState();
  const session = useSession();
  const named = showsAuthors(authors, session.me?.id ?? null);
  const claims = useMemo(() => all.filter((c) => c.thesisId === thesis.id), [all, thesis.id]);
  const here = { thesisId: thesis.id, claimId: null };
  return (
    <div className="space-y-4" data-thesis={thesis.id}>
      <div
        tabIndex={readOnly ? undefined : 0}
        role={readOnly ? undefined : 'group'}
        data-thesis-keys={readOnly ? undefined : thesis.id}
        aria-label={
          readOnly ? undefined : `Thesis: ${thesis.label}. Press P or C to add a pro or con.`
        }
        className="rounded-lg"
      >
        <ThesisCard thesis={thesis}>
          <ThesisCounts claims={all} links={links} thesisId={thesis.id} />
          {!readOnly && (
            <div className="mt-3 flex gap-2" data-no-print>
              <CommandButton command="addPro" target={here}>
                + Add pro
              </CommandButton>
              <CommandButton command="addCon" target={here}>
                − Add con
              </CommandButton>
            </div>
          )}
        </ThesisCard>
      </div>
      <ClaimOutline
        thesisId={thesis.id}
        thesisLabel={thesis.label}
        claims={claims}
        anchorsByClaim={anchorsByClaim}
        linkEnds={linkEnds}
        composer={screen.composer}
        activeId={screen.activeId}
        focus={screen.focus}
        editing={screen.editing}
        touched={screen.touched}
        readOnly={readOnly}
        authors={named ? authors : null}
        authorFilter={named ? screen.author : null}
      />
    </div>
  );
}
