'use client';

import { Fragment, useMemo } from 'react';
import { outline } from '@/lib/domain/argument-tree';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import { ClaimComposer } from './claim-composer';
import { ClaimRow } from './claim-row';
import { useEditor } from './editor-context';

/** The claims under one thesis, in reading order, with the new-claim form where it was opened. */
export function ClaimOutline({
  thesisId,
  claims,
  anchors,
}: {
  thesisId: string;
  claims: ClaimView[];
  anchors: AnchorView[];
}) {
  const { composer, activeId, readOnly } = useEditor();
  const rows = useMemo(() => outline(claims, thesisId), [claims, thesisId]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const anchorsByClaim = useMemo(() => {
    const map = new Map<string, AnchorView[]>();
    for (const a of anchors) map.set(a.claimId, [...(map.get(a.claimId) ?? []), a]);
    return map;
  }, [anchors]);
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
              row={row}
              parent={row.claim.parentId ? (byId.get(row.claim.parentId) ?? null) : null}
              anchors={anchorsByClaim.get(row.claim.id) ?? []}
              tabbable={activeHere ? row.claim.id === activeId : i === 0}
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
}
