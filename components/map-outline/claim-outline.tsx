'use client';

import { Fragment, memo, useMemo } from 'react';
import { outline } from '@/lib/domain/argument-tree';
import { roles } from '@/lib/domain/dialectic';
import type { linkEndsByClaim } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import { ClaimComposer } from '@/components/map/claim-composer';
import { ClaimRow } from './claim-row';
import type { ComposerTarget } from '@/lib/editor/screen';

export interface ClaimOutlineProps {
  thesisId: string;
  /** This thesis's claims. */
  claims: ClaimView[];
  anchorsByClaim: Map<string, AnchorView[]>;
  linkEnds: ReturnType<typeof linkEndsByClaim>;
  composer: ComposerTarget | null;
  activeId: string | null;
  editing: { claimId: string; field: 'text' | 'note' } | null;
  /** Claims someone else just changed, with their name. */
  touched: Record<string, string>;
  readOnly: boolean;
}

/**
 * The claims under one thesis, in reading order, with the new-claim form where it was opened.
 * Memoized, so what does not concern the outline (the save status, a dialog) does not re-render it.
 */
export const ClaimOutline = memo(function ClaimOutline({
  thesisId,
  claims,
  anchorsByClaim,
  linkEnds,
  composer,
  activeId,
  editing,
  touched,
  readOnly,
}: ClaimOutlineProps) {
  const rows = useMemo(() => outline(claims, thesisId), [claims, thesisId]);
  // A claim's path to its thesis is always under the same thesis.
  const roleOf = useMemo(() => roles(claims), [claims]);
  const activeHere = rows.some((r) => r.claim.id === activeId);
  const composerHere = composer && composer.place.thesisId === thesisId;

  return (
    <div className="mt-3">
      {rows.length === 0 && !composerHere && (
        <p className="rounded-md border border-dashed border-stone-300 p-3 text-sm text-stone-600">
          {readOnly
            ? 'No claims under this thesis yet.'
            : 'No claims yet. Add a pro or con above to start.'}
        </p>
      )}
      <ul className="space-y-2" aria-label="Claims">
        {rows.map((row, i) => (
          <Fragment key={row.claim.id}>
            <ClaimRow
              claim={row.claim}
              depth={row.depth}
              childCount={row.childCount}
              role={roleOf.get(row.claim.id) ?? 'support'}
              anchors={anchorsByClaim.get(row.claim.id) ?? NO_ANCHORS}
              linksOut={linkEnds.out.get(row.claim.id)}
              linksIn={linkEnds.into.get(row.claim.id)}
              tabbable={activeHere ? row.claim.id === activeId : i === 0}
              active={row.claim.id === activeId}
              tools={row.claim.id === activeId && !composer}
              touchedBy={touched[row.claim.id]}
              editing={editing?.claimId === row.claim.id ? editing.field : null}
            />
            {composerHere && composer.afterClaimId === row.claim.id && (
              <li className="list-none">
                <ClaimComposer key={composer.label} />
              </li>
            )}
          </Fragment>
        ))}
        {composerHere && composer.afterClaimId === null && (
          <li className="list-none">
            <ClaimComposer key={composer.label} />
          </li>
        )}
      </ul>
    </div>
  );
});

const NO_ANCHORS: AnchorView[] = [];
